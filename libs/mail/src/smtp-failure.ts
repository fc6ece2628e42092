/** How a failed send is to be treated, with the words the office will read in last_error. */
export interface SmtpFailure {
  /** A 5xx reply (or no valid recipient at all): sending again cannot succeed. */
  permanent: boolean;
  /** The server's reply when there was one, otherwise the connection error. */
  reply: string;
}

interface NodemailerError {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/**
 * Sorts a nodemailer error: 5xx replies are permanent; 4xx replies, refused or dropped
 * connections and timeouts are transient and worth retrying later.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const response = typeof e.response === 'string' ? e.response.trim() : undefined;
  const reply = `${response ?? message}${code ? ` (${code})` : ''}`;
  if (responseCode !== undefined) {
    return { permanent: responseCode >= 500 && responseCode < 600, reply };
  }
  // An envelope refused before any server reply (no recipient address at all) will never pass.
  return { permanent: code === 'EENVELOPE', reply };
}

/** Socket errors of a connection to PostgreSQL that is refused, reset or cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
/**
 * SQLSTATEs of a server that is going away or not there yet: class 08 (connection exception),
 * 57P01–57P03 (administrator or crash shutdown, starting up), 53300 (too many connections).
 */
const UNAVAILABLE_STATE = /^(08...|57P0[123]|53300)$/;
/** What node-postgres says, without a code, when a connection dies or none can be had in time. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether `error` says PostgreSQL could not be reached (down, restarting, connection lost or no
 * pooled connection in time) rather than that the request was wrong: the caller should retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  // Duck-typed: errors of the socket layer need not share this realm's Error (e.g. under jest).
  return candidates.some((candidate) => {
    if (typeof candidate !== 'object' || candidate === null) {
      return false;
    }
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    return (
      (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_STATE.test(code))) ||
      (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message))
    );
  });
}

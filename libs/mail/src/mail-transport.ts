import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { DubanConfig } from '@duban/config';

/** Injection token of the one MailTransport a notifier process uses. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export interface OutgoingMail {
  /** With angle brackets: <notices.2026-11-23.…@duban> */
  messageId: string;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  text: string;
  html: string;
}

export interface MailReceipt {
  /** The server's final reply, e.g. "250 OK: queued as …". */
  response: string;
  accepted: string[];
  rejected: string[];
}

/**
 * The only thing the notifier knows about sending mail. Production uses the pooled SMTP transport
 * below; anything else (a test double, a logging transport for development) is injected in its place.
 */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<MailReceipt>;
  close(): void;
}

/** nodemailer's pooled SMTP options from the validated configuration. */
export function smtpPoolOptions(smtp: DubanConfig['smtp']): SMTPPool.Options {
  const url = new URL(smtp.url);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    // Credentials over smtp:// go only after STARTTLS: without requireTLS a server (or anyone on
    // the path) that does not offer STARTTLS gets the password in clear text.
    requireTLS: !secure && (smtp.requireTLS ?? url.username !== ''),
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    maxConnections: smtp.maxConnections,
    // The limit is shared by all connections of the pool: ratePerSecond messages per second.
    rateDelta: 1000,
    rateLimit: smtp.ratePerSecond,
    connectionTimeout: smtp.connectionTimeoutMs,
    greetingTimeout: smtp.connectionTimeoutMs,
    // A server that stops answering mid-transaction must not hold a job for ever.
    socketTimeout: Math.max(30_000, smtp.connectionTimeoutMs * 3),
    // Mail content is ours; nodemailer must never read files or fetch URLs named in it.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** One pooled nodemailer transport for the whole process. */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(private readonly smtp: DubanConfig['smtp']) {
    this.transporter = createTransport(smtpPoolOptions(smtp));
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    const info = await this.transporter.sendMail({
      from: this.smtp.from,
      to: [...mail.to],
      cc: [...mail.cc],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
    return {
      response: info.response,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
    };
  }

  close(): void {
    this.transporter.close();
  }
}

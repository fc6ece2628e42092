import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One mail the catcher accepted. */
export interface CaughtMail {
  messageId: string;
  to: string[];
  subject: string;
}

/**
 * The SMTP server the demo's notifier sends to when SMTP_URL is not set: a real server (the
 * `smtp-server` package) in the demo's process that keeps what it receives, so the demo can
 * count mails by Message-ID and show a few subjects.
 */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<MailCatcher> {
    let catcher: MailCatcher | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const head = Buffer.concat(chunks)
            .toString('utf8')
            .split(/\r?\n\r?\n/, 1)[0];
          catcher?.mails.push({
            messageId: header(head, 'message-id'),
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            subject: decodeSubject(header(head, 'subject')),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    catcher = new MailCatcher(server);
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** Mails by Message-ID: how many ids, and how many arrived more than once. */
  distinct(): { ids: number; duplicates: number } {
    const seen = new Map<string, number>();
    this.mails.forEach((mail) => seen.set(mail.messageId, (seen.get(mail.messageId) ?? 0) + 1));
    let duplicates = 0;
    seen.forEach((count) => (duplicates += count - 1));
    return { ids: seen.size, duplicates };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A header's value, with folded continuation lines joined. */
function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) of a Chinese subject. */
function decodeSubject(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (__, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

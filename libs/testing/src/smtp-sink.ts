import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  /** Message-ID header as sent, with angle brackets. */
  messageId: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  raw: string;
  /** Date.now() when the server accepted the DATA. */
  acceptedAt: number;
}

type SmtpError = Error & { responseCode: number };

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * A real SMTP server in the test process (the `smtp-server` package) whose inbox the test reads.
 * It counts every RCPT TO and DATA it sees, can refuse chosen recipients with a given reply, and
 * can be stopped and started again on the same port to play an outage.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  readonly rcptAttempts = new Map<string, number>();
  dataAttempts = 0;
  /** Called when a mail is in, before the server answers 250 (e.g. to kill the sender there). */
  onMail: ((mail: ReceivedMail) => void) | null = null;
  private readonly refusals = new Map<string, { code: number; message: string }>();
  private server: SMTPServer | null = null;
  private constructor(private boundPort: number) {}

  static async start(port = 0): Promise<SmtpSink> {
    const sink = new SmtpSink(port);
    await sink.listen();
    return sink;
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.boundPort}`;
  }

  /** RCPT TO `address` is answered with `code message` (e.g. 550 mailbox unavailable). */
  refuse(address: string, code: number, message: string): void {
    this.refusals.set(address.toLowerCase(), { code, message });
  }

  /** Accepts `address` again after `refuse`. */
  accept(address: string): void {
    this.refusals.delete(address.toLowerCase());
  }

  /** Client sessions the server holds open right now. */
  openConnections(): number {
    return this.server?.connections.size ?? 0;
  }

  byMessageId(messageId: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.messageId === messageId);
  }

  /** How many times each Message-ID arrived. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.mails) {
      counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    }
    return counts;
  }

  /** Stops listening and drops open connections at once (a crashed or unplugged server). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Starts again on the same port. */
  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      size: 10 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        this.rcptAttempts.set(to, (this.rcptAttempts.get(to) ?? 0) + 1);
        const refusal = this.refusals.get(to);
        callback(refusal ? smtpError(refusal.code, refusal.message) : undefined);
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', () => undefined);
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  private receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): void {
    this.dataAttempts += 1;
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = raw.slice(0, raw.search(/\r?\n\r?\n/) + 1 || raw.length);
      const messageId = /^Message-ID:\s*(.+)$/im.exec(header)?.[1].trim() ?? '';
      const mail: ReceivedMail = {
        messageId,
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
        raw,
        acceptedAt: Date.now(),
      };
      this.mails.push(mail);
      this.onMail?.(mail);
      callback();
    });
  }
}

import { createServer, type Server, Socket } from 'node:net';

/**
 * A TCP relay between a service and a server (PostgreSQL) that a test can cut: `down()` resets
 * every open connection and refuses new ones (the server restarting), `up()` lets them through
 * again on the same port.
 */
export class TcpLink {
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  /** `url` with its host and port replaced by this link's. */
  rewrite(url: string): string {
    const target = new URL(url);
    target.hostname = '127.0.0.1';
    target.port = String(this.port);
    return target.toString();
  }

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.targetPort, this.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.sockets.forEach((socket) => socket.resetAndDestroy());
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** A link to the host and port of `url`. */
  static to(url: string): TcpLink {
    const target = new URL(url);
    return new TcpLink(target.hostname, Number(target.port || 5432));
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port';
import { pollUntil } from './poll-until';

export interface PrivateRedis {
  url: string;
  /** A client of its own, for FLUSHALL, INFO and MEMORY USAGE. */
  client: Redis;
  stop(): Promise<void>;
}

/**
 * A redis-server of the caller's own (no persistence), for tests and benchmarks that FLUSHALL
 * or measure memory: the shared Redis is never flushed.
 */
export async function startPrivateRedis(binary = 'redis-server'): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 });
  // Connection errors while the server starts or after it stops are expected; ping decides.
  client.on('error', () => undefined);
  await pollUntil(
    async () => {
      try {
        if (client.status !== 'ready') {
          await client.connect();
        }
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    { timeoutMs: 10_000, intervalMs: 50, what: `redis-server on port ${port} answering` },
  );
  return {
    url,
    client,
    async stop() {
      await client.quit().catch(() => client.disconnect());
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The suite's own infrastructure: a PostgreSQL cluster made with initdb in a temporary folder, a
 * redis-server and an SMTP server, each on a free port of the loopback interface, so nothing the
 * suite does (restarts, FLUSHALL, outages) touches the shared servers of this machine.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createDataSource, ensureDatabase, runMigrations } from '@duban/db';
import {
  freePort,
  pollUntil,
  SmtpSink,
  startPrivateRedis,
  type PrivateRedis,
} from '@duban/testing';

const run = promisify(execFile);
/** PG_BIN, or the newest PostgreSQL of the Debian layout (/usr/lib/postgresql/<version>/bin). */
function postgresBin(): string {
  if (process.env.PG_BIN) {
    return process.env.PG_BIN;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error('initdb not found under /usr/lib/postgresql: install PostgreSQL or set PG_BIN');
  }
  return join(root, versions[0], 'bin');
}
const PG_BIN = postgresBin();

/** initdb refuses to run as root: the cluster then belongs to the postgres system user. */
const asRoot = process.getuid?.() === 0;
function pgCommand(binary: string, args: string[]): [string, string[]] {
  const path = join(PG_BIN, binary);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

async function pg(binary: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const [file, argv] = pgCommand(binary, args);
  const { stdout } = await run(file, argv, { timeout: timeoutMs });
  return stdout;
}

export class PostgresCluster {
  private running = false;
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** URL of a database on this cluster. */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static async create(): Promise<PostgresCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'duban-reliability-pg-'));
    if (asRoot) {
      await run('chown', ['postgres:postgres', dir]);
    }
    const cluster = new PostgresCluster(dir, await freePort());
    await pg('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    writeFileSync(
      join(dir, 'README'),
      'PostgreSQL cluster of one reliability run; deleted at its end.\n',
    );
    return cluster;
  }

  async start(): Promise<void> {
    await pg('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'postgres.log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB`,
      '-w',
      '-t',
      '60',
      'start',
    ]);
    this.running = true;
  }

  /** `immediate` is a crash: no shutdown checkpoint, WAL replay at the next start. */
  async stop(mode: 'fast' | 'immediate' = 'immediate'): Promise<void> {
    if (!this.running) {
      return;
    }
    await pg('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    this.running = false;
  }

  /** A new migrated database, made the way `npm run migration:run` makes one. */
  async createDatabase(name: string): Promise<string> {
    const url = this.url(name);
    await ensureDatabase(url);
    const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'duban-reliability' });
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    return url;
  }

  async answers(database = 'postgres'): Promise<boolean> {
    const client = new Client({
      connectionString: this.url(database),
      connectionTimeoutMillis: 2000,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async destroy(): Promise<void> {
    try {
      await this.stop('immediate');
    } catch {
      // already gone
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** For an exit handler, where nothing asynchronous runs any more. */
  destroySync(): void {
    try {
      const [file, argv] = pgCommand('pg_ctl', [
        '-D',
        this.dataDir,
        '-m',
        'immediate',
        '-w',
        'stop',
      ]);
      execFileSync(file, argv, { stdio: 'ignore', timeout: 30_000 });
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The suite's redis-server: a FLUSHALL here loses every queued and delayed job at once. */
export class RedisServer {
  private constructor(
    private readonly server: PrivateRedis,
    private readonly pid: number,
  ) {}

  static async start(): Promise<RedisServer> {
    const server = await startPrivateRedis();
    const info = await server.client.info('server');
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    return new RedisServer(server, pid);
  }

  /** For an exit handler. */
  killNow(): void {
    try {
      process.kill(this.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }

  get url(): string {
    return this.server.url;
  }

  async flushAll(): Promise<void> {
    await this.server.client.flushall();
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}

/** The SMTP server mail goes to; `outage` stops it and starts it again on the same port. */
export async function startSmtp(): Promise<SmtpSink> {
  return SmtpSink.start(await freePort());
}

export async function waitForPostgres(cluster: PostgresCluster, timeoutMs = 30_000): Promise<void> {
  await pollUntil(() => cluster.answers(), {
    timeoutMs,
    intervalMs: 200,
    what: `PostgreSQL on port ${cluster.port}`,
  });
}

/**
 * The four Duban services as separate processes, started from source (the real entry points,
 * apps/<name>/src/main.ts) with a configuration folder written for the run. Each can be killed
 * with SIGKILL and started again; its output goes to a log file of the run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, createWriteStream, readFileSync, type WriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';

export const SERVICES = ['api', 'scheduler', 'notifier', 'assessment'] as const;
export type ServiceName = (typeof SERVICES)[number];

const ROOT = join(__dirname, '..', '..');

export interface ServiceEnv {
  configDir: string;
  /** DUBAN_CLOCK_* and anything else every service gets. */
  extra: Record<string, string>;
  logDir: string;
}

export class ServiceProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream;
  private closed = false;
  /** Times it was started, for the report. */
  starts = 0;

  constructor(
    readonly name: ServiceName,
    private readonly env: ServiceEnv,
  ) {
    this.log = createWriteStream(join(env.logDir, `${name}.log`), { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and resolves once it logs `duban-<name> started` (rejects if it exits). */
  start(timeoutMs = 90_000): Promise<void> {
    if (this.closed) {
      return Promise.reject(new Error(`${this.name}: the run is stopping`));
    }
    if (this.alive) {
      throw new Error(`${this.name} is already running`);
    }
    this.starts += 1;
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'apps', this.name, 'src', 'main.ts')],
      {
        cwd: ROOT,
        // Only what the service needs: DATABASE_URL etc. of the calling shell must not override
        // the run's configuration folder.
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TZ: 'Asia/Shanghai',
          DUBAN_CONFIG_DIR: this.env.configDir,
          ...this.env.extra,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.log.write(
      `\n==== start ${this.starts} at ${new Date().toISOString()} (pid ${child.pid})\n`,
    );
    return new Promise((resolve, reject) => {
      let seen = '';
      let done = false;
      const timer = setTimeout(() => {
        if (!done) {
          done = true;
          reject(new Error(`${this.name} did not start within ${timeoutMs} ms`));
        }
      }, timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => {
        this.log.write(chunk);
        if (!done) {
          seen = (seen + chunk.toString()).slice(-4096);
          if (seen.includes(`duban-${this.name} started`)) {
            done = true;
            clearTimeout(timer);
            resolve();
          }
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => this.log.write(chunk));
      child.once('exit', (code, signal) => {
        this.log.write(`\n==== exit ${code ?? signal} at ${new Date().toISOString()}\n`);
        if (!done) {
          done = true;
          clearTimeout(timer);
          reject(new Error(`${this.name} exited (${code ?? signal}) before it started`));
        }
      });
    });
  }

  private exited(): Promise<void> {
    const child = this.child;
    return new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        resolve();
      } else {
        child.once('exit', () => resolve());
      }
    });
  }

  /** SIGKILL: no shutdown hook runs, jobs in hand are left to BullMQ's stalled-job recovery. */
  async kill(): Promise<void> {
    if (this.alive) {
      this.child?.kill('SIGKILL');
    }
    await this.exited();
  }

  /** SIGTERM (Nest's shutdown hooks), SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.alive) {
      return;
    }
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exited();
    clearTimeout(timer);
  }

  /** Synchronous last resort for process exit handlers. */
  killNow(): void {
    this.closed = true;
    if (this.alive) {
      this.child?.kill('SIGKILL');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }
}

export interface RunConfig {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
  apiPort: number;
  jwtSecret: string;
}

/**
 * A copy of config/ with the run's duban.yaml: its own database, Redis, SMTP server and port,
 * JSON logs at info level (the start line is one), and tokens that outlive the run whatever the simulated clock says.
 */
export function writeConfigDir(dir: string, run: RunConfig): void {
  cpSync(join(ROOT, 'config'), dir, { recursive: true });
  const yaml = load(readFileSync(join(ROOT, 'config', 'duban.yaml'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  yaml.database = { ...yaml.database, url: run.databaseUrl };
  yaml.redis = { ...yaml.redis, url: run.redisUrl, prefix: 'duban-rel' };
  yaml.smtp = { ...yaml.smtp, url: run.smtpUrl, connectionTimeoutMs: 5000 };
  yaml.api = { ...yaml.api, port: run.apiPort };
  yaml.auth = { ...yaml.auth, jwtSecret: run.jwtSecret, tokenTtlSeconds: 7 * 86_400 };
  yaml.log = { level: 'info', json: true };
  writeFileSync(join(dir, 'duban.yaml'), dump(yaml));
}

import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SERVICES = ['api', 'scheduler', 'notifier', 'assessment'] as const;
export type ServiceName = (typeof SERVICES)[number];

interface Running {
  name: ServiceName;
  child: ChildProcess;
  started: Promise<void>;
  exited: Promise<number | null>;
}

/**
 * The four services as separate processes, run from source (the demo needs no build), each
 * logging to <logDir>/<name>.log. A service that exits before saying it started fails the start
 * with the last lines it wrote.
 */
export class DemoServices {
  private readonly running: Running[] = [];

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
  ) {}

  async start(): Promise<void> {
    mkdirSync(this.logDir, { recursive: true });
    for (const name of SERVICES) {
      this.running.push(this.spawn(name));
    }
    await Promise.all(this.running.map((service) => service.started));
  }

  /** SIGTERM to each, then SIGKILL to any still running after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    const alive = this.running.filter((s) => s.child.exitCode === null && !s.child.signalCode);
    alive.forEach((s) => s.child.kill('SIGTERM'));
    const timer = setTimeout(() => alive.forEach((s) => s.child.kill('SIGKILL')), graceMs);
    await Promise.all(alive.map((s) => s.exited));
    clearTimeout(timer);
  }

  private spawn(name: ServiceName): Running {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join('apps', name, 'src', 'main.ts')],
      { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const log = createWriteStream(join(this.logDir, `${name}.log`));
    const tail: string[] = [];
    let onLine: (line: string) => void = () => undefined;
    let rest = '';
    const take = (chunk: Buffer) => {
      log.write(chunk);
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach((line) => {
        tail.push(line);
        if (tail.length > 5) tail.shift();
        onLine(line);
      });
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        log.end();
        resolve(code);
      }),
    );
    const started = new Promise<void>((resolve, reject) => {
      onLine = (line) => {
        if (line.includes(`duban-${name} started`)) {
          resolve();
        }
      };
      void exited.then((code) =>
        reject(new Error(`duban-${name} exited with ${code} while starting:\n${tail.join('\n')}`)),
      );
    });
    return { name, child, started, exited };
  }
}

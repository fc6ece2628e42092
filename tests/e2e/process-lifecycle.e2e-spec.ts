import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts a service from source; resolves when it exits, calling `onStarted` once it says it started. */
function runService(
  app: string,
  env: NodeJS.ProcessEnv,
  onStarted?: (kill: () => void) => void,
): Promise<Run> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_JSON: 'true', LOG_LEVEL: 'info', ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  let started = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!started && stdout.includes(`duban-${app} started`)) {
      started = true;
      onStarted?.(() => child.kill('SIGTERM'));
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

describe('service processes', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    db = await createTestDatabase({ initialize: false });
    redis = createTestRedis();
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      PORT: String(4100 + Math.floor(Math.random() * 800)),
    };
  });
  afterAll(async () => {
    await redis.cleanup();
    await db.drop();
  });

  it.each([
    ['api', true],
    ['scheduler', true],
    ['notifier', false],
    ['assessment', false],
  ])('%s starts, then stops on SIGTERM after its shutdown hooks', async (app, runsRelay) => {
    const run = await runService(app, env, (stop) => stop());
    // Nest runs the shutdown hooks, then lets SIGTERM end the process as the signal asked.
    expect({ code: run.code, signal: run.signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(run.stderr.replace(/.*DeprecationWarning.*\n|.*--trace-deprecation.*\n/g, '')).toBe('');
    // Every log line is one JSON object.
    const messages = run.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { message: string }).message);
    expect(messages).toContain(`duban-${app} started`);
    if (runsRelay) {
      // The relay stops in the shutdown hooks, after the start; a job already running (the
      // scheduler's start-up sweep) may still finish and log after it.
      const started = messages.indexOf(`duban-${app} started`);
      expect(messages.slice(started + 1)).toContain('outbox relay stopped');
    }
  });

  it.each([
    [
      'PostgreSQL',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/duban' },
      /^duban-api: Cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/duban \(.*\): start it with/,
    ],
    [
      'Redis',
      { REDIS_URL: 'redis://127.0.0.1:1' },
      /^duban-api: Cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\): start it with/,
    ],
    [
      'a valid configuration',
      { PORT: 'eighty' },
      /^duban-api: Invalid configuration api\.port \(env PORT\): expected number, got "eighty"$/,
    ],
  ])('stops with one line and status 1 without %s', async (_what, broken, message) => {
    const run = await runService('api', { ...env, ...broken });
    const lines = run.stderr
      .split('\n')
      .filter((line) => line && !/DeprecationWarning|--trace-deprecation/.test(line));
    expect(run.code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

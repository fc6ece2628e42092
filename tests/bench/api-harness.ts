/**
 * What the API benches share: the generated dataset (tasks, three assignments each, departments,
 * plans), bench users, a warm PostgreSQL cache, the API as its own process, and signing in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSync } from 'bcryptjs';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@duban/db';
import { redisOptionsFromUrl } from '@duban/queue';
import { deleteKeysWithPrefix } from '@duban/testing';

export const DEPARTMENTS = 2000;
const PLANS = 100;
export const BENCH_PASSWORD = 'bench-password';

/** The database bench:api generates (and bench:api-mixed reuses when it has the asked size). */
export function benchDatabaseUrl(name = 'duban_bench_api'): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
  url.pathname = `/${name}`;
  return url.toString();
}

export function datasetLabel(tasks: number): string {
  return `${tasks.toLocaleString('en-US')} tasks, ${(tasks * 3).toLocaleString('en-US')} assignments, ${DEPARTMENTS} departments`;
}

export async function migrate(databaseUrl: string): Promise<void> {
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
}

/** Drops and generates the dataset: deadlines spread over five years, one task in five completed. */
export async function generateDataset(databaseUrl: string, tasks: number): Promise<void> {
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(
    `INSERT INTO departments (name, kind, emails)
     SELECT '部门' || g, 'government', ARRAY['d' || g || '@bench.example'] FROM generate_series(1, ${DEPARTMENTS}) g`,
  );
  await client.query(
    `INSERT INTO plans (title, source_text, source_hash, status)
     SELECT '方案' || g, '', lpad(g::text, 64, '0'), 'active' FROM generate_series(1, ${PLANS}) g`,
  );
  await client.query(
    `WITH p AS (SELECT array_agg(id ORDER BY title) AS ids FROM plans)
     INSERT INTO tasks (plan_id, number_path, level, title, body, deadline, status, position, completed_at)
     SELECT p.ids[1 + g % ${PLANS}], 'n' || g, 1, '任务' || g, '', date '2024-01-01' + (g * 37 % 1826),
            CASE WHEN g % 5 = 0 THEN 'completed' ELSE 'open' END, g,
            CASE WHEN g % 5 = 0 THEN now() END
       FROM p, generate_series(1, ${tasks}) g`,
  );
  // Three departments per task: one lead, two supporting.
  await client.query(
    `WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM departments)
     INSERT INTO task_assignments (task_id, department_id, role)
     SELECT t.id, d.ids[1 + ((t.position * 7 + k * 13) % ${DEPARTMENTS})], CASE WHEN k = 0 THEN 'lead' ELSE 'support' END
       FROM d, tasks t, generate_series(0, 2) k`,
  );
  await client.query('VACUUM ANALYZE');
  console.log(
    `generated ${tasks.toLocaleString('en-US')} tasks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await client.end();
}

/** How many tasks the database holds, or undefined when it does not exist or has no tasks table. */
export async function countTasks(databaseUrl: string): Promise<number | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM tasks');
    return Number(rows[0].n);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server's version and the settings write latency hangs on, as one line (the SQL says which). */
export async function postgresSettings(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sql = readFileSync(join(__dirname, 'postgres-settings.sql'), 'utf8');
    const { rows } = await client.query<{ settings: string }>(sql);
    return rows[0].settings;
  } finally {
    await client.end();
  }
}

export interface BenchUser {
  username: string;
  role: 'supervisor' | 'department';
  /** The department's name, for department users. */
  department?: string;
}

/** Replaces every bench_* user with the given ones (password BENCH_PASSWORD). */
export async function seedUsers(databaseUrl: string, users: BenchUser[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const hash = hashSync(BENCH_PASSWORD, 4);
  await client.query(`DELETE FROM users WHERE username LIKE 'bench_%'`);
  await client.query(
    `INSERT INTO users (username, display_name, password_hash, role, department_id)
     SELECT u.username, u.username, $1, u.role, d.id
       FROM jsonb_to_recordset($2::jsonb) AS u(username text, role text, department text)
       LEFT JOIN departments d ON d.name = u.department`,
    [hash, JSON.stringify(users)],
  );
  await client.end();
}

/**
 * Reads every table and index once (pg_prewarm), so the figures are of a database whose data is
 * in memory, as a production one is after a while. Without the extension the warm-up passes warm
 * only what they touch, and the write and detail figures come out several times worse.
 */
export async function prewarm(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    await client.query(
      `SELECT sum(pg_prewarm(c.oid::regclass, 'read')) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')`,
    );
  } catch (error) {
    console.warn(
      `pg_prewarm not available (${(error as Error).message}): measuring with a partly cold cache`,
    );
  } finally {
    await client.end();
  }
}

export interface RunningApi {
  url: string;
  login(username: string): Promise<string>;
  /** Stops the process and deletes the queue keys its outbox relay wrote; once, however often called. */
  stop(): Promise<void>;
}

/**
 * Starts apps/api as its own process on a free-ish port, with its own Redis key prefix; `entry`
 * another start script of it (the Express adapter's, for the adapter comparison).
 */
export async function startApi(
  databaseUrl: string,
  redisPrefix: string,
  entry = 'apps/api/src/main.ts',
): Promise<RunningApi> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: redisPrefix,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopProcess = async (): Promise<void> => {
    child.kill('SIGTERM');
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
    ]);
    if (!stopped) {
      // Left running, it would relay and poll on through the benches that follow.
      console.error('the API did not stop within 10 s of SIGTERM: killed');
      child.kill('SIGKILL');
      await exited;
    }
    const redis = new Redis(redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'));
    try {
      await deleteKeysWithPrefix(redis, redisPrefix);
    } finally {
      redis.disconnect();
    }
  };
  // Stopped once, however often asked (bench:api stops its API early for the Express run).
  let stopping: Promise<void> | undefined;
  const api: RunningApi = {
    url,
    async login(username) {
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: BENCH_PASSWORD }),
      });
      if (!response.ok) {
        throw new Error(`login of ${username}: ${response.status} ${await response.text()}`);
      }
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    stop() {
      stopping ??= stopProcess();
      return stopping;
    },
  };
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return api;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not start within 20 s');
}

/**
 * bench:api — the API on a generated dataset (default 1M tasks, 3M assignments, 2k departments):
 * p95 of one department's overdue board and of the office's first ledger page, task detail
 * requests/s, and p99 of a deadline change (write + audit + outbox) at 300 req/s. The API runs
 * as its own process; the baseline, measured in the same run, is GET /auth/me (HTTP + JWT floor).
 * Usage: npm run bench:api [-- --tasks 1000000] [-- --reuse]  (--reuse keeps the generated data)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { hashSync } from 'bcryptjs';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@duban/db';
import { report } from './bench-report';

const arg = (name: string) => process.argv.indexOf(name);
const TASKS = Number(process.argv[arg('--tasks') + 1]) || 1_000_000;
const REUSE = arg('--reuse') >= 0;
const DEPARTMENTS = 2000;
const PLANS = 100;
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
base.pathname = '/duban_bench_api';
const databaseUrl = base.toString();
const port = 3900 + Math.floor(Math.random() * 90);
const url = `http://127.0.0.1:${port}`;

async function generate(): Promise<void> {
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
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
  // Deadlines spread over five years; one task in five completed.
  await client.query(
    `WITH p AS (SELECT array_agg(id ORDER BY title) AS ids FROM plans)
     INSERT INTO tasks (plan_id, number_path, level, title, body, deadline, status, position, completed_at)
     SELECT p.ids[1 + g % ${PLANS}], 'n' || g, 1, '任务' || g, '', date '2024-01-01' + (g * 37 % 1826),
            CASE WHEN g % 5 = 0 THEN 'completed' ELSE 'open' END, g,
            CASE WHEN g % 5 = 0 THEN now() END
       FROM p, generate_series(1, ${TASKS}) g`,
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
    `generated ${TASKS.toLocaleString('en-US')} tasks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await client.end();
}

async function seedUsers(): Promise<{ departmentId: string }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const hash = hashSync('bench-password', 4);
  const [{ id: departmentId }] = (
    await client.query<{ id: string }>(`SELECT id FROM departments WHERE name = '部门1'`)
  ).rows;
  await client.query(`DELETE FROM users WHERE username LIKE 'bench_%'`);
  await client.query(
    `INSERT INTO users (username, display_name, password_hash, role, department_id)
     VALUES ('bench_office', 'office', $1, 'supervisor', NULL), ('bench_dept', 'dept', $1, 'department', $2)`,
    [hash, departmentId],
  );
  await client.end();
  return { departmentId };
}

async function startApi(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: 'duban-bench-api',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return child;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not start within 20 s');
}

async function login(username: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench-password' }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: 10, ...options }, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
  });
}

function checked(name: string, result: autocannon.Result): autocannon.Result {
  if (result.non2xx || result.errors) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return result;
}

async function main(): Promise<void> {
  if (REUSE) {
    // The kept data may predate newer migrations.
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
  } else {
    await generate();
  }
  const { departmentId } = await seedUsers();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const sample = (
    await client.query<{ id: string; row_version: number }>(
      `SELECT id, row_version FROM tasks WHERE status = 'open' ORDER BY random() LIMIT 20000`,
    )
  ).rows;
  const taskIds = sample.map((r) => r.id);
  // The figures are of a database whose data is in memory (as a production one is after a while):
  // pg_prewarm reads every table and index once. Without the extension the warm-up passes below
  // warm only what they touch, and the write and detail figures come out several times worse.
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
  }
  await client.end();
  const api = await startApi();
  try {
    const office = await login('bench_office');
    const auth = { authorization: `Bearer ${office}` };
    const dataset = `${TASKS.toLocaleString('en-US')} tasks, ${(TASKS * 3).toLocaleString('en-US')} assignments, ${DEPARTMENTS} departments`;

    // Each scenario runs once unmeasured first: the figures are of a warm cache, not of disk reads.
    const measure = async (name: string, options: () => autocannon.Options) => {
      await load({ ...options(), duration: 5 });
      return checked(name, await load(options()));
    };
    const floor = await measure('auth/me', () => ({
      url: `${url}/auth/me`,
      headers: auth,
      connections: 20,
    }));
    const board = await measure('board', () => ({
      url: `${url}/board?departmentId=${departmentId}`,
      headers: auth,
      connections: 10,
    }));
    const firstPage = await measure('first page', () => ({
      url: `${url}/tasks?limit=50`,
      headers: auth,
      connections: 10,
    }));
    let next = 0;
    const detail = await measure('detail', () => ({
      url,
      headers: auth,
      connections: 20,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({
            ...request,
            path: `/tasks/${taskIds[next++ % taskIds.length]}`,
          }),
        },
      ],
    }));
    // Every edit goes to a task not edited before in this run, based on its current version.
    let edited = 0;
    const deadlineChange = await measure('deadline change', () => ({
      url,
      headers: { ...auth, 'content-type': 'application/json' },
      connections: 20,
      overallRate: 300,
      amount: 3000,
      requests: [
        {
          method: 'PATCH',
          setupRequest: (request) => {
            const task = sample[edited++ % sample.length];
            return {
              ...request,
              path: `/tasks/${task.id}`,
              body: JSON.stringify({ rowVersion: task.row_version, deadline: '2030-06-30' }),
            };
          },
        },
      ],
    }));
    const floorRow = { label: 'GET /auth/me', value: floor.latency.p97_5 };
    report('api', [
      {
        figure: 'overdue board, one department: p95 latency',
        value: board.latency.p97_5,
        unit: 'ms (p97.5)',
        baseline: floorRow,
        better: 'lower',
        aim: '< 50 ms',
        dataset,
      },
      {
        figure: "office's first ledger page: p95 latency",
        value: firstPage.latency.p97_5,
        unit: 'ms (p97.5)',
        baseline: floorRow,
        better: 'lower',
        aim: '< 50 ms',
        dataset,
      },
      {
        figure: 'task detail: requests/s (20 connections)',
        value: detail.requests.average,
        unit: 'req/s',
        baseline: { label: 'GET /auth/me', value: floor.requests.average },
        better: 'higher',
        aim: '≥ 1,500/s',
        dataset,
      },
      {
        figure: 'deadline change at 300 req/s: p99 latency',
        value: deadlineChange.latency.p99,
        unit: 'ms',
        baseline: { label: 'GET /auth/me p99', value: floor.latency.p99 },
        better: 'lower',
        aim: '< 30 ms',
        dataset,
      },
    ]);
  } finally {
    api.kill('SIGTERM');
  }
  if (arg('--drop') >= 0) {
    await dropDatabase(databaseUrl);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// A 20,000-task plan through the API in one process: parse (worker thread), commit, and the
// ledger downloads (xlsx, csv), each with the worst GET /auth/me latency while it runs (probed
// every 20 ms). Baselines in the same run: the bare INSERT of the same tasks and assignments in
// one statement each (the floor of a commit), and GET /auth/me alone.
// Run with `npm run bench:import [-- --tasks 20000]`; uses the database duban_bench_import.
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { validateConfig } from '@duban/config';
import { dropDatabase, ensureDatabase } from '@duban/db';
import { createTestRedis, makeDepartment, makeUser, testConfig } from '@duban/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { benchDatabaseUrl, migrate } from './api-harness';
import { report } from './bench-report';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const TASKS = argument('tasks', 20_000);
const DEPARTMENTS = ['市数据局', '市发展改革委', '市财政局'];

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** Chinese numerals below 100: 一, 十一, 二十三. */
const chinese = (n: number): string =>
  n < 10 ? DIGITS[n] : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${DIGITS[n % 10]}`;

/** Sections 一、 of ten parts (一) of 100 items: up to 20,000 tasks in the shape of a real plan. */
function planText(count: number): string {
  const lines = ['数字政府建设实施方案(基准)'];
  for (let i = 0; i < count; i++) {
    if (i % 1000 === 0) {
      lines.push(`${chinese(i / 1000 + 1)}、第${i / 1000 + 1}部分任务`);
    }
    if (i % 100 === 0) {
      lines.push(`(${chinese((i % 1000) / 100 + 1)})第${i / 100 + 1}组任务`);
    }
    lines.push(
      `${(i % 100) + 1}.推进第${i + 1}项工作,完善一体化政务服务平台,2026年底前完成。(市数据局牵头,市发展改革委、市财政局配合)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const databaseUrl = benchDatabaseUrl('duban_bench_import');
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  const redis = createTestRedis();
  const base = testConfig({ databaseUrl, redisUrl: redis.url, redisPrefix: redis.prefix });
  const config = validateConfig({
    ...base,
    imports: { ...base.imports, maxTasks: TASKS, maxTextChars: 4_000_000 },
  });
  const app = await createApiApp(config);
  const ds = app.get(await import('typeorm').then((m) => m.DataSource));
  const http = () => request(app.getHttpServer());
  for (const name of DEPARTMENTS) {
    await makeDepartment(ds, { name });
  }
  const user = await makeUser(ds, 'supervisor');
  const login = await http()
    .post('/api/v1/auth/login')
    .send({ username: user.username, password: 'duban-test-password' });
  const auth = { Authorization: `Bearer ${(login.body as { accessToken: string }).accessToken}` };

  /** Runs `work` while probing GET /auth/me; its time and the worst probe latency. */
  const timed = async <T>(work: () => Promise<T>) => {
    const latencies: number[] = [];
    let running = true;
    const probe = (async () => {
      while (running) {
        const started = performance.now();
        await http().get('/api/v1/auth/me').set(auth);
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const started = performance.now();
    const result = await work();
    const ms = performance.now() - started;
    running = false;
    await probe;
    return { result, ms, worst: Math.max(...latencies) };
  };

  const idle = await timed(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  const text = planText(TASKS);
  const parse = await timed(() => http().post('/api/v1/plan-imports').set(auth).send({ text }));
  const draft = parse.result.body as { id: string; rowVersion: number; taskCount: number };
  if (parse.result.status !== 201 || draft.taskCount !== TASKS) {
    throw new Error(
      `import answered ${parse.result.status}: ${JSON.stringify(parse.result.body).slice(0, 300)}`,
    );
  }
  const commit = await timed(() =>
    http()
      .post(`/api/v1/plan-imports/${draft.id}/commit`)
      .set(auth)
      .send({ rowVersion: draft.rowVersion }),
  );
  if (commit.result.status !== 200) {
    throw new Error(`commit answered ${commit.result.status}`);
  }
  const planId = (commit.result.body as { planId: string }).planId;
  const xlsx = await timed(() =>
    http().get(`/api/v1/plans/${planId}/ledger.xlsx`).set(auth).buffer(true),
  );
  const csv = await timed(() => http().get(`/api/v1/plans/${planId}/ledger.csv`).set(auth));

  // The floor: the same rows written by one INSERT each, in one transaction.
  const floorStarted = performance.now();
  await ds.transaction(async (manager) => {
    const [{ id: floorPlan }] = await manager.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash, version, status) VALUES ('floor', '', 'floor', 1, 'active') RETURNING id`,
    );
    await manager.query(
      `INSERT INTO tasks (plan_id, number_path, level, position, title, body, recurrence, targets)
       SELECT $1, 'f' || n, 2, n, '推进第' || n || '项工作', '', 'none', '[]' FROM generate_series(1, $2::int) n`,
      [floorPlan, TASKS],
    );
    await manager.query(
      `INSERT INTO task_assignments (task_id, department_id, role, assigned_at)
       SELECT t.id, d.id, CASE WHEN d.name = '市数据局' THEN 'lead' ELSE 'support' END, now()
         FROM tasks t CROSS JOIN departments d WHERE t.plan_id = $1`,
      [floorPlan],
    );
  });
  const floorMs = performance.now() - floorStarted;

  const dataset = `${TASKS.toLocaleString('en-US')} tasks × 3 departments (${(text.length / 1e6).toFixed(2)} M characters)`;
  const probeBase = { label: 'GET /auth/me worst, idle 1 s', value: idle.worst };
  report('import', [
    { figure: 'parse (POST /plan-imports)', value: parse.ms, unit: 'ms', better: 'lower', dataset },
    {
      figure: 'GET /auth/me worst during parse',
      value: parse.worst,
      unit: 'ms',
      baseline: probeBase,
      better: 'lower',
      dataset,
    },
    {
      figure: 'commit',
      value: commit.ms,
      unit: 'ms',
      baseline: { label: 'bare INSERTs', value: floorMs },
      better: 'lower',
      dataset,
    },
    {
      figure: 'GET /auth/me worst during commit',
      value: commit.worst,
      unit: 'ms',
      baseline: probeBase,
      better: 'lower',
      dataset,
    },
    { figure: 'ledger.xlsx', value: xlsx.ms, unit: 'ms', better: 'lower', dataset },
    {
      figure: 'GET /auth/me worst during xlsx',
      value: xlsx.worst,
      unit: 'ms',
      baseline: probeBase,
      better: 'lower',
      dataset,
    },
    { figure: 'ledger.csv', value: csv.ms, unit: 'ms', better: 'lower', dataset },
    {
      figure: 'GET /auth/me worst during csv',
      value: csv.worst,
      unit: 'ms',
      baseline: probeBase,
      better: 'lower',
      dataset,
    },
  ]);
  await app.close();
  await redis.cleanup();
  await dropDatabase(databaseUrl);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

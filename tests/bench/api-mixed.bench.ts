/**
 * bench:api-mixed — the API under a mixed workload of 200 concurrent clients: department users
 * read (their task list, a task's detail, their board), report progress and declare completion
 * of tasks they lead; the office approves half of the declared completions. Requests/s and
 * p50/p95/p99 overall and per kind, beside GET /auth/me (HTTP + JWT floor) at the same
 * concurrency, measured in the same run. Every write is real: each non-2xx answer is counted and
 * printed, the bench fails if more than 1 % of a kind fails, and the rows written are counted
 * in PostgreSQL afterwards.
 *
 * Data: the database of bench:api (1M tasks, 3M assignments, 2k departments), reused when it
 * holds --tasks tasks and generated otherwise (--fresh always generates). The writes touch a few
 * thousand of its ~800k open tasks, so a run leaves it fit for the next.
 * Usage: npm run bench:api-mixed [-- --tasks 1000000 --clients 200 --seconds 20 --fresh]
 */
import { Client } from 'pg';
import {
  benchDatabaseUrl,
  type BenchUser,
  countTasks,
  datasetLabel,
  generateDataset,
  migrate,
  prewarm,
  seedUsers,
  startApi,
} from './api-harness';
import { type BenchRow, report } from './bench-report';
import {
  type Call,
  connections,
  failedCount,
  type KindFigures,
  runClosedLoop,
} from './closed-loop';

const arg = (name: string) => process.argv.indexOf(name);
const numberArg = (name: string, fallback: number) =>
  arg(name) >= 0 ? Number(process.argv[arg(name) + 1]) : fallback;
const TASKS = numberArg('--tasks', 1_000_000);
const CLIENTS = numberArg('--clients', 200);
const SECONDS = numberArg('--seconds', 20);
const WARM_UP_SECONDS = 5;
/** Department users of 100 departments, two clients each at 200 clients. */
const ACTING_DEPARTMENTS = 100;
/** Open tasks each department may declare complete in one run. */
const DECLARABLE_PER_DEPARTMENT = 300;
const MAX_FAILED_SHARE = 0.01;
const databaseUrl = benchDatabaseUrl();

/** Share of each kind in the mix (%); an approval with nothing declared yet reads a task instead. */
const MIX = [
  ['task list', 20],
  ['task detail', 30],
  ['board', 15],
  ['progress report', 20],
  ['completion declared', 10],
  ['completion approved', 5],
] as const;
type Kind = (typeof MIX)[number][0];

interface Pools {
  /** The acting departments' names. */
  names: string[];
  /** Per department: open tasks it is assigned to and that no one declares complete in the run. */
  reportable: string[][];
  /** Per department: open tasks it leads, declared complete one by one. */
  declarable: string[][];
  open: number;
}

async function loadPools(): Promise<Pools> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // In the generated data a department leads either open or completed tasks only: act as the
  // first departments that lead open ones.
  const names = (
    await client.query<{ name: string }>(
      `SELECT d.name FROM departments d
        WHERE EXISTS (SELECT 1 FROM task_assignments a JOIN tasks t ON t.id = a.task_id
                       WHERE a.department_id = d.id AND a.role = 'lead' AND t.status = 'open')
        ORDER BY d.name LIMIT $1`,
      [ACTING_DEPARTMENTS],
    )
  ).rows.map((r) => r.name);
  if (names.length < ACTING_DEPARTMENTS) {
    throw new Error(`only ${names.length} departments lead an open task`);
  }
  const { rows } = await client.query<{ name: string; task_id: string; role: string }>(
    `SELECT d.name, a.task_id, a.role FROM departments d
       JOIN task_assignments a ON a.department_id = d.id
       JOIN tasks t ON t.id = a.task_id AND t.status = 'open'
      WHERE d.name = ANY($1::text[]) ORDER BY a.task_id`,
    [names],
  );
  const [{ n: open }] = (
    await client.query<{ n: string }>(`SELECT count(*) AS n FROM tasks WHERE status = 'open'`)
  ).rows;
  await client.end();
  const index = new Map(names.map((name, i) => [name, i]));
  const declarable = names.map(() => [] as string[]);
  const declared = new Set<string>();
  for (const row of rows) {
    const list = declarable[index.get(row.name)!];
    if (row.role === 'lead' && list.length < DECLARABLE_PER_DEPARTMENT) {
      list.push(row.task_id);
      declared.add(row.task_id);
    }
  }
  // A task some department may declare (and the office approve) is never reported on, so a
  // progress report never meets a closed task.
  const reportable = names.map(() => [] as string[]);
  for (const row of rows) {
    if (!declared.has(row.task_id)) {
      reportable[index.get(row.name)!].push(row.task_id);
    }
  }
  if (reportable.some((l) => !l.length)) {
    throw new Error('the dataset has too few open tasks for every acting department');
  }
  return { names, reportable, declarable, open: Number(open) };
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];
const RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;

/** Writes the mixed workload's next request of a client: its department acts, the office approves. */
function mixedWorkload(pools: Pools, departmentTokens: string[], officeToken: string) {
  const toApprove: string[] = [];
  const total = MIX.reduce((sum, [, share]) => sum + share, 0);
  const chooseKind = (): Kind => {
    let r = Math.random() * total;
    for (const [kind, share] of MIX) {
      r -= share;
      if (r < 0) {
        return kind;
      }
    }
    return MIX[0][0];
  };
  return (clientIndex: number): Call => {
    const d = clientIndex % ACTING_DEPARTMENTS;
    const token = departmentTokens[d];
    const kind = chooseKind();
    const anyTask = () => pick(Math.random() < 0.8 ? pools.reportable[d] : pools.declarable[d]);
    switch (kind) {
      case 'task list':
        return { kind, method: 'GET', path: '/api/v1/tasks?limit=50', token };
      case 'board':
        return { kind, method: 'GET', path: '/api/v1/board', token };
      case 'progress report':
        return {
          kind,
          method: 'POST',
          path: `/api/v1/tasks/${pick(pools.reportable[d])}/progress`,
          token,
          body: { text: '项目按计划推进,已完成阶段性目标。', percent: 50 },
        };
      case 'completion declared': {
        const taskId = pools.declarable[d].pop();
        if (taskId) {
          return {
            kind,
            method: 'POST',
            path: `/api/v1/tasks/${taskId}/completion`,
            token,
            body: { evidence: '任务已完成,验收材料齐全。' },
            onSuccess: () => {
              if (Math.random() < 0.5) toApprove.push(taskId);
            },
          };
        }
        break;
      }
      case 'completion approved': {
        const taskId = toApprove.shift();
        if (taskId) {
          return {
            kind,
            method: 'POST',
            path: `/api/v1/tasks/${taskId}/completion/approve`,
            token: officeToken,
            body: { rating: pick([...RATINGS]) },
          };
        }
        break;
      }
      case 'task detail':
        break;
    }
    return { kind: 'task detail', method: 'GET', path: `/api/v1/tasks/${anyTask()}`, token };
  };
}

function printFailures(name: string, figures: KindFigures[]): void {
  for (const f of figures) {
    const failed = failedCount(f);
    const statuses = Object.entries(f.failures)
      .map(([status, n]) => `${n}× ${status}`)
      .join(', ');
    console.log(
      `${name} ${f.kind}: ${f.count} requests, ${failed} failed${failed ? ` (${statuses})` : ''}`,
    );
    for (const sample of Object.values(f.samples)) {
      console.log(`  e.g. ${sample}`);
    }
  }
}

function assertMostlySucceeded(name: string, figures: KindFigures[]): void {
  const bad = figures.filter((f) => failedCount(f) > MAX_FAILED_SHARE * f.count);
  if (bad.length) {
    throw new Error(
      `${name}: more than ${MAX_FAILED_SHARE * 100} % of ${bad.map((f) => f.kind).join(', ')} failed`,
    );
  }
}

/** The rows the run wrote, counted in PostgreSQL: they must match the 2xx answers. */
async function assertWritesLanded(since: Date, figures: KindFigures[]): Promise<void> {
  const ok = (kind: Kind) => {
    const f = figures.find((x) => x.kind === kind);
    return f ? f.count - failedCount(f) : 0;
  };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const count = async (sql: string) =>
    Number((await client.query<{ n: string }>(sql, [since])).rows[0].n);
  const written = {
    'progress report': await count(
      `SELECT count(*) AS n FROM progress_reports WHERE reported_at >= $1`,
    ),
    'completion declared': await count(
      `SELECT count(*) AS n FROM task_completions WHERE declared_at >= $1`,
    ),
    'completion approved': await count(
      `SELECT count(*) AS n FROM task_completions WHERE decided_at >= $1 AND state = 'approved'`,
    ),
  };
  await client.end();
  for (const [kind, rows] of Object.entries(written) as [Kind, number][]) {
    console.log(`${kind}: ${ok(kind)} answered 2xx, ${rows} rows written since the start`);
    if (rows < ok(kind)) {
      throw new Error(`${kind}: ${ok(kind)} answered 2xx but only ${rows} rows were written`);
    }
  }
}

async function main(): Promise<void> {
  const existing = await countTasks(databaseUrl);
  if (arg('--fresh') >= 0 || existing !== TASKS) {
    await generateDataset(databaseUrl, TASKS);
  } else {
    // The kept data may predate newer migrations.
    await migrate(databaseUrl);
  }
  const pools = await loadPools();
  const users: BenchUser[] = [
    { username: 'bench_office', role: 'supervisor' },
    ...pools.names.map((department, i) => ({
      username: `bench_dept_${i + 1}`,
      role: 'department' as const,
      department,
    })),
  ];
  await seedUsers(databaseUrl, users);
  await prewarm(databaseUrl);
  const api = await startApi(databaseUrl, 'duban-bench-api-mixed');
  // Every run goes over the same connections, opened by the first warm-up.
  const agent = connections(CLIENTS);
  try {
    const officeToken = await api.login('bench_office');
    const departmentTokens: string[] = [];
    for (let i = 1; i <= ACTING_DEPARTMENTS; i += 1) {
      departmentTokens.push(await api.login(`bench_dept_${i}`));
    }
    const floorCall = (client: number): Call => ({
      kind: 'GET /auth/me',
      method: 'GET',
      path: '/api/v1/auth/me',
      token: departmentTokens[client % ACTING_DEPARTMENTS],
    });
    const load = (seconds: number, next: (client: number) => Call) =>
      runClosedLoop({ url: api.url, clients: CLIENTS, seconds, next, agent });

    // Each load runs unmeasured first: the figures are of a warm process and cache.
    await load(WARM_UP_SECONDS, floorCall);
    const floor = await load(SECONDS, floorCall);
    printFailures('baseline', [floor.overall]);
    assertMostlySucceeded('baseline', [floor.overall]);

    const next = mixedWorkload(pools, departmentTokens, officeToken);
    await load(WARM_UP_SECONDS, next);
    const since = new Date();
    const mixed = await load(SECONDS, next);
    printFailures('mixed', mixed.kinds);
    assertMostlySucceeded('mixed', [mixed.overall, ...mixed.kinds]);
    await assertWritesLanded(since, mixed.kinds);

    const dataset = `${datasetLabel(TASKS)}; ${pools.open.toLocaleString('en-US')} open at start; ${CLIENTS} clients, ${SECONDS} s`;
    const base = floor.overall;
    const latencyRows = (label: string, f: KindFigures): BenchRow[] =>
      (['p50', 'p95', 'p99'] as const).map((p) => ({
        figure: `${label}: ${p} latency`,
        value: f[p],
        unit: 'ms',
        baseline: { label: `GET /auth/me ${p}`, value: base[p] },
        better: 'lower',
        dataset,
      }));
    const rows: BenchRow[] = [
      {
        figure: `mixed workload, ${CLIENTS} clients: requests/s`,
        value: mixed.overall.rate,
        unit: 'req/s',
        baseline: { label: 'GET /auth/me', value: base.rate },
        better: 'higher',
        dataset,
      },
      ...latencyRows('mixed workload', mixed.overall),
    ];
    for (const [kind] of MIX) {
      const f = mixed.kinds.find((k) => k.kind === kind);
      if (!f) {
        continue;
      }
      const share = Math.round((100 * f.count) / mixed.overall.count);
      rows.push(
        {
          figure: `${kind} (${share} % of requests): requests/s`,
          value: f.rate,
          unit: 'req/s',
          better: 'higher',
          dataset,
        },
        ...latencyRows(kind, f),
      );
    }
    report('api-mixed', rows);
  } finally {
    agent.destroy();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

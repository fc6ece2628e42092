/**
 * bench:api — the API on a generated dataset (default 1M tasks, 3M assignments, 2k departments):
 * p95 of one department's overdue board and of the office's first ledger page, task detail
 * requests/s, and p99 of a deadline change (write + audit + outbox) at 300 req/s, paced: one
 * edit every 3.3 ms (open loop, `open-loop.ts`). The API runs as its own process; the baseline,
 * measured in the same run, is GET /auth/me (HTTP + JWT floor), paced alike for the paced figure.
 * Last, task detail and GET /auth/me again on NestJS's Express adapter (`express-api.main.ts`),
 * beside the Fastify figures of the same run.
 * Usage: npm run bench:api [-- --tasks 1000000] [-- --reuse]  (--reuse keeps the generated data)
 */
import autocannon from 'autocannon';
import { Client } from 'pg';
import { dropDatabase } from '@duban/db';
import {
  benchDatabaseUrl,
  datasetLabel,
  generateDataset,
  migrate,
  prewarm,
  postgresSettings,
  seedUsers,
  startApi,
} from './api-harness';
import { report } from './bench-report';
import { type Call, connections } from './closed-loop';
import { runOpenLoop } from './open-loop';

const arg = (name: string) => process.argv.indexOf(name);
const TASKS = Number(process.argv[arg('--tasks') + 1]) || 1_000_000;
const REUSE = arg('--reuse') >= 0;
const databaseUrl = benchDatabaseUrl();
/** The deadline change's pace (edits started per second) and how many are measured. */
const PACED_RATE = 300;
const PACED_COUNT = 6000;

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
    await migrate(databaseUrl);
  } else {
    await generateDataset(databaseUrl, TASKS);
  }
  await seedUsers(databaseUrl, [
    { username: 'bench_office', role: 'supervisor' },
    { username: 'bench_dept', role: 'department', department: '部门1' },
  ]);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const [{ id: departmentId }] = (
    await client.query<{ id: string }>(`SELECT id FROM departments WHERE name = '部门1'`)
  ).rows;
  const sample = (
    await client.query<{ id: string; row_version: number }>(
      `SELECT id, row_version FROM tasks WHERE status = 'open' ORDER BY random() LIMIT 20000`,
    )
  ).rows;
  const taskIds = sample.map((r) => r.id);
  // A kept database says its own size.
  const [{ n: tasks }] = (await client.query<{ n: string }>('SELECT count(*) AS n FROM tasks'))
    .rows;
  await client.end();
  await prewarm(databaseUrl);
  const api = await startApi(databaseUrl, 'duban-bench-api');
  const { url } = api;
  try {
    const office = await api.login('bench_office');
    const auth = { authorization: `Bearer ${office}` };
    const dataset = datasetLabel(Number(tasks));

    // Each scenario runs once unmeasured first: the figures are of a warm cache, not of disk reads.
    const measure = async (name: string, options: () => autocannon.Options) => {
      await load({ ...options(), duration: 5 });
      return checked(name, await load(options()));
    };
    const floor = await measure('auth/me', () => ({
      url: `${url}/api/v1/auth/me`,
      headers: auth,
      connections: 20,
    }));
    const board = await measure('board', () => ({
      url: `${url}/api/v1/board?departmentId=${departmentId}`,
      headers: auth,
      connections: 10,
    }));
    const firstPage = await measure('first page', () => ({
      url: `${url}/api/v1/tasks?limit=50`,
      headers: auth,
      connections: 10,
    }));
    // Task detail of the sampled tasks in turn, 20 connections.
    let next = 0;
    const detailLoad =
      (apiUrl: string, headers: Record<string, string>) => (): autocannon.Options => ({
        url: apiUrl,
        headers,
        connections: 20,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              path: `/api/v1/tasks/${taskIds[next++ % taskIds.length]}`,
            }),
          },
        ],
      });
    const detail = await measure('detail', detailLoad(url, auth));
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
              path: `/api/v1/tasks/${task.id}`,
              body: JSON.stringify({ rowVersion: task.row_version, deadline: '2030-06-30' }),
            };
          },
        },
      ],
    }));
    // The same edits arriving evenly at 300/s, as the office's users would send them, each on
    // a task not edited before; the floor is GET /auth/me at the same pace.
    const paced = connections(20);
    const editCall = (): Call => {
      const task = sample[edited++ % sample.length];
      return {
        kind: 'deadline change',
        method: 'PATCH',
        path: `/api/v1/tasks/${task.id}`,
        token: office,
        body: { rowVersion: task.row_version, deadline: '2030-06-30' },
      };
    };
    const meCall = (): Call => ({
      kind: 'auth/me',
      method: 'GET',
      path: '/api/v1/auth/me',
      token: office,
    });
    const pacedRun = async (name: string, next: () => Call) => {
      await runOpenLoop({ url, rate: PACED_RATE, count: PACED_RATE * 5, agent: paced, next });
      const result = await runOpenLoop({
        url,
        rate: PACED_RATE,
        count: PACED_COUNT,
        agent: paced,
        next,
      });
      const failed = Object.values(result.figures.failures).reduce((a, b) => a + b, 0);
      if (failed > 0) {
        throw new Error(
          `${name} (paced): ${failed} failed, e.g. ${JSON.stringify(result.figures.samples)}`,
        );
      }
      return result;
    };
    const pacedFloor = await pacedRun('auth/me', meCall);
    const pacedEdit = await pacedRun('deadline change', editCall);
    paced.destroy();

    // The same app on NestJS's Express adapter (Duban runs on Fastify): task detail and the
    // HTTP + JWT floor, measured alike, one API process at a time.
    await api.stop();
    const express = await startApi(
      databaseUrl,
      'duban-bench-api-express',
      'tests/bench/express-api.main.ts',
    );
    const onExpress = await (async () => {
      try {
        const expressAuth = { authorization: `Bearer ${await express.login('bench_office')}` };
        return {
          detail: await measure('detail (Express)', detailLoad(express.url, expressAuth)),
          floor: await measure('auth/me (Express)', () => ({
            url: `${express.url}/api/v1/auth/me`,
            headers: expressAuth,
            connections: 20,
          })),
        };
      } finally {
        await express.stop();
      }
    })();
    console.log(`\n${await postgresSettings(databaseUrl)}`);
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
        figure: `deadline change at ${PACED_RATE} req/s (paced, open loop): p99 latency`,
        value: pacedEdit.figures.p99,
        unit: 'ms',
        baseline: { label: `GET /auth/me p99, paced alike`, value: pacedFloor.figures.p99 },
        better: 'lower',
        aim: '< 30 ms',
        dataset,
      },
      {
        figure: '  the same edits (paced): p50 latency',
        value: pacedEdit.figures.p50,
        unit: 'ms',
        baseline: { label: 'GET /auth/me p50, paced alike', value: pacedFloor.figures.p50 },
        better: 'lower',
        dataset,
      },
      {
        figure: 'deadline change, 300/s sent as 1-s bursts over 20 connections (autocannon): p99',
        value: deadlineChange.latency.p99,
        unit: 'ms',
        baseline: { label: 'GET /auth/me p99, 20 connections', value: floor.latency.p99 },
        better: 'lower',
        dataset,
      },
      {
        figure: 'task detail on the Express adapter: requests/s (20 connections)',
        value: onExpress.detail.requests.average,
        unit: 'req/s',
        baseline: { label: 'the same on Fastify (above)', value: detail.requests.average },
        better: 'higher',
        dataset,
      },
      {
        figure: '  GET /auth/me on the Express adapter: requests/s',
        value: onExpress.floor.requests.average,
        unit: 'req/s',
        baseline: { label: 'the same on Fastify (above)', value: floor.requests.average },
        better: 'higher',
        dataset,
      },
    ]);
  } finally {
    await api.stop();
  }
  if (arg('--drop') >= 0) {
    await dropDatabase(databaseUrl);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * bench:reminders — the scheduler side of the reminders, on a private redis-server (so that
 * FLUSHALL and memory figures touch nothing else) and a throwaway database:
 * 1. scheduling: TaskAssigned events applied as the scheduler's worker applies them (as many
 *    at a time as its concurrency, through its GroupCommit: events arriving together share one
 *    transaction and one addBulk), writing the rows of the default policy and adding their
 *    delayed jobs; reminders/s beside raw BullMQ addBulk of as many delayed jobs;
 * 2. Redis memory per pending reminder job (INFO used_memory before and after, and MEMORY USAGE
 *    of one job hash);
 * 3. the sweep's rebuild of every pending job after FLUSHALL, for 100k and for --rebuild rows
 *    (default 1M; rows beyond the scheduled ones are inserted directly).
 * Usage: npm run bench:reminders [-- --reminders 100000 --rebuild 1000000]
 * (BENCH_CONCURRENCY sets how many events are handed in at a time, the worker's concurrency by
 * default.)
 */
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { DataSource } from 'typeorm';
import { chineseDaysArrangements, WorkingDayCalendar } from '@duban/calendar';
import { validateConfig } from '@duban/config';
import { type AnyDomainEvent, EventConsumer, JobName, QueueName } from '@duban/contracts';
import {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  GroupCommit,
  runMigrations,
} from '@duban/db';
import { type ApplyResult, applyEventsOnce } from '@duban/outbox';
import { bullConnectionFromUrl } from '@duban/queue';
import { loadReminderPolicy } from '@duban/reminders';
import { startPrivateRedis } from '@duban/testing';
import { createSchedulerEventHandler } from '../../apps/scheduler/src/events/scheduler-event.handlers';
import {
  SCHEDULER_EVENT_BATCH,
  SCHEDULER_EVENT_CONCURRENCY,
} from '../../apps/scheduler/src/events/scheduler-events.processor';
import { FIRE_REMINDER_JOB } from '../../apps/scheduler/src/reminders/reminder-job.options';
import { ReminderScheduleService } from '../../apps/scheduler/src/reminders/reminder-schedule.service';
import { SchedulerModule } from '../../apps/scheduler/src/scheduler.module';
import { DailySweepService } from '../../apps/scheduler/src/sweep/daily-sweep.service';
import { type BenchRow, report } from './bench-report';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const REMINDERS = arg('reminders', 100_000);
const REBUILD = arg('rebuild', 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? SCHEDULER_EVENT_CONCURRENCY);
// The default policy gives 9 rows per assignment for a deadline five weeks ahead: 签收, 7 and 3
// working days before, due day, blue, orange, red, report due, report missed.
const ROWS_PER_ASSIGNMENT = 9;
const NOW = '2026-09-01T02:00:00Z';
const DEADLINE = '2026-10-09';

const databaseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
databaseUrl.pathname = `/duban_bench_${randomUUID().slice(0, 8)}`;

async function usedMemory(client: { info(section: string): Promise<string> }): Promise<number> {
  const info = await client.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        await work(items[next++]);
      }
    }),
  );
}

async function seed(dataSource: DataSource, assignments: number) {
  const [plan] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO plans (title, source_text, source_hash) VALUES ('bench', 'bench', repeat('b', 64)) RETURNING id`,
  );
  const departments = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO departments (name) SELECT '部门' || g FROM generate_series(1, 100) g RETURNING id`,
  );
  const tasks = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO tasks (plan_id, number_path, level, title, deadline)
     SELECT $1, 'n' || g, 1, '任务' || g, $2::date FROM generate_series(1, $3) g RETURNING id`,
    [plan.id, DEADLINE, assignments],
  );
  const pairs = tasks.map((task, i) => ({
    taskId: task.id,
    departmentId: departments[i % 100].id,
  }));
  await dataSource.query(
    `INSERT INTO task_assignments (task_id, department_id, role, assigned_at)
     SELECT unnest($1::uuid[]), unnest($2::uuid[]), 'lead', $3`,
    [pairs.map((p) => p.taskId), pairs.map((p) => p.departmentId), NOW],
  );
  return { pairs, departments };
}

/** The scheduler service on the bench database and the private Redis, its clock at NOW. */
async function startScheduler(postgresUrl: string, redisUrl: string, prefix: string) {
  const policy = await loadReminderPolicy('config');
  const offset = Date.parse(NOW) - Date.now();
  const config = validateConfig({
    database: { url: postgresUrl, poolSize: 12 },
    redis: { url: redisUrl, prefix },
    smtp: {
      url: 'smtp://127.0.0.1:1025',
      from: 'bench <b@localhost>',
      maxConnections: 1,
      ratePerSecond: 1,
    },
    timezone: 'Asia/Shanghai',
    api: { port: 0, bodyLimitBytes: 1024 * 1024 },
    reporting: { dueDayOfMonth: 28 },
    auth: { jwtSecret: 'duban-bench-secret-0123456789-abcdefghij', tokenTtlSeconds: 3600 },
    outbox: { pollIntervalMs: 1000, batchSize: 1000, relayEnabled: false },
    log: { level: 'warn', json: false },
  });
  return NestFactory.createApplicationContext(
    SchedulerModule.forRoot(config, {
      policy: { ...policy, sweep: { ...policy.sweep, watchdogSeconds: 3600 } },
      clock: { now: () => new Date(Date.now() + offset), speed: 1 },
      loadCalendar: () =>
        Promise.resolve(
          WorkingDayCalendar.fromArrangements(chineseDaysArrangements(chineseDaysData)),
        ),
    }),
    { logger: ['error'] },
  );
}

async function main(): Promise<void> {
  const url = databaseUrl.toString();
  await ensureDatabase(url);
  const setup = createDataSource({ url, poolSize: 2 });
  await setup.initialize();
  await runMigrations(setup);
  await setup.destroy();
  const redis = await startPrivateRedis();
  const prefix = 'duban';
  const connection = bullConnectionFromUrl(redis.url);
  const rows: BenchRow[] = [];
  const app = await startScheduler(url, redis.url, prefix).catch(async (error: unknown) => {
    // A failed start stops the private redis-server too, or it would keep this process alive.
    await redis.stop();
    throw error;
  });
  const reminders = new Queue(QueueName.Reminders, { connection, prefix });
  const dataSource = app.get(DataSource);
  try {
    const assignments = Math.ceil(REMINDERS / ROWS_PER_ASSIGNMENT);
    const { pairs } = await seed(dataSource, assignments);
    const scheduled = assignments * ROWS_PER_ASSIGNMENT;

    // Baseline: the same number of delayed jobs, same payload and options, straight into Redis.
    const baselineQueue = new Queue('baseline', { connection, prefix });
    const ids = Array.from({ length: scheduled }, () => randomUUID());
    let started = performance.now();
    for (let i = 0; i < ids.length; i += 1000) {
      await baselineQueue.addBulk(
        ids.slice(i, i + 1000).map((id) => ({
          name: JobName.FireReminder,
          data: { reminderId: id },
          opts: { ...FIRE_REMINDER_JOB, jobId: id, delay: 30 * 86_400_000 },
        })),
      );
    }
    const rawSeconds = (performance.now() - started) / 1000;
    await baselineQueue.obliterate({ force: true });
    await baselineQueue.close();

    // Scheduling as the scheduler's worker does it: rows in the batch's transaction, jobs after.
    const handler = createSchedulerEventHandler(app.get(ReminderScheduleService));
    const batcher = new GroupCommit<AnyDomainEvent, ApplyResult>(
      (batch) => applyEventsOnce(dataSource, EventConsumer.Scheduler, batch, handler),
      SCHEDULER_EVENT_BATCH,
    );
    const events: AnyDomainEvent[] = pairs.map((p) => ({
      id: randomUUID(),
      type: 'TaskAssigned',
      aggregateType: 'task',
      aggregateId: p.taskId,
      occurredAt: new Date().toISOString(),
      payload: { taskId: p.taskId, departmentId: p.departmentId, role: 'lead', deadline: DEADLINE },
    }));
    const memoryBefore = await usedMemory(redis.client);
    started = performance.now();
    await pool(events, CONCURRENCY, (event) => batcher.run(event));
    const scheduleSeconds = (performance.now() - started) / 1000;
    const [{ count }] = await dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM reminders WHERE state = 'scheduled'`,
    );
    const delayed = await reminders.getDelayedCount();
    if (count !== scheduled || delayed !== scheduled) {
      throw new Error(`expected ${scheduled} rows and jobs, got ${count} rows and ${delayed} jobs`);
    }
    const memoryAfter = await usedMemory(redis.client);
    const sampleId = (await reminders.getDelayed(0, 0))[0]?.id ?? '';
    const jobHash = Number(await redis.client.memory('USAGE', reminders.toKey(sampleId)));
    const dataset = `${scheduled.toLocaleString('en-US')} reminders (${assignments.toLocaleString('en-US')} assignments × ${ROWS_PER_ASSIGNMENT}), ${CONCURRENCY} events at a time`;
    rows.push(
      {
        figure: 'scheduling: reminders/s (rows + delayed jobs)',
        value: scheduled / scheduleSeconds,
        unit: 'reminders/s',
        baseline: { label: 'raw addBulk delayed jobs/s', value: scheduled / rawSeconds },
        better: 'higher',
        aim: '≥ 0.5×',
        dataset,
      },
      {
        figure: 'Redis memory per pending reminder job (INFO used_memory delta)',
        value: (memoryAfter - memoryBefore) / scheduled,
        unit: 'bytes',
        better: 'lower',
        aim: '≤ 1024',
        dataset: `${scheduled.toLocaleString('en-US')} delayed jobs, private redis-server`,
      },
      {
        figure: 'Redis memory of one job hash (MEMORY USAGE)',
        value: jobHash,
        unit: 'bytes',
        better: 'lower',
        dataset: 'one pending FireReminder job',
      },
    );

    const sweep = app.get(DailySweepService);
    const rebuild = async (): Promise<number> => {
      await redis.client.flushall();
      const t0 = performance.now();
      const restored = await sweep.reconcile();
      const seconds = (performance.now() - t0) / 1000;
      const pending = await reminders.getDelayedCount();
      if (pending !== restored) {
        throw new Error(`the sweep restored ${restored} jobs but Redis holds ${pending}`);
      }
      return seconds;
    };
    const rawBaseline = { label: 'raw addBulk delayed jobs/s', value: scheduled / rawSeconds };
    const small = await rebuild();
    rows.push({
      figure: 'sweep rebuild: jobs restored/s',
      value: scheduled / small,
      unit: 'jobs/s',
      baseline: rawBaseline,
      better: 'higher',
      dataset: `${scheduled.toLocaleString('en-US')} scheduled rows`,
    });
    rows.push({
      figure: 'sweep: rebuild all pending jobs after FLUSHALL',
      value: small,
      unit: 's',
      better: 'lower',
      aim: `≤ 60 s for 1M (${((small * 1_000_000) / scheduled).toFixed(1)} s extrapolated)`,
      dataset: `${scheduled.toLocaleString('en-US')} scheduled rows`,
    });

    if (REBUILD > scheduled) {
      // Scheduled rows beyond the ones above, spread over the next 90 days of the clock; the
      // millisecond offset keeps every row's (task, department, kind, fire time) its own.
      await dataSource.query(
        `WITH a AS (SELECT row_number() OVER (ORDER BY id) - 1 AS i, task_id, department_id
                      FROM task_assignments)
         INSERT INTO reminders (task_id, department_id, kind, fire_at)
         SELECT a.task_id, a.department_id, 'pre_deadline',
                $2::timestamptz + (g % 90) * interval '1 day' + (1 + g / 90) * interval '1 millisecond'
           FROM generate_series(1, $1) g JOIN a ON a.i = g % $3`,
        [REBUILD - scheduled, '2026-09-02T01:00:00Z', assignments],
      );
      await dataSource.query('ANALYZE reminders');
      const big = await rebuild();
      rows.push({
        figure: 'sweep rebuild: jobs restored/s',
        value: REBUILD / big,
        unit: 'jobs/s',
        baseline: rawBaseline,
        better: 'higher',
        dataset: `${REBUILD.toLocaleString('en-US')} scheduled rows`,
      });
      rows.push({
        figure: 'sweep: rebuild all pending jobs after FLUSHALL',
        value: big,
        unit: 's',
        better: 'lower',
        aim: '≤ 60 s',
        dataset: `${REBUILD.toLocaleString('en-US')} scheduled rows`,
      });
      rows.push({
        figure: 'Redis memory per pending reminder job after the rebuild',
        value: (await usedMemory(redis.client)) / REBUILD,
        unit: 'bytes',
        better: 'lower',
        aim: '≤ 1024',
        dataset: `${REBUILD.toLocaleString('en-US')} delayed jobs (whole used_memory / jobs)`,
      });
    }
    report('reminders', rows);
  } finally {
    await reminders.close();
    await app.close();
    await redis.stop();
    await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

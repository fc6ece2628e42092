/**
 * bench:outbox — events published per second through the relay, beside raw BullMQ addBulk of
 * the same number of jobs on the same Redis, measured in the same run.
 * Usage: npm run bench:outbox [-- --events 100000]
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Redis } from 'ioredis';
import {
  EVENT_ROUTES,
  type EventConsumer,
  JobName,
  type NewEvent,
  QueueName,
} from '@duban/contracts';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@duban/db';
import { OutboxRelay, recordChanges } from '@duban/outbox';
import { bullConnectionFromUrl, redisOptionsFromUrl } from '@duban/queue';
import { deleteKeysWithPrefix } from '@duban/testing';
import { report } from './bench-report';

const EVENTS = Number(process.argv[process.argv.indexOf('--events') + 1]) || 100_000;
const BATCH = 1000;
const databaseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
databaseUrl.pathname = `/duban_bench_${randomUUID().slice(0, 8)}`;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const silent = {
  log: () => undefined,
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
};

function event(): NewEvent<'TaskAssigned'> {
  const taskId = randomUUID();
  return {
    type: 'TaskAssigned',
    aggregateType: 'task',
    aggregateId: taskId,
    payload: { taskId, departmentId: randomUUID(), role: 'lead', deadline: '2026-12-31' },
  };
}

async function writeEvents(dataSource: DataSource): Promise<void> {
  for (let i = 0; i < EVENTS; i += 5000) {
    await dataSource.transaction((manager) =>
      recordChanges(manager, [
        {
          actor: { userId: null, label: 'bench' },
          action: 'bench',
          entityType: 'plan',
          entityId: randomUUID(),
          events: Array.from({ length: Math.min(5000, EVENTS - i) }, event),
        },
      ]),
    );
  }
}

/** Drains the outbox with `relays` relays side by side (as several processes would); returns seconds. */
async function timeRelays(
  dataSource: DataSource,
  queues: Record<EventConsumer, Queue>,
  relays: number,
): Promise<number> {
  await writeEvents(dataSource);
  const started = performance.now();
  const counts = await Promise.all(
    Array.from({ length: relays }, () =>
      new OutboxRelay(
        dataSource,
        queues,
        { batchSize: BATCH, pollIntervalMs: 100 },
        silent,
      ).drain(),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const published = counts.reduce((a, b) => a + b, 0);
  if (published !== EVENTS) {
    throw new Error(`relays published ${published} of ${EVENTS} events`);
  }
  return seconds;
}

async function main(): Promise<void> {
  const url = databaseUrl.toString();
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const redis = new Redis(redisOptionsFromUrl(redisUrl));
  const prefix = `duban-bench-${randomUUID().slice(0, 8)}`;
  const connection = bullConnectionFromUrl(redisUrl);
  const queues = {
    scheduler: new Queue(QueueName.SchedulerEvents, { connection, prefix }),
    assessment: new Queue(QueueName.AssessmentEvents, { connection, prefix }),
  };
  try {
    // Baseline: the same number of jobs, same payload shape and options, straight into one queue.
    const raw = Array.from({ length: EVENTS }, () => ({
      ...event(),
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
    }));
    const started = performance.now();
    for (let i = 0; i < raw.length; i += BATCH) {
      await queues.scheduler.addBulk(
        raw.slice(i, i + BATCH).map((e) => ({
          name: JobName.DomainEvent,
          data: e,
          opts: { jobId: e.id, removeOnComplete: { age: 86400 } },
        })),
      );
    }
    const rawSeconds = (performance.now() - started) / 1000;
    await deleteKeysWithPrefix(redis, prefix);

    const oneRelaySeconds = await timeRelays(dataSource, queues, 1);
    await deleteKeysWithPrefix(redis, prefix);
    const twoRelaysSeconds = await timeRelays(dataSource, queues, 2);
    const consumersPerEvent = EVENT_ROUTES.TaskAssigned.length;
    const dataset = `${EVENTS.toLocaleString('en-US')} TaskAssigned events, batches of ${BATCH}`;
    const baseline = { label: 'raw addBulk jobs/s', value: EVENTS / rawSeconds };
    report('outbox', [
      {
        figure: 'one relay (2 claim loops): events published/s',
        value: EVENTS / oneRelaySeconds,
        unit: 'events/s',
        baseline,
        better: 'higher',
        aim: '≥ 0.5×',
        dataset,
      },
      {
        figure: 'two relays (2 claim loops each): events published/s',
        value: EVENTS / twoRelaysSeconds,
        unit: 'events/s',
        baseline,
        better: 'higher',
        aim: '≥ 0.5×',
        dataset,
      },
      {
        figure: `one relay: jobs added/s (${consumersPerEvent} consumer queues per event)`,
        value: (EVENTS * consumersPerEvent) / oneRelaySeconds,
        unit: 'jobs/s',
        baseline,
        better: 'higher',
        dataset,
      },
    ]);
  } finally {
    await Promise.all(Object.values(queues).map((q) => q.close()));
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    await dataSource.destroy();
    await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

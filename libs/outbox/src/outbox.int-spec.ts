import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { type AnyDomainEvent, type EventConsumer, QueueName } from '@duban/contracts';
import { bullConnectionFromUrl } from '@duban/queue';
import {
  createTestDatabase,
  createTestRedis,
  deleteKeysWithPrefix,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';
import { applyEventOnce } from './apply-event';
import { OutboxRelay } from './outbox-relay';
import { recordChange } from './record-change';

const actor = { userId: null, label: 'test' };
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

function assignedEvent(taskId = randomUUID()) {
  return {
    type: 'TaskAssigned' as const,
    aggregateType: 'task' as const,
    aggregateId: taskId,
    payload: { taskId, departmentId: randomUUID(), role: 'lead' as const, deadline: '2026-12-31' },
  };
}

async function countRows(db: TestDatabase, sql: string): Promise<number> {
  const [{ count }] = await db.dataSource.query<[{ count: number }]>(
    `SELECT count(*)::int AS count FROM ${sql}`,
  );
  return count;
}

describe('transactional outbox', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let queues: Record<EventConsumer, Queue>;

  beforeEach(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    const connection = bullConnectionFromUrl(redis.url);
    queues = {
      scheduler: new Queue(QueueName.SchedulerEvents, { connection, prefix: redis.prefix }),
      assessment: new Queue(QueueName.AssessmentEvents, { connection, prefix: redis.prefix }),
    };
  });
  afterEach(async () => {
    await Promise.all(Object.values(queues).map((q) => q.close()));
    await redis.cleanup();
    await db.drop();
  });

  const relay = (options: Partial<ConstructorParameters<typeof OutboxRelay>[2]> = {}) =>
    new OutboxRelay(
      db.dataSource,
      queues,
      { batchSize: 100, pollIntervalMs: 20, ...options },
      silent,
    );

  it('writes the event and the audit row when the transaction commits', async () => {
    const [event] = await db.dataSource.transaction((manager) =>
      recordChange(manager, {
        actor,
        action: 'task.assign',
        entityType: 'task',
        entityId: randomUUID(),
        events: [assignedEvent()],
      }),
    );
    const rows = await db.dataSource.query<{ id: string; type: string }[]>(
      'SELECT id, type FROM outbox',
    );
    expect(rows).toEqual([{ id: event.id, type: 'TaskAssigned' }]);
    const [audit] = await db.dataSource.query<{ event_ids: string[]; action: string }[]>(
      'SELECT event_ids, action FROM audit_log',
    );
    expect(audit).toEqual({ event_ids: [event.id], action: 'task.assign' });
  });

  it('leaves neither event nor audit row when the transaction rolls back', async () => {
    await expect(
      db.dataSource.transaction(async (manager: EntityManager) => {
        await recordChange(manager, {
          actor,
          action: 'task.assign',
          entityType: 'task',
          entityId: randomUUID(),
          events: [assignedEvent()],
        });
        throw new Error('the change itself failed');
      }),
    ).rejects.toThrow('the change itself failed');
    expect(await countRows(db, 'outbox')).toBe(0);
    expect(await countRows(db, 'audit_log')).toBe(0);
  });

  it('refuses to record outside a transaction', async () => {
    await expect(
      recordChange(db.dataSource.manager, {
        actor,
        action: 'x',
        entityType: 'task',
        entityId: randomUUID(),
      }),
    ).rejects.toThrow(/inside a transaction/);
  });

  it('publishes each event to every consumer it is routed to, with jobId = event id', async () => {
    const events = await db.dataSource.transaction((manager) =>
      recordChange(manager, {
        actor,
        action: 'plan.commit',
        entityType: 'plan',
        entityId: randomUUID(),
        events: [
          assignedEvent(),
          assignedEvent(),
          {
            type: 'ReportMissed',
            aggregateType: 'task',
            aggregateId: randomUUID(),
            payload: {
              taskId: randomUUID(),
              departmentId: randomUUID(),
              period: '2026-10',
              dueDate: '2026-10-28',
            },
          },
        ],
      }),
    );
    expect(await relay().drain()).toBe(3);
    expect(await countRows(db, 'outbox WHERE published_at IS NULL')).toBe(0);
    // TaskAssigned goes to both consumers; ReportMissed only to the assessment.
    const schedulerJobs = await queues.scheduler.getJobs(['waiting']);
    const assessmentJobs = await queues.assessment.getJobs(['waiting']);
    expect(schedulerJobs.map((j) => j.id).sort()).toEqual([events[0].id, events[1].id].sort());
    expect(assessmentJobs.map((j) => j.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(assessmentJobs.find((j) => j.id === events[2].id)?.data).toMatchObject({
      type: 'ReportMissed',
      payload: { period: '2026-10' },
    });
  });

  it('queues the events of a batch in the order they were written', async () => {
    const written: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const events = await db.dataSource.transaction((manager) =>
        recordChange(manager, {
          actor,
          action: 'plan.commit',
          entityType: 'plan',
          entityId: randomUUID(),
          events: Array.from({ length: 20 }, () => assignedEvent()),
        }),
      );
      written.push(...events.map((e) => e.id));
    }
    expect(await relay({ batchSize: 1000 }).drain()).toBe(60);
    const queued = await queues.scheduler.getJobs(['waiting'], 0, -1, true);
    expect(queued.map((j) => j.id)).toEqual(written);
  });

  it('loses nothing when the relay is killed between enqueue and marking published, and the consumer applies the event once', async () => {
    const [event] = await db.dataSource.transaction((manager) =>
      recordChange(manager, {
        actor,
        action: 'task.assign',
        entityType: 'task',
        entityId: randomUUID(),
        events: [assignedEvent()],
      }),
    );
    // A real process, killed with SIGKILL right after its jobs reach Redis.
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(__dirname, '..', '..', 'testing', 'src', 'fixtures', 'relay-killed-after-enqueue.ts'),
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          REDIS_URL: redis.url,
          REDIS_PREFIX: redis.prefix,
        },
        stdio: 'inherit',
      },
    );
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );
    expect(signal).toBe('SIGKILL');
    expect(await countRows(db, 'outbox WHERE published_at IS NULL')).toBe(1);
    expect((await queues.scheduler.getJobs(['waiting'])).map((j) => j.id)).toEqual([event.id]);

    // The next relay publishes the row again: BullMQ keeps one job per id, the row is marked.
    expect(await relay().drain()).toBe(1);
    expect(await countRows(db, 'outbox WHERE published_at IS NULL')).toBe(0);
    const jobs = await queues.scheduler.getJobs(['waiting']);
    expect(jobs.map((j) => j.id)).toEqual([event.id]);

    // Even delivered twice (the job was consumed and removed before the republish), it applies once.
    let applied = 0;
    const handlers = { TaskAssigned: () => Promise.resolve(void (applied += 1)) };
    const delivered = jobs[0].data as AnyDomainEvent;
    expect(await applyEventOnce(db.dataSource, 'scheduler', delivered, handlers)).toBe('applied');
    expect(await applyEventOnce(db.dataSource, 'scheduler', delivered, handlers)).toBe('duplicate');
    expect(applied).toBe(1);
    // Each consumer dedupes on its own.
    expect(await applyEventOnce(db.dataSource, 'assessment', delivered, {})).toBe('applied');
  });

  it("runs a handler's afterCommit once its writes are visible, and never for a duplicate", async () => {
    const event = { ...assignedEvent(), id: randomUUID(), occurredAt: new Date().toISOString() };
    const seen: number[] = [];
    const handlers = {
      TaskAssigned: async (manager: EntityManager) => {
        await manager.query(
          `INSERT INTO processed_events (consumer, event_id) VALUES ('probe', $1)`,
          [event.id],
        );
        return {
          // Read on another connection: only committed rows are visible there.
          afterCommit: async () =>
            void seen.push(
              await countRows(
                db,
                `processed_events WHERE consumer = 'probe' AND event_id = '${event.id}'`,
              ),
            ),
        };
      },
    };
    expect(await applyEventOnce(db.dataSource, 'scheduler', event, handlers)).toBe('applied');
    expect(await applyEventOnce(db.dataSource, 'scheduler', event, handlers)).toBe('duplicate');
    expect(seen).toEqual([1]);
  });

  it('two relays running together never publish the same row twice', async () => {
    const total = 3000;
    await db.dataSource.transaction((manager) =>
      recordChange(manager, {
        actor,
        action: 'plan.commit',
        entityType: 'plan',
        entityId: randomUUID(),
        events: Array.from({ length: total }, () => assignedEvent()),
      }),
    );
    const publishedBy: string[][] = [[], []];
    const relays = [0, 1].map((i) =>
      relay({
        batchSize: 50,
        afterEnqueue: async (events) => {
          publishedBy[i].push(...events.map((e) => e.id));
          // Hold the claim a moment so the two relays overlap.
          await new Promise((resolve) => setTimeout(resolve, 2));
        },
      }),
    );
    const counts = await Promise.all(relays.map((r) => r.drain()));
    expect(counts[0] + counts[1]).toBe(total);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBeGreaterThan(0);
    const overlap = publishedBy[0].filter((id) => new Set(publishedBy[1]).has(id));
    expect(overlap).toEqual([]);
    expect(new Set([...publishedBy[0], ...publishedBy[1]]).size).toBe(total);
    expect(await queues.scheduler.getJobCountByTypes('waiting')).toBe(total);
  });

  it('the running relay wakes on NOTIFY and publishes without waiting for a poll', async () => {
    const running = relay({ pollIntervalMs: 60_000, databaseUrl: db.url });
    await running.start();
    try {
      const [event] = await db.dataSource.transaction((manager) =>
        recordChange(manager, {
          actor,
          action: 'task.assign',
          entityType: 'task',
          entityId: randomUUID(),
          events: [assignedEvent()],
        }),
      );
      const started = Date.now();
      while (!(await queues.scheduler.getJob(event.id)) && Date.now() - started < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await queues.scheduler.getJob(event.id)).toBeDefined();
    } finally {
      await running.stop();
    }
  });

  it('adds again the jobs Redis lost of events a consumer has not applied', async () => {
    const events = await db.dataSource.transaction((manager) =>
      recordChange(manager, {
        actor,
        action: 'task.assign',
        entityType: 'task',
        entityId: randomUUID(),
        events: [assignedEvent(), assignedEvent(), assignedEvent()],
      }),
    );
    const sut = relay();
    expect(await sut.drain()).toBe(3);
    // The scheduler applied the first event; then Redis lost every job (FLUSHALL).
    await db.dataSource.query(
      `INSERT INTO processed_events (consumer, event_id) VALUES ('scheduler', $1)`,
      [events[0].id],
    );
    await deleteKeysWithPrefix(redis.client, redis.prefix);
    expect(await queues.scheduler.getJob(events[1].id)).toBeUndefined();

    // Published less than an hour ago: with an hour to settle, left alone.
    expect(await sut.republishUnapplied({ settledSeconds: 3600 })).toBe(0);
    expect(await sut.republishUnapplied({ settledSeconds: 0 })).toBe(2 + 3);
    const held = async (queue: Queue) =>
      (await Promise.all(events.map((e) => queue.getJob(e.id)))).map((job) => job?.id ?? null);
    expect(await held(queues.scheduler)).toEqual([null, events[1].id, events[2].id]);
    expect(await held(queues.assessment)).toEqual(events.map((e) => e.id));

    // Jobs Redis holds are not duplicated; applied events are not added again.
    await sut.republishUnapplied({ settledSeconds: 0 });
    expect(await queues.scheduler.getJobCounts('waiting')).toEqual({ waiting: 2 });
    expect(await queues.assessment.getJobCounts('waiting')).toEqual({ waiting: 3 });
  });
});

import type { Queue } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  type AnyDomainEvent,
  CONSUMER_QUEUE,
  EVENT_ROUTES,
  type EventConsumer,
  type EventType,
  JOB_POLICY,
  JobName,
  type QueueName,
} from '@duban/contracts';
import { OUTBOX_CHANNEL } from './outbox-wakeup';

export interface RelayOptions {
  batchSize: number;
  pollIntervalMs: number;
  /** For listening to NOTIFY on a connection of its own; polling alone when absent. */
  databaseUrl?: string;
  /**
   * After a NOTIFY wakes the relay, wait this long before claiming, so that the commits of a busy
   * moment leave in one batch instead of one cycle each (default 25 ms).
   */
  notifyLingerMs?: number;
  /**
   * Batches one relay claims at once (default 2): while one batch waits on Redis, the next is read
   * from PostgreSQL. SKIP LOCKED keeps them apart, as it keeps separate relays apart.
   */
  claimLoops?: number;
  /** Test seam: runs after the jobs are in Redis and before the claim (and its published mark) commits. */
  afterEnqueue?: (events: readonly AnyDomainEvent[]) => Promise<void>;
}

export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

interface OutboxRow {
  id: string;
  type: EventType;
  aggregate_type: AnyDomainEvent['aggregateType'];
  aggregate_id: string;
  payload: AnyDomainEvent['payload'];
  occurred_at: Date;
}

/**
 * Publishes committed outbox rows to the consumer queues. Each cycle claims a batch with
 * FOR UPDATE SKIP LOCKED (so relays in several processes share the work), adds one job per
 * consumer with jobId = event id, and marks the rows published in the same transaction.
 * A crash after enqueue and before commit leaves the rows unpublished: they are published
 * again, BullMQ ignores a jobId it still holds, and consumers skip an event id they applied.
 */
export class OutboxRelay {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  /** Every claim loop that is sleeping, so a NOTIFY or stop() wakes them all. */
  private readonly sleepers = new Set<() => void>();
  /** Set by a NOTIFY that arrives while a batch is in flight, so the loop does not sleep past it. */
  private notified = false;
  private listener: Client | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: Record<EventConsumer, Queue>,
    private readonly options: RelayOptions,
    private readonly logger: RelayLogger,
  ) {}

  /**
   * One claim → enqueue → commit cycle; returns how many events it published. The claim marks
   * the rows published and locks them in one statement, but only the commit after the jobs are
   * in Redis makes the mark visible: a failure or a crash before it leaves the rows unpublished.
   * Three round trips per batch (begin, claim, commit) instead of four.
   */
  async publishBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows = (await runner.query(
        `UPDATE outbox o SET published_at = now()
           FROM (SELECT id FROM outbox WHERE published_at IS NULL
                  ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED) claimed
          WHERE o.id = claimed.id
          RETURNING o.seq, o.id, o.type, o.aggregate_type, o.aggregate_id, o.payload, o.occurred_at`,
        [this.options.batchSize],
      )) as [Array<OutboxRow & { seq: string }>, number];
      const claimed = rows[0];
      if (claimed.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      // RETURNING keeps no order: the queues get the events in the order they were written.
      claimed.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      const events = claimed.map(toEvent);
      await this.enqueue(events);
      await this.options.afterEnqueue?.(events);
      await runner.commitTransaction();
      return events.length;
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction().catch(() => undefined);
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Adds again the job of every published event that a consumer it is routed to has not applied
   * (no processed_events row) `settledSeconds` after its publication: a job Redis lost (FLUSHALL, a Redis
   * restarted without persistence) between the publish and the consumer's commit. A job Redis
   * still holds is left as it is (same jobId), and a consumer skips an event it applied, so this
   * is safe to run at any time. Looks back `lookbackHours` (the failed-job retention) in batches.
   */
  async republishUnapplied(
    options: { settledSeconds?: number; lookbackHours?: number; batchSize?: number } = {},
  ): Promise<number> {
    const settled = options.settledSeconds ?? 5;
    const lookback = options.lookbackHours ?? 7 * 24;
    const batch = options.batchSize ?? this.options.batchSize;
    let republished = 0;
    for (const consumer of Object.keys(this.queues) as EventConsumer[]) {
      const types = (Object.keys(EVENT_ROUTES) as EventType[]).filter((type) =>
        EVENT_ROUTES[type].includes(consumer),
      );
      for (let after = '0'; ;) {
        const rows = await this.dataSource.query<Array<OutboxRow & { seq: string }>>(
          `SELECT o.seq, o.id, o.type, o.aggregate_type, o.aggregate_id, o.payload, o.occurred_at
             FROM outbox o
            WHERE o.seq > $1 AND o.published_at IS NOT NULL
              AND o.published_at < now() - make_interval(secs => $2)
              AND o.published_at > now() - make_interval(hours => $3)
              AND o.type = ANY ($4::text[])
              AND NOT EXISTS (SELECT 1 FROM processed_events p
                               WHERE p.consumer = $5 AND p.event_id = o.id)
            ORDER BY o.seq LIMIT $6`,
          [after, settled, lookback, types, consumer, batch],
        );
        if (rows.length === 0) {
          break;
        }
        after = rows[rows.length - 1].seq;
        await this.addJobs(this.queues[consumer], rows.map(toEvent));
        republished += rows.length;
      }
    }
    if (republished > 0) {
      this.logger.warn(
        `outbox relay: ${republished} published events not yet applied, added again`,
      );
    }
    return republished;
  }

  /** Publishes until the outbox is empty; for tests, tools and shutdown drains. */
  async drain(): Promise<number> {
    const drainOne = async () => {
      let total = 0;
      for (
        let published = await this.publishBatch();
        published > 0;
        published = await this.publishBatch()
      ) {
        total += published;
      }
      return total;
    };
    const counts = await Promise.all(Array.from({ length: this.claimLoops }, drainOne));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  private get claimLoops(): number {
    return Math.max(1, this.options.claimLoops ?? 2);
  }

  /** Starts the loop; resolves once the NOTIFY listener is in place (or polling alone was chosen). */
  async start(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    const listening = this.listen();
    this.loopDone = listening.then(async () => {
      await Promise.all(Array.from({ length: this.claimLoops }, () => this.loop()));
    });
    await listening;
  }

  /** Stops claiming new batches and waits for the one in flight to commit or roll back. */
  async stop(): Promise<void> {
    this.running = false;
    this.sleepers.forEach((wake) => wake());
    await this.loopDone;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async enqueue(events: readonly AnyDomainEvent[]): Promise<void> {
    const perQueue = new Map<QueueName, AnyDomainEvent[]>();
    for (const event of events) {
      for (const consumer of EVENT_ROUTES[event.type]) {
        const queueName = CONSUMER_QUEUE[consumer];
        const list = perQueue.get(queueName) ?? [];
        list.push(event);
        perQueue.set(queueName, list);
      }
    }
    await Promise.all(
      (Object.keys(this.queues) as EventConsumer[]).map(async (consumer) => {
        const list = perQueue.get(CONSUMER_QUEUE[consumer]);
        if (!list?.length) {
          return;
        }
        await this.addJobs(this.queues[consumer], list);
      }),
    );
  }

  /** One job per event, jobId = event id: BullMQ ignores a jobId it still holds. */
  private async addJobs(queue: Queue, events: readonly AnyDomainEvent[]): Promise<void> {
    await queue.addBulk(
      events.map((event) => ({
        name: JobName.DomainEvent,
        data: event,
        opts: {
          jobId: event.id,
          attempts: JOB_POLICY.eventAttempts,
          backoff: JOB_POLICY.eventBackoff,
          removeOnComplete: JOB_POLICY.removeOnComplete,
          removeOnFail: JOB_POLICY.removeOnFail,
        },
      })),
    );
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published = 0;
      this.notified = false;
      try {
        published = await this.publishBatch();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn(
          `outbox relay: publishing failed (${failures} in a row): ${(error as Error).message}`,
        );
      }
      if (!this.running) {
        break;
      }
      if (failures > 0) {
        await this.sleep(Math.min(this.options.pollIntervalMs * 2 ** failures, 30_000));
      } else if (published < this.options.batchSize) {
        if (!this.notified) {
          await this.sleep(this.options.pollIntervalMs);
        }
        // Woken by a commit: let the commits right behind it join the same batch.
        await new Promise((resolve) => setTimeout(resolve, this.options.notifyLingerMs ?? 25));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  /** LISTEN on a connection of its own; a lost listener only means waiting for the next poll. */
  private async listen(): Promise<void> {
    if (!this.options.databaseUrl) {
      return;
    }
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'duban-outbox-listen',
    });
    client.on('notification', () => {
      this.notified = true;
      this.sleepers.forEach((wake) => wake());
    });
    client.on('error', (error) => {
      this.logger.warn(
        `outbox relay: NOTIFY listener lost (${error.message}); polling every ${this.options.pollIntervalMs} ms`,
      );
      this.listener = null;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`outbox relay: cannot LISTEN (${(error as Error).message}); polling only`);
      await client.end().catch(() => undefined);
    }
  }
}

function toEvent(row: OutboxRow): AnyDomainEvent {
  return {
    id: row.id,
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    occurredAt: row.occurred_at.toISOString(),
    payload: row.payload,
  } as AnyDomainEvent;
}

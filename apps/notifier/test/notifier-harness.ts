import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { DubanConfig } from '@duban/config';
import { JobName, QueueName, composeNoticesJobId } from '@duban/contracts';
import { bullConnectionFromUrl } from '@duban/queue';
import {
  createTestDatabase,
  createTestRedis,
  SmtpSink,
  testConfig,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';
import { NotifierModule, type NotifierOptions } from '../src/notifier.module';

/** The office address of config/reminders.yaml, copied on orange and red notices. */
export const OFFICE_ADDRESS = 'duchashi@duban.local';

export interface NotifierHarness {
  db: TestDatabase;
  redis: TestRedis;
  sink: SmtpSink;
  config: DubanConfig;
  /** The mail queue (ComposeNotices). */
  queue: Queue;
  /** The mail-delivery queue (DeliverMail). */
  deliveryQueue: Queue;
  /** Starts the notifier in this process (tests that need a separate process spawn it instead). */
  start(options?: NotifierOptions): Promise<INestApplicationContext>;
  /** Adds a ComposeNotices job as the scheduler does. */
  compose(departmentId: string, day: string): Promise<void>;
  close(): Promise<void>;
}

/** A spec's own database, Redis prefix, SMTP server and configuration pointing at them. */
export async function createNotifierHarness(
  smtp: Partial<DubanConfig['smtp']> = {},
): Promise<NotifierHarness> {
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const sink = await SmtpSink.start();
  const base = testConfig({ databaseUrl: db.url, redisUrl: redis.url, redisPrefix: redis.prefix });
  const config: DubanConfig = {
    ...base,
    smtp: { ...base.smtp, url: sink.url, connectionTimeoutMs: 2000, ...smtp },
    mail: { baseUrl: 'https://duban.example.gov.cn' },
  };
  const queueOf = (name: string) =>
    new Queue(name, { connection: bullConnectionFromUrl(redis.url), prefix: redis.prefix });
  const queue = queueOf(QueueName.Mail);
  const deliveryQueue = queueOf(QueueName.MailDelivery);
  const apps: INestApplicationContext[] = [];
  return {
    db,
    redis,
    sink,
    config,
    queue,
    deliveryQueue,
    async start(options = {}) {
      const app = await NestFactory.createApplicationContext(
        NotifierModule.forRoot(config, options),
        { logger: false },
      );
      apps.push(app);
      return app;
    },
    async compose(departmentId, day) {
      await queue.add(
        JobName.ComposeNotices,
        { departmentId, day },
        { jobId: composeNoticesJobId(departmentId, day), removeOnComplete: true },
      );
    },
    async close() {
      await Promise.all(apps.map((app) => app.close()));
      await queue.close();
      await deliveryQueue.close();
      await sink.stop();
      await redis.cleanup();
      await db.drop();
    },
  };
}

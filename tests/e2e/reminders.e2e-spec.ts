import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AddressObject, simpleParser } from 'mailparser';
import type { DubanConfig } from '@duban/config';
import { JobName } from '@duban/contracts';
import {
  createTestDatabase,
  createTestRedis,
  pollUntil,
  SmtpSink,
  testConfig,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import {
  assigned,
  emit,
  insertAssignment,
  insertPlan,
  insertTask,
  reminderRows,
  startScheduler,
  testPolicy,
  type SchedulerHarness,
} from '../../apps/scheduler/test/scheduler.factory';

jest.setTimeout(60_000);

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) =>
    a.value.map((v) => v.address ?? ''),
  );
}

describe('reminders end to end: outbox → scheduler → Redis → notifier → SMTP', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let sink: SmtpSink;
  let scheduler: SchedulerHarness;
  let notifier: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    sink = await SmtpSink.start();
    const base = testConfig({
      databaseUrl: db.url,
      redisUrl: redis.url,
      redisPrefix: redis.prefix,
    });
    const config: DubanConfig = {
      ...base,
      smtp: { ...base.smtp, url: sink.url, connectionTimeoutMs: 2000 },
      mail: { baseUrl: 'https://duban.example.gov.cn' },
    };
    scheduler = await startScheduler(db, redis, testPolicy({ digestWindowSeconds: 1 }));
    notifier = await NestFactory.createApplicationContext(NotifierModule.forRoot(config), {
      logger: false,
    });
  });

  afterAll(async () => {
    await notifier.close();
    await scheduler.close();
    await sink.stop();
    await redis.cleanup();
    await db.drop();
  });

  it('mails a reminder due in 2 s once, with its notice number', async () => {
    const dataSource = db.dataSource;
    // The scheduler's clock: Mon 2026-11-23, 2 s before 09:00 Beijing time, the task's due day.
    scheduler.clock.set('2026-11-23T00:59:58Z');
    const planId = await insertPlan(dataSource);
    const [{ id: departmentId }] = await dataSource.query<Array<{ id: string }>>(
      `INSERT INTO departments (name, emails) VALUES ('市发展改革委', '{fgw@example.gov.cn}') RETURNING id`,
    );
    const taskId = await insertTask(dataSource, planId, { deadline: '2026-11-23' });
    await insertAssignment(dataSource, {
      taskId,
      departmentId,
      assignedAt: '2026-11-02T02:00:00Z',
      acknowledgedAt: '2026-11-02T03:00:00Z',
    });
    await emit(dataSource, [assigned(taskId, departmentId, '2026-11-23')]);

    const [mail] = await pollUntil(() => (sink.mails.length > 0 ? sink.mails : null), {
      timeoutMs: 20_000,
      what: 'the blue notice reached the SMTP server',
    });
    const [blue] = await pollUntil(async () => {
      const rows = await reminderRows(dataSource, taskId, 'sent');
      return rows.length ? rows : null;
    });
    expect([blue.kind, blue.noticeNumber]).toEqual(['notice_blue', '督办〔2026〕1号']);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toContain('督办〔2026〕1号');
    expect(parsed.subject).toContain('蓝色提醒');
    expect(addresses(parsed.to)).toEqual(['fgw@example.gov.cn']);
    // Blue is not copied to the office (from orange on only).
    expect(addresses(parsed.cc)).toEqual([]);
    expect(parsed.messageId).toBe(mail.messageId);

    // The same reminder delivered again (a retried job) sends nothing more.
    await scheduler.reminders.add(
      JobName.FireReminder,
      { reminderId: blue.id },
      { jobId: `${blue.id}`, removeOnComplete: true },
    );
    await pollUntil(async () => {
      const busy = ['wait', 'delayed', 'active', 'prioritized'] as const;
      const counts = await scheduler.mail.getJobCounts(...busy);
      const deliveries = await scheduler.mailDelivery.getJobCounts(...busy);
      const reminders = await scheduler.reminders.getJobCounts('wait', 'active');
      return [counts, deliveries, reminders].every((c) => Object.values(c).every((n) => n === 0));
    });
    expect(sink.mails.map((m) => m.messageId)).toEqual([mail.messageId]);
  });
});

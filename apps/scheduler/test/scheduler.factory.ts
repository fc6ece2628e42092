import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import type { DataSource } from 'typeorm';
import { chineseDaysArrangements, WorkingDayCalendar } from '@duban/calendar';
import type { DubanConfig } from '@duban/config';
import { type AnyDomainEvent, type NewEvent, QueueName } from '@duban/contracts';
import { recordChanges } from '@duban/outbox';
import { bullConnectionFromUrl } from '@duban/queue';
import type { ReminderPolicy } from '@duban/reminders';
import { pollUntil, testConfig } from '@duban/testing';
import { SchedulerModule } from '../src/scheduler.module';
import type { Clock } from '../src/scheduler.tokens';

export const officialCalendar = WorkingDayCalendar.fromArrangements(
  chineseDaysArrangements(chineseDaysData),
);

/** A clock that runs at real speed from whatever instant a test sets. */
export class SettableClock implements Clock {
  readonly speed = 1;
  private offsetMs = 0;

  set(instant: string | Date): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

export function testPolicy(overrides: Partial<ReminderPolicy> = {}): ReminderPolicy {
  return {
    timezone: 'Asia/Shanghai',
    fireTime: '09:00',
    acknowledgement: { enabled: true, withinWorkingDays: 2 },
    preDeadline: { workingDaysBefore: [7, 3] },
    dueDay: { enabled: false },
    ladder: [
      { kind: 'notice_blue', label: '蓝色提醒', workingDaysOverdue: 0, copyToOffice: false },
      { kind: 'notice_orange', label: '橙色预警', workingDaysOverdue: 3, copyToOffice: true },
      { kind: 'notice_red', label: '红色督办', workingDaysOverdue: 10, copyToOffice: true },
    ],
    noticeNumber: { format: '督办〔{year}〕{number}号' },
    office: { name: '督查室', email: 'duchashi@duban.local' },
    progressReports: {
      enabled: false,
      dueDayOfMonth: 28,
      remindWorkingDaysBefore: 3,
      missedNotice: true,
    },
    // The watchdog is exercised by calling it; its timer stays out of the way.
    sweep: { cron: '30 0 * * *', watchdogSeconds: 3600 },
    digestWindowSeconds: 30,
    ...overrides,
  };
}

export interface SchedulerHarness<C extends Clock = SettableClock> {
  app: INestApplicationContext;
  clock: C;
  reminders: Queue;
  mail: Queue;
  mailDelivery: Queue;
  events: Queue;
  sweep: Queue;
  close(): Promise<void>;
}

/** The scheduler process in-process, with its relay on, and queues to look into. */
export async function startScheduler<C extends Clock = SettableClock>(
  database: { url: string },
  redis: { url: string; prefix: string },
  policy: ReminderPolicy,
  options: {
    clock?: C;
    loadCalendar?: () => Promise<WorkingDayCalendar>;
    /** False for a clock that stands still before the first sweep (there is none to wait for). */
    awaitStartupSweep?: boolean;
  } = {},
): Promise<SchedulerHarness<C>> {
  const clock = options.clock ?? (new SettableClock() as unknown as C);
  const base = testConfig({
    databaseUrl: database.url,
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
  });
  const config: DubanConfig = { ...base, outbox: { ...base.outbox, relayEnabled: true } };
  const app = await NestFactory.createApplicationContext(
    SchedulerModule.forRoot(config, {
      policy,
      clock,
      loadCalendar: options.loadCalendar ?? (() => Promise.resolve(officialCalendar)),
    }),
    { logger: ['error'] },
  );
  const connection = bullConnectionFromUrl(redis.url);
  const queue = (name: string) => new Queue(name, { connection, prefix: redis.prefix });
  const harness = {
    app,
    clock,
    reminders: queue(QueueName.Reminders),
    mail: queue(QueueName.Mail),
    mailDelivery: queue(QueueName.MailDelivery),
    events: queue(QueueName.SchedulerEvents),
    sweep: queue(QueueName.Sweep),
  };
  // A fresh Redis has no sweep schedule, so start-up sweeps once; let it finish before the test.
  if (options.awaitStartupSweep !== false) {
    await pollUntil(
      async () => {
        const counts = await harness.sweep.getJobCounts(
          'completed',
          'waiting',
          'active',
          'delayed',
        );
        return counts.completed >= 1 && counts.waiting + counts.active === 0;
      },
      { timeoutMs: 15_000, what: 'the start-up sweep finished' },
    );
  }
  return {
    ...harness,
    async close() {
      await Promise.all(
        [harness.reminders, harness.mail, harness.mailDelivery, harness.events, harness.sweep].map(
          (q) => q.close(),
        ),
      );
      await app.close();
    },
  };
}

export async function insertDepartment(dataSource: DataSource, name = `部门${randomUUID()}`) {
  const [row] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO departments (name, emails) VALUES ($1, $2) RETURNING id`,
    [name, [`${randomUUID().slice(0, 8)}@dept.local`]],
  );
  return row.id;
}

export async function insertPlan(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO plans (title, source_text, source_hash) VALUES ('实施方案', '正文', $1) RETURNING id`,
    [randomUUID().replace(/-/g, '').padEnd(64, '0')],
  );
  return row.id;
}

export async function insertTask(
  dataSource: DataSource,
  planId: string,
  values: { deadline: string | null; status?: string; recurrence?: string },
): Promise<string> {
  const [row] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status, recurrence)
     VALUES ($1, $2, 1, '推进重点项目建设', $3, $4, $5) RETURNING id`,
    [planId, randomUUID(), values.deadline, values.status ?? 'open', values.recurrence ?? 'none'],
  );
  return row.id;
}

export async function insertAssignment(
  dataSource: DataSource,
  values: {
    taskId: string;
    departmentId: string;
    assignedAt: string;
    acknowledgedAt?: string | null;
    role?: 'lead' | 'support';
  },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO task_assignments (task_id, department_id, role, assigned_at, acknowledged_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      values.taskId,
      values.departmentId,
      values.role ?? 'lead',
      values.assignedAt,
      values.acknowledgedAt ?? null,
    ],
  );
}

/** Records events as the api would: in a transaction, with an audit row, through the outbox. */
export async function emit(
  dataSource: DataSource,
  events: readonly NewEvent[],
): Promise<AnyDomainEvent[]> {
  return dataSource.transaction((manager) =>
    recordChanges(manager, [
      {
        actor: { userId: null, label: 'test' },
        action: 'test',
        entityType: 'task',
        entityId: randomUUID(),
        events,
      },
    ]),
  );
}

export function assigned(
  taskId: string,
  departmentId: string,
  deadline: string | null,
): NewEvent<'TaskAssigned'> {
  return {
    type: 'TaskAssigned',
    aggregateType: 'task',
    aggregateId: taskId,
    payload: { taskId, departmentId, role: 'lead', deadline },
  };
}

/** Resolves once every event has been applied and the handlers' after-commit work is done. */
export async function eventsSettled(
  dataSource: DataSource,
  events: Queue,
  eventIds: readonly string[],
): Promise<boolean> {
  const [{ applied }] = await dataSource.query<[{ applied: number }]>(
    `SELECT count(*)::int AS applied FROM processed_events
      WHERE consumer = 'scheduler' AND event_id = ANY ($1::uuid[])`,
    [eventIds],
  );
  if (applied < eventIds.length) {
    return false;
  }
  const counts = await events.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(counts).every((count) => count === 0);
}

export interface ReminderRowView {
  id: string;
  kind: string;
  fireAt: string;
  state: string;
  noticeNumber: string | null;
  provisional: boolean;
}

export async function reminderRows(
  dataSource: DataSource,
  taskId: string,
  state?: string,
): Promise<ReminderRowView[]> {
  const rows = await dataSource.query<Array<ReminderRowView & { fireAt: Date }>>(
    `SELECT id, kind, fire_at AS "fireAt", state, notice_number AS "noticeNumber", provisional
       FROM reminders WHERE task_id = $1 AND ($2::text IS NULL OR state = $2)
      ORDER BY fire_at, kind`,
    [taskId, state ?? null],
  );
  return rows.map((row) => ({ ...row, fireAt: row.fireAt.toISOString() }));
}

/** Ids of FireReminder jobs waiting in Redis (delayed or due). */
export async function pendingJobIds(reminders: Queue): Promise<string[]> {
  const jobs = await reminders.getJobs(['delayed', 'waiting', 'prioritized']);
  return jobs.map((job) => job.id ?? '').sort();
}

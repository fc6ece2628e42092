import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { QueueName } from '@duban/contracts';
import { MailDeliveriesService } from '@duban/mail';
import { bullConnectionFromUrl } from '@duban/queue';
import {
  createTestDatabase,
  createTestRedis,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';
import {
  ReminderNotFoundError,
  ReminderNotResendableError,
  ReminderOfficeService,
} from './reminder-office.service';

describe('the office view of reminders', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let mail: Queue;
  let sut: ReminderOfficeService;
  const ids = {
    task: '',
    a: '',
    b: '',
    scheduled: '',
    sent: '',
    failed: '',
    cancelled: '',
    otherDepartment: '',
    delivery: '',
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    mail = new Queue(QueueName.MailDelivery, {
      connection: bullConnectionFromUrl(redis.url),
      prefix: redis.prefix,
    });
    sut = new ReminderOfficeService(db.dataSource, new MailDeliveriesService(db.dataSource, mail));
    const q = <T>(sql: string, params: unknown[]) => db.dataSource.query<T>(sql, params);
    const [plan] = await q<Array<{ id: string }>>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('方案', '正文', repeat('c', 64)) RETURNING id`,
      [],
    );
    [{ id: ids.task }] = await q<Array<{ id: string }>>(
      `INSERT INTO tasks (plan_id, number_path, level, title, deadline) VALUES ($1, '一', 1, '建设孵化器', '2026-11-16') RETURNING id`,
      [plan.id],
    );
    [{ id: ids.a }, { id: ids.b }] = await q<Array<{ id: string }>>(
      `INSERT INTO departments (name) VALUES ('市科技局'), ('市财政局') RETURNING id`,
      [],
    );
    const reminder = async (
      departmentId: string,
      kind: string,
      fireAt: string,
      state: string,
    ): Promise<string> => {
      const [row] = await q<Array<{ id: string }>>(
        `INSERT INTO reminders (task_id, department_id, kind, fire_at, state)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [ids.task, departmentId, kind, fireAt, state],
      );
      return row.id;
    };
    ids.sent = await reminder(ids.a, 'pre_deadline', '2026-11-05T01:00:00Z', 'sent');
    ids.failed = await reminder(ids.a, 'pre_deadline', '2026-11-11T01:00:00Z', 'failed');
    ids.cancelled = await reminder(ids.a, 'notice_blue', '2026-11-16T01:00:00Z', 'cancelled');
    ids.scheduled = await reminder(ids.a, 'notice_orange', '2026-11-19T01:00:00Z', 'scheduled');
    // An hour after the other department's, so fire time alone fixes the listing order.
    ids.otherDepartment = await reminder(
      ids.b,
      'notice_orange',
      '2026-11-19T02:00:00Z',
      'scheduled',
    );
    [{ id: ids.delivery }] = await q<Array<{ id: string }>>(
      `INSERT INTO mail_deliveries (message_id, department_id, reminder_ids, recipients, subject,
                                    text_body, html_body, state, attempts, last_error)
       VALUES ('<m1@duban>', $1, $2, '{kjj@example.gov.cn}', '提醒', 't', 'h', 'failed', 1,
               '550 mailbox unavailable') RETURNING id`,
      [ids.a, [ids.failed]],
    );
  });

  afterAll(async () => {
    await mail.close();
    await redis.cleanup();
    await db.drop();
  });

  it('lists a task’s scheduled, sent and failed reminders with their latest mail', async () => {
    const rows = await sut.list({ taskId: ids.task });
    expect(rows.map((r) => [r.id, r.state, r.departmentName])).toEqual([
      [ids.sent, 'sent', '市科技局'],
      [ids.failed, 'failed', '市科技局'],
      [ids.scheduled, 'scheduled', '市科技局'],
      [ids.otherDepartment, 'scheduled', '市财政局'],
    ]);
    expect(rows[1]).toMatchObject({
      deliveryId: ids.delivery,
      deliveryState: 'failed',
      lastError: '550 mailbox unavailable',
      taskTitle: '建设孵化器',
    });
    expect((await sut.list({ departmentId: ids.b })).map((r) => r.id)).toEqual([
      ids.otherDepartment,
    ]);
    expect((await sut.list({ states: ['failed', 'cancelled'] })).map((r) => r.id)).toEqual([
      ids.failed,
      ids.cancelled,
    ]);
  });

  it('resends a failed reminder through its failed mail, and refuses anything else', async () => {
    await expect(sut.resend(ids.scheduled)).rejects.toBeInstanceOf(ReminderNotResendableError);
    await expect(sut.resend(randomUUID())).rejects.toBeInstanceOf(ReminderNotFoundError);

    expect(await sut.resend(ids.failed)).toEqual({
      reminderId: ids.failed,
      deliveryId: ids.delivery,
    });
    const [delivery] = await db.dataSource.query<Array<{ state: string }>>(
      `SELECT state FROM mail_deliveries WHERE id = $1`,
      [ids.delivery],
    );
    expect(delivery.state).toBe('pending');
    const jobs = await mail.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.map((j) => j.data as unknown)).toEqual([{ deliveryId: ids.delivery }]);
    // The mail is on its way again: the reminder stays failed until it is delivered.
    await expect(sut.resend(ids.failed)).rejects.toBeInstanceOf(ReminderNotResendableError);
  });
});

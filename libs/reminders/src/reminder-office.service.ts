import type { DataSource } from 'typeorm';
import type { ReminderKind, ReminderState } from '@duban/db';

export interface ReminderFilter {
  taskId?: string;
  departmentId?: string;
  /** Default: scheduled, sent and failed (what the office watches). */
  states?: readonly ReminderState[];
  limit?: number;
}

export interface ReminderSummary {
  id: string;
  taskId: string;
  taskTitle: string;
  departmentId: string;
  departmentName: string;
  kind: ReminderKind;
  fireAt: Date;
  state: ReminderState;
  provisional: boolean;
  noticeNumber: string | null;
  /** The latest mail carrying the reminder, if any. */
  deliveryId: string | null;
  deliveryState: string | null;
  lastError: string | null;
}

export class ReminderNotFoundError extends Error {
  override readonly name = 'ReminderNotFoundError';
  constructor(readonly reminderId: string) {
    super(`Reminder ${reminderId} does not exist`);
  }
}

/** Only a failed reminder can be resent (409 in the API); one still scheduled or sent cannot. */
export class ReminderNotResendableError extends Error {
  override readonly name = 'ReminderNotResendableError';
  constructor(
    readonly reminderId: string,
    readonly reason: string,
  ) {
    super(`Reminder ${reminderId} cannot be resent: ${reason}`);
  }
}

/** The part of the mail delivery log the resend needs (MailDeliveriesService of @duban/mail). */
export interface DeliveryResender {
  resend(deliveryId: string): Promise<unknown>;
}

const DEFAULT_STATES: readonly ReminderState[] = ['scheduled', 'sent', 'failed'];
const MAX_LIMIT = 500;

/**
 * The office's view of the reminder schedule, for the API to wire: reminders per task and
 * department with their latest mail, and the resend of a failed one (which puts its failed mail
 * back on the queue, same Message-ID). The one part of this library that touches the database.
 */
export class ReminderOfficeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryResender,
  ) {}

  /** In fire order; reminders firing together are ordered by department name, so a page reads the same each time. */
  async list(filter: ReminderFilter = {}): Promise<ReminderSummary[]> {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), MAX_LIMIT);
    return this.dataSource.query<ReminderSummary[]>(
      `SELECT r.id, r.task_id AS "taskId", t.title AS "taskTitle",
              r.department_id AS "departmentId", dep.name AS "departmentName", r.kind,
              r.fire_at AS "fireAt", r.state, r.provisional, r.notice_number AS "noticeNumber",
              d.id AS "deliveryId", d.state AS "deliveryState", d.last_error AS "lastError"
         FROM reminders r
         JOIN tasks t ON t.id = r.task_id
         JOIN departments dep ON dep.id = r.department_id
         LEFT JOIN LATERAL (
               SELECT id, state, last_error FROM mail_deliveries
                WHERE department_id = r.department_id AND r.id = ANY (reminder_ids)
                ORDER BY created_at DESC LIMIT 1) d ON true
        WHERE ($1::uuid IS NULL OR r.task_id = $1)
          AND ($2::uuid IS NULL OR r.department_id = $2)
          AND r.state = ANY ($3::text[])
        ORDER BY r.fire_at, r.kind, dep.name COLLATE "C", r.id
        LIMIT $4`,
      [filter.taskId ?? null, filter.departmentId ?? null, filter.states ?? DEFAULT_STATES, limit],
    );
  }

  /** Resends the failed mail that carried a failed reminder; returns that mail's id. */
  async resend(reminderId: string): Promise<{ reminderId: string; deliveryId: string }> {
    const [reminder] = await this.dataSource.query<
      Array<{ state: ReminderState; deliveryId: string | null; deliveryState: string | null }>
    >(
      `SELECT r.state, d.id AS "deliveryId", d.state AS "deliveryState"
         FROM reminders r
         LEFT JOIN LATERAL (
               SELECT id, state FROM mail_deliveries
                WHERE department_id = r.department_id AND r.id = ANY (reminder_ids)
                ORDER BY created_at DESC LIMIT 1) d ON true
        WHERE r.id = $1`,
      [reminderId],
    );
    if (!reminder) {
      throw new ReminderNotFoundError(reminderId);
    }
    if (reminder.state !== 'failed') {
      throw new ReminderNotResendableError(reminderId, `it is ${reminder.state}, not failed`);
    }
    if (!reminder.deliveryId || reminder.deliveryState !== 'failed') {
      throw new ReminderNotResendableError(reminderId, 'no failed mail carries it');
    }
    await this.deliveries.resend(reminder.deliveryId);
    return { reminderId, deliveryId: reminder.deliveryId };
  }
}

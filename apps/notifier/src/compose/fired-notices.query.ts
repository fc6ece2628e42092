import type { EntityManager } from 'typeorm';
import { lockKeys, type ReminderKind, type TaskStatus } from '@duban/db';

export interface FiredNoticeRow {
  reminderId: string;
  kind: ReminderKind;
  noticeNumber: string | null;
  taskId: string;
  taskNumber: string;
  taskTitle: string;
  taskStatus: TaskStatus;
  deadline: string | null;
  planTitle: string;
  role: 'lead' | 'support' | null;
  acknowledgedAt: Date | null;
}

export interface NewDelivery {
  messageId: string;
  departmentId: string;
  reminderIds: readonly string[];
  recipients: readonly string[];
  cc: readonly string[];
  subject: string;
  textBody: string;
  htmlBody: string;
  /** `sending` (its first attempt counted) when it has an address to go to, else `failed`. */
  state: 'sending' | 'failed';
  lastError: string | null;
}

export interface DepartmentRow {
  id: string;
  name: string;
  emails: string[];
}

/**
 * SQL of the compose step; everything runs inside the composer's transaction. Each statement
 * serves every department of a batch at once (one compose request per department).
 */
export class FiredNoticesQuery {
  /**
   * The departments, locked for this transaction: composes of one department run one after the
   * other, so two jobs cannot put a reminder in two mails.
   */
  async lockDepartments(
    manager: EntityManager,
    departmentIds: readonly string[],
  ): Promise<Map<string, DepartmentRow>> {
    await lockKeys(
      manager,
      departmentIds.map((id) => `compose:${id}`),
    );
    const rows = await manager.query<DepartmentRow[]>(
      `SELECT id, name, emails FROM departments WHERE id = ANY ($1::uuid[])`,
      [departmentIds],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Each department's fired reminders up to the end of its day that no mail carries yet, by
   * department. A reminder in a mail stays `fired` only while that mail is pending or sending
   * (the delivery marks it sent or failed in the same transaction), so only those deliveries
   * are looked at.
   */
  async unmailed(
    manager: EntityManager,
    requests: ReadonlyArray<{ departmentId: string; firedBefore: Date }>,
  ): Promise<Map<string, FiredNoticeRow[]>> {
    const rows = await manager.query<Array<FiredNoticeRow & { departmentId: string }>>(
      `SELECT r.department_id AS "departmentId",
              r.id AS "reminderId", r.kind, r.notice_number AS "noticeNumber",
              t.id AS "taskId", t.number_path AS "taskNumber", t.title AS "taskTitle",
              t.status AS "taskStatus", to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
              p.title AS "planTitle", a.role, a.acknowledged_at AS "acknowledgedAt"
         FROM unnest($1::uuid[], $2::timestamptz[]) AS q (department_id, fired_before)
         JOIN reminders r ON r.department_id = q.department_id
         JOIN tasks t ON t.id = r.task_id
         JOIN plans p ON p.id = t.plan_id
         LEFT JOIN task_assignments a ON a.task_id = r.task_id AND a.department_id = r.department_id
        WHERE r.state = 'fired' AND r.fire_at < q.fired_before
          AND NOT EXISTS (
                SELECT 1 FROM mail_deliveries d
                 WHERE d.department_id = r.department_id
                   AND d.state IN ('pending', 'sending')
                   AND r.id = ANY (d.reminder_ids))
        ORDER BY r.fire_at, r.id`,
      [requests.map((r) => r.departmentId), requests.map((r) => r.firedBefore)],
    );
    const byDepartment = new Map<string, FiredNoticeRow[]>();
    for (const { departmentId, ...row } of rows) {
      byDepartment.set(departmentId, [...(byDepartment.get(departmentId) ?? []), row]);
    }
    return byDepartment;
  }

  async cancel(manager: EntityManager, reminderIds: readonly string[]): Promise<void> {
    if (reminderIds.length) {
      await manager.query(
        `UPDATE reminders SET state = 'cancelled', updated_at = now()
          WHERE id = ANY ($1::uuid[]) AND state = 'fired'`,
        [reminderIds],
      );
    }
  }

  async markFailed(manager: EntityManager, reminderIds: readonly string[]): Promise<void> {
    if (reminderIds.length) {
      await manager.query(
        `UPDATE reminders SET state = 'failed', updated_at = now()
          WHERE id = ANY ($1::uuid[]) AND state = 'fired'`,
        [reminderIds],
      );
    }
  }

  /**
   * Inserts the deliveries, each unless one with the same Message-ID exists; returns the new ids
   * by Message-ID (one left out was there already).
   */
  async insertDeliveries(
    manager: EntityManager,
    deliveries: readonly NewDelivery[],
  ): Promise<Map<string, string>> {
    if (deliveries.length === 0) {
      return new Map();
    }
    const rows = await manager.query<Array<{ id: string; messageId: string }>>(
      `INSERT INTO mail_deliveries
              (message_id, department_id, reminder_ids, recipients, cc, subject, text_body,
               html_body, state, last_error, attempts)
       SELECT message_id, department_id, reminder_ids, recipients, cc, subject, text_body,
              html_body, state, last_error, CASE state WHEN 'sending' THEN 1 ELSE 0 END
         FROM jsonb_to_recordset($1::jsonb) AS d (
                message_id text, department_id uuid, reminder_ids uuid[], recipients text[],
                cc text[], subject text, text_body text, html_body text, state text,
                last_error text)
       ON CONFLICT (message_id) DO NOTHING
       RETURNING id, message_id AS "messageId"`,
      [
        JSON.stringify(
          deliveries.map((d) => ({
            message_id: d.messageId,
            department_id: d.departmentId,
            reminder_ids: d.reminderIds,
            recipients: d.recipients,
            cc: d.cc,
            subject: d.subject,
            text_body: d.textBody,
            html_body: d.htmlBody,
            state: d.state,
            last_error: d.lastError,
          })),
        ),
      ],
    );
    return new Map(rows.map((row) => [row.messageId, row.id]));
  }

  /**
   * Deliveries of the departments waiting for a retry, by department: each needs a DeliverMail
   * job. A `sending` one is not among them: a live notifier holds it, or the recovery takes it.
   */
  async pendingDeliveryIds(
    manager: EntityManager,
    departmentIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const rows = await manager.query<Array<{ id: string; departmentId: string }>>(
      `SELECT id, department_id AS "departmentId" FROM mail_deliveries
        WHERE department_id = ANY ($1::uuid[]) AND state = 'pending'`,
      [departmentIds],
    );
    const byDepartment = new Map<string, string[]>();
    for (const row of rows) {
      byDepartment.set(row.departmentId, [...(byDepartment.get(row.departmentId) ?? []), row.id]);
    }
    return byDepartment;
  }
}

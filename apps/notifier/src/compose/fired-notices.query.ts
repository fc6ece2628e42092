import type { EntityManager } from 'typeorm';
import type { ReminderKind, TaskStatus } from '@duban/db';

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

export interface DepartmentRow {
  id: string;
  name: string;
  emails: string[];
}

/** SQL of the compose step; everything runs inside the composer's transaction. */
export class FiredNoticesQuery {
  /**
   * The department, locked for this transaction: composes of one department run one after the
   * other, so two jobs cannot put a reminder in two mails.
   */
  async lockDepartment(
    manager: EntityManager,
    departmentId: string,
  ): Promise<DepartmentRow | null> {
    const rows = await manager.query<DepartmentRow[]>(
      `SELECT id, name, emails FROM departments, pg_advisory_xact_lock(hashtextextended($2, 0))
        WHERE id = $1`,
      [departmentId, `compose:${departmentId}`],
    );
    return rows[0] ?? null;
  }

  /**
   * The department's fired reminders up to the end of the day that no mail carries yet. A
   * reminder in a mail stays `fired` only while that mail is pending or sending (the delivery
   * marks it sent or failed in the same transaction), so only those deliveries are looked at.
   */
  async unmailed(
    manager: EntityManager,
    departmentId: string,
    firedBefore: Date,
  ): Promise<FiredNoticeRow[]> {
    return manager.query<FiredNoticeRow[]>(
      `SELECT r.id AS "reminderId", r.kind, r.notice_number AS "noticeNumber",
              t.id AS "taskId", t.number_path AS "taskNumber", t.title AS "taskTitle",
              t.status AS "taskStatus", to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
              p.title AS "planTitle", a.role, a.acknowledged_at AS "acknowledgedAt"
         FROM reminders r
         JOIN tasks t ON t.id = r.task_id
         JOIN plans p ON p.id = t.plan_id
         LEFT JOIN task_assignments a ON a.task_id = r.task_id AND a.department_id = r.department_id
        WHERE r.department_id = $1 AND r.state = 'fired' AND r.fire_at < $2
          AND NOT EXISTS (
                SELECT 1 FROM mail_deliveries d
                 WHERE d.department_id = r.department_id
                   AND d.state IN ('pending', 'sending')
                   AND r.id = ANY (d.reminder_ids))
        ORDER BY r.fire_at, r.id`,
      [departmentId, firedBefore],
    );
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
    await manager.query(
      `UPDATE reminders SET state = 'failed', updated_at = now()
        WHERE id = ANY ($1::uuid[]) AND state = 'fired'`,
      [reminderIds],
    );
  }

  /** Inserts the delivery unless one with the same Message-ID exists; returns the new id or null. */
  async insertDelivery(
    manager: EntityManager,
    delivery: {
      messageId: string;
      departmentId: string;
      reminderIds: readonly string[];
      recipients: readonly string[];
      cc: readonly string[];
      subject: string;
      textBody: string;
      htmlBody: string;
      state: 'pending' | 'failed';
      lastError: string | null;
    },
  ): Promise<string | null> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO mail_deliveries
              (message_id, department_id, reminder_ids, recipients, cc, subject, text_body,
               html_body, state, last_error)
       VALUES ($1, $2, $3::uuid[], $4::text[], $5::text[], $6, $7, $8, $9, $10)
       ON CONFLICT (message_id) DO NOTHING
       RETURNING id`,
      [
        delivery.messageId,
        delivery.departmentId,
        delivery.reminderIds,
        delivery.recipients,
        delivery.cc,
        delivery.subject,
        delivery.textBody,
        delivery.htmlBody,
        delivery.state,
        delivery.lastError,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Deliveries of the department still to send: each needs a DeliverMail job. */
  async pendingDeliveryIds(manager: EntityManager, departmentId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM mail_deliveries WHERE department_id = $1 AND state IN ('pending', 'sending')`,
      [departmentId],
    );
    return rows.map((row) => row.id);
  }
}

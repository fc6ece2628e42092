import type { DataSource } from 'typeorm';
import { preparedStatement, queryPrepared } from '@duban/db';
import { HELD_MAIL_STALE_SECONDS } from './held-mail';

// Prepared: every mail runs them, and planning costs PostgreSQL more than running them.
const CLAIM = preparedStatement(
  `UPDATE mail_deliveries
      SET state = 'sending', attempts = attempts + 1, updated_at = now()
    WHERE id = ANY ($1::uuid[]) AND state IN ('pending', 'sending')
      AND NOT (state = 'sending' AND attempts = 1
               AND updated_at > now() - make_interval(secs => ${HELD_MAIL_STALE_SECONDS}))
    RETURNING id, message_id AS "messageId", recipients, cc, subject,
              text_body AS "textBody", html_body AS "htmlBody",
              reminder_ids AS "reminderIds", attempts`,
);
const MARK_SENT = preparedStatement(
  `WITH sent AS (
     UPDATE mail_deliveries d
        SET state = 'sent', sent_at = now(), last_error = m.note, updated_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS m (id, note)
      WHERE d.id = m.id)
   UPDATE reminders SET state = 'sent', updated_at = now()
    WHERE id = ANY ($3::uuid[]) AND state IN ('fired', 'failed')`,
);

const TOUCH = preparedStatement(
  `UPDATE mail_deliveries SET updated_at = now()
    WHERE id = ANY ($1::uuid[]) AND state = 'sending' AND attempts = 1
   RETURNING id`,
);

export interface ClaimedDelivery {
  readonly id: string;
  readonly messageId: string;
  readonly recipients: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly reminderIds: readonly string[];
  readonly attempts: number;
}

/**
 * SQL of the deliver step: the row is written before and after every SMTP call. Claims and sent
 * marks take several rows at once: the deliver jobs running together share their round trips.
 */
export class MailDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Marks the rows `sending` and counts the attempt, unless already sent or failed, in one
   * statement; a result per id in order, null for a row not claimed. A row found `sending`
   * belongs to an attempt that died mid-send (the process was killed): it is claimed again, which
   * is the one way a mail can go out twice. A first attempt (`sending` at attempt 1) is a live
   * notifier's until it has gone HELD_MAIL_STALE_SECONDS untouched: not claimed before. An id
   * given twice is claimed for its first caller only.
   */
  async claim(deliveryIds: readonly string[]): Promise<Array<ClaimedDelivery | null>> {
    const rows = await queryPrepared<ClaimedDelivery>(this.dataSource, CLAIM, [deliveryIds]);
    const claimed = new Map(rows.map((row) => [row.id, row]));
    return deliveryIds.map((id) => {
      const row = claimed.get(id) ?? null;
      claimed.delete(id);
      return row;
    });
  }

  async stateOf(deliveryId: string): Promise<string | null> {
    const rows = await this.dataSource.query<Array<{ state: string }>>(
      `SELECT state FROM mail_deliveries WHERE id = $1`,
      [deliveryId],
    );
    return rows[0]?.state ?? null;
  }

  /**
   * Sent: the rows and their reminders in one statement (atomic, one round trip for every mail
   * the server accepted meanwhile: the window in which an accepted mail is not yet recorded is as
   * short as the database allows).
   */
  async markSent(sent: ReadonlyArray<{ delivery: ClaimedDelivery; note: string | null }>) {
    await queryPrepared(this.dataSource, MARK_SENT, [
      sent.map((s) => s.delivery.id),
      sent.map((s) => s.note),
      sent.flatMap((s) => s.delivery.reminderIds),
    ]);
  }

  /**
   * Refreshes the time of the rows whose first attempt this process holds (`HeldMail`), so that
   * neither the mail recovery nor a DeliverMail claim takes them for abandoned; answers the ids
   * still held (`sending` at attempt 1: not finished, not taken over by a job).
   */
  async touch(deliveryIds: readonly string[]): Promise<string[]> {
    const rows = await queryPrepared<{ id: string }>(this.dataSource, TOUCH, [deliveryIds]);
    return rows.map((row) => row.id);
  }

  /** Back to `pending` with the error, for the next attempt BullMQ schedules. */
  async markRetrying(delivery: ClaimedDelivery, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_deliveries SET state = 'pending', last_error = $2, updated_at = now()
        WHERE id = $1 AND state = 'sending'`,
      [delivery.id, error],
    );
  }

  /** Failed for good: the office sees the server's reply and may resend. */
  async markFailed(delivery: ClaimedDelivery, error: string): Promise<void> {
    await this.dataSource.query(
      `WITH failed AS (
         UPDATE mail_deliveries SET state = 'failed', last_error = $2, updated_at = now()
          WHERE id = $1)
       UPDATE reminders SET state = 'failed', updated_at = now()
        WHERE id = ANY ($3::uuid[]) AND state = 'fired'`,
      [delivery.id, error, delivery.reminderIds],
    );
  }
}

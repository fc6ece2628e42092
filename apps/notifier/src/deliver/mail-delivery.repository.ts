import type { DataSource } from 'typeorm';

export interface ClaimedDelivery {
  id: string;
  messageId: string;
  recipients: string[];
  cc: string[];
  subject: string;
  textBody: string;
  htmlBody: string;
  reminderIds: string[];
  attempts: number;
}

/** SQL of the deliver step: the row is written before and after every SMTP call. */
export class MailDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Marks the row `sending` and counts the attempt, unless it is already sent or failed. A row
   * found `sending` belongs to an attempt that died mid-send (the process was killed): it is
   * claimed again, which is the one way a mail can go out twice.
   */
  async claim(deliveryId: string): Promise<ClaimedDelivery | null> {
    const rows = await this.dataSource.query<[ClaimedDelivery[], number]>(
      `UPDATE mail_deliveries
          SET state = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND state IN ('pending', 'sending')
        RETURNING id, message_id AS "messageId", recipients, cc, subject,
                  text_body AS "textBody", html_body AS "htmlBody",
                  reminder_ids AS "reminderIds", attempts`,
      [deliveryId],
    );
    return rows[0][0] ?? null;
  }

  async stateOf(deliveryId: string): Promise<string | null> {
    const rows = await this.dataSource.query<Array<{ state: string }>>(
      `SELECT state FROM mail_deliveries WHERE id = $1`,
      [deliveryId],
    );
    return rows[0]?.state ?? null;
  }

  /**
   * Sent: the row and its reminders in one statement (atomic, one round trip: the window in which
   * an accepted mail is not yet recorded is as short as the database allows).
   */
  async markSent(delivery: ClaimedDelivery, note: string | null): Promise<void> {
    await this.dataSource.query(
      `WITH sent AS (
         UPDATE mail_deliveries
            SET state = 'sent', sent_at = now(), last_error = $2, updated_at = now()
          WHERE id = $1)
       UPDATE reminders SET state = 'sent', updated_at = now()
        WHERE id = ANY ($3::uuid[]) AND state IN ('fired', 'failed')`,
      [delivery.id, note, delivery.reminderIds],
    );
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

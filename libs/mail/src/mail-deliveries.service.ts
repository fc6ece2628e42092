import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { DeliveryState } from '@duban/db';
import { deliverMailJob } from './mail-jobs';

export interface DeliveryFilter {
  state?: DeliveryState;
  departmentId?: string;
  /** Deliveries carrying a reminder of this task. */
  taskId?: string;
  limit?: number;
}

export interface DeliverySummary {
  id: string;
  messageId: string;
  departmentId: string | null;
  departmentName: string | null;
  reminderIds: string[];
  recipients: string[];
  cc: string[];
  subject: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export class DeliveryNotFoundError extends Error {
  constructor(readonly deliveryId: string) {
    super(`Mail delivery ${deliveryId} does not exist`);
    this.name = 'DeliveryNotFoundError';
  }
}

/** Only a failed mail can be resent (409 in the API): a pending one is still on its way. */
export class DeliveryNotResendableError extends Error {
  constructor(
    readonly deliveryId: string,
    readonly state: DeliveryState,
  ) {
    super(`Mail delivery ${deliveryId} is ${state}; only a failed mail can be resent`);
    this.name = 'DeliveryNotResendableError';
  }
}

const MAX_LIMIT = 500;

const SUMMARY_SELECT = `
  SELECT d.id, d.message_id AS "messageId", d.department_id AS "departmentId",
         dep.name AS "departmentName", d.reminder_ids AS "reminderIds", d.recipients, d.cc,
         d.subject, d.state, d.attempts, d.last_error AS "lastError", d.sent_at AS "sentAt",
         d.created_at AS "createdAt", d.updated_at AS "updatedAt"
    FROM mail_deliveries d
    LEFT JOIN departments dep ON dep.id = d.department_id`;

/**
 * The office's view of the delivery log: list mails (newest first) and resend a failed one. Plain
 * class over a DataSource and the mail-delivery queue, so the API wires it without the notifier's
 * module.
 */
export class MailDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveryQueue: Queue,
  ) {}

  async list(filter: DeliveryFilter = {}): Promise<DeliverySummary[]> {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), MAX_LIMIT);
    return this.dataSource.query<DeliverySummary[]>(
      `${SUMMARY_SELECT}
        WHERE ($1::text IS NULL OR d.state = $1)
          AND ($2::uuid IS NULL OR d.department_id = $2)
          AND ($3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM reminders r WHERE r.id = ANY (d.reminder_ids) AND r.task_id = $3))
        ORDER BY d.created_at DESC, d.id
        LIMIT $4`,
      [filter.state ?? null, filter.departmentId ?? null, filter.taskId ?? null, limit],
    );
  }

  /**
   * Puts a failed mail back to `pending` and queues it again (same Message-ID, so a receiver that
   * got it after all can tell). The failed job keeps the jobId; it is removed first.
   */
  async resend(deliveryId: string): Promise<DeliverySummary> {
    const [rows] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE mail_deliveries SET state = 'pending', updated_at = now()
        WHERE id = $1 AND state = 'failed' RETURNING id`,
      [deliveryId],
    );
    if (!rows.length) {
      const [current] = await this.byId(deliveryId);
      if (!current) {
        throw new DeliveryNotFoundError(deliveryId);
      }
      throw new DeliveryNotResendableError(deliveryId, current.state);
    }
    const job = deliverMailJob(deliveryId);
    await this.deliveryQueue.remove(job.opts.jobId ?? '');
    await this.deliveryQueue.add(job.name, job.data, job.opts);
    const [summary] = await this.byId(deliveryId);
    return summary;
  }

  private byId(deliveryId: string): Promise<DeliverySummary[]> {
    return this.dataSource.query<DeliverySummary[]>(`${SUMMARY_SELECT} WHERE d.id = $1`, [
      deliveryId,
    ]);
  }
}

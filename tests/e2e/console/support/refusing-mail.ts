import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '@duban/contracts';
import { deliverMailJob } from '@duban/mail';
import { SmtpSink } from '@duban/testing';
import type { ApiHarness } from '../../support/api-harness';
import { startNotifierInto } from './notifier-into';

/**
 * A real SMTP server (smtp-server) and the notifier that sends to it, on the api's own database
 * and Redis prefix, so the console shows mails the notifier really tried: the sink can refuse
 * an address (550) and accept it again.
 */
export interface MailRoom {
  sink: SmtpSink;
  /**
   * Queues a new mail to `to` through the api's own delivery queue, carrying the (fired)
   * reminders given; resolves its id.
   */
  queueMail(
    departmentId: string,
    to: string,
    subject: string,
    reminderIds?: readonly string[],
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startMailRoom(api: ApiHarness): Promise<MailRoom> {
  const sink = await SmtpSink.start();
  const notifier = await startNotifierInto(api.config, sink, 'https://duban.example.gov.cn');
  const queue = api.app.get<Queue>(getQueueToken(QueueName.MailDelivery));
  return {
    sink,
    async queueMail(departmentId, to, subject, reminderIds = []) {
      const [row] = await api.db.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO mail_deliveries (message_id, department_id, reminder_ids, recipients, subject, text_body, html_body)
         VALUES ($1, $2, $5::uuid[], ARRAY[$3], $4, '请及时办理。', '<p>请及时办理。</p>') RETURNING id`,
        [
          `<${Date.now()}.${Math.random().toString(16).slice(2)}@duban.test>`,
          departmentId,
          to,
          subject,
          reminderIds,
        ],
      );
      const job = deliverMailJob(row.id);
      await queue.add(job.name, job.data, job.opts);
      return row.id;
    },
    async close() {
      await notifier.close();
      await sink.stop();
    },
  };
}

import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_POLICY, JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { type DeliverRetry, deliverMailJob } from '@duban/mail';
import { DELIVER_RETRY } from './notifier.tokens';

/**
 * PostgreSQL is the truth and Redis a mirror: at start-up every delivery still pending or sending
 * gets its DeliverMail job again, and every fired reminder no mail carries gets a compose job.
 * jobIds make this harmless when the jobs are still there.
 */
@Injectable()
export class MailRecoveryService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailRecoveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue,
    @Inject(DELIVER_RETRY) private readonly deliverRetry: DeliverRetry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const deliveries = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM mail_deliveries WHERE state IN ('pending', 'sending')`,
    );
    const composes = await this.dataSource.query<Array<{ departmentId: string; day: string }>>(
      `SELECT DISTINCT r.department_id AS "departmentId",
              to_char(r.fire_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
         FROM reminders r
        WHERE r.state = 'fired'
          AND NOT EXISTS (
                SELECT 1 FROM mail_deliveries d
                 WHERE d.department_id = r.department_id
                   AND d.state IN ('pending', 'sending')
                   AND r.id = ANY (d.reminder_ids))`,
    );
    for (let i = 0; i < deliveries.length; i += 1000) {
      await this.mailQueue.addBulk(
        deliveries.slice(i, i + 1000).map(({ id }) => deliverMailJob(id, this.deliverRetry)),
      );
    }
    for (let i = 0; i < composes.length; i += 1000) {
      await this.mailQueue.addBulk(
        composes.slice(i, i + 1000).map((payload) => ({
          name: JobName.ComposeNotices,
          data: payload satisfies JobPayloads[typeof JobName.ComposeNotices],
          // Its own id: the scheduler's compose job of that day may still be kept as completed.
          opts: {
            jobId: `recover-compose-${payload.departmentId}-${payload.day}`,
            removeOnComplete: true,
            removeOnFail: JOB_POLICY.removeOnFail,
          },
        })),
      );
    }
    if (deliveries.length || composes.length) {
      this.logger.log(
        `Re-queued ${deliveries.length} pending mail(s) and ${composes.length} compose job(s)`,
      );
    }
  }
}

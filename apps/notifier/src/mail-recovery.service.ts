import { InjectQueue } from '@nestjs/bullmq';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { currentClock, realMsOf } from '@duban/clock';
import { JOB_POLICY, JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { type DeliverRetry, deliverMailJob } from '@duban/mail';
import type { ReminderPolicy } from '@duban/reminders';
import { HELD_MAIL_STALE_SECONDS } from './deliver/held-mail';
import { MailDeliveryService } from './deliver/mail-delivery.service';
import { DELIVER_RETRY, REMINDER_POLICY } from './notifier.tokens';

/** How often a running notifier looks for mail whose job Redis no longer holds. */
export const MAIL_RECOVERY_INTERVAL_MS = 30_000;
/**
 * Rows untouched this long are past any send in progress (a send holds its job's 15 s lock and
 * gives up on a dead server within the connection timeout), so a job added for them is no race.
 */
export const MAIL_RECOVERY_MIN_AGE_SECONDS = 30;

/**
 * PostgreSQL is the truth and Redis a mirror: every delivery still pending or sending gets its
 * DeliverMail job again, and every fired reminder no mail carries gets a compose job — at
 * start-up, and every MAIL_RECOVERY_INTERVAL_MS for rows left untouched a while, so mail whose
 * jobs a flushed or restarted Redis lost still goes out while the notifier keeps running.
 * jobIds make this harmless when the jobs are still there (a retry waiting out its backoff).
 * A first attempt has no job to collide with: its row says `sending` and the notifier holding it
 * touches it every few seconds, so a `sending` row is taken over only once it has gone untouched
 * for HELD_MAIL_STALE_SECONDS (its holder died), at start-up too (another notifier may hold it).
 */
@Injectable()
export class MailRecoveryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailRecoveryService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue,
    @InjectQueue(QueueName.MailDelivery) private readonly deliveryQueue: Queue,
    @Inject(DELIVER_RETRY) private readonly deliverRetry: DeliverRetry,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    private readonly delivery: MailDeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recover(0, 0);
    this.timer = setInterval(() => {
      this.running = this.recover(
        MAIL_RECOVERY_MIN_AGE_SECONDS,
        // A notice waits out its digest window (simulated time on a simulated clock) before
        // its department's mail is composed; only then is a missing compose job a lost one.
        MAIL_RECOVERY_MIN_AGE_SECONDS +
          realMsOf(currentClock(), this.policy.digestWindowSeconds * 1000) / 1000,
      ).catch((error: Error) =>
        this.logger.warn(`mail recovery failed (tried again later): ${error.message}`),
      );
    }, MAIL_RECOVERY_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.running;
  }

  /**
   * Adds the DeliverMail job of every pending delivery untouched for `deliveryAgeSeconds` and every
   * sending one untouched for that long and at least HELD_MAIL_STALE_SECONDS, and a compose job
   * for every department day with fired reminders untouched for `composeAgeSeconds` that no
   * pending or sending mail carries.
   */
  async recover(
    deliveryAgeSeconds: number,
    composeAgeSeconds: number,
  ): Promise<{ deliveries: number; composes: number }> {
    const deliveries = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM mail_deliveries
        WHERE ((state = 'pending' AND updated_at <= now() - make_interval(secs => $1))
            OR (state = 'sending' AND updated_at <= now() - make_interval(secs => GREATEST($1, $2))))
          AND NOT (id = ANY ($3::uuid[]))`,
      [deliveryAgeSeconds, HELD_MAIL_STALE_SECONDS, this.delivery.heldFirstAttempts()],
    );
    const composes = await this.dataSource.query<Array<{ departmentId: string; day: string }>>(
      `SELECT DISTINCT r.department_id AS "departmentId",
              to_char(r.fire_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
         FROM reminders r
        WHERE r.state = 'fired' AND r.updated_at <= now() - make_interval(secs => $1)
          AND NOT EXISTS (
                SELECT 1 FROM mail_deliveries d
                 WHERE d.department_id = r.department_id
                   AND d.state IN ('pending', 'sending')
                   AND r.id = ANY (d.reminder_ids))`,
      [composeAgeSeconds],
    );
    for (let i = 0; i < deliveries.length; i += 1000) {
      await this.deliveryQueue.addBulk(
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
    return { deliveries: deliveries.length, composes: composes.length };
  }
}

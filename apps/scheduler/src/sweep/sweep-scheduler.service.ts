import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { shanghaiDateOf } from '@duban/calendar';
import { JobName, type JobPayloads, QueueName } from '@duban/contracts';
import type { ReminderPolicy } from '@duban/reminders';
import { DAILY_SWEEP_JOB } from '../reminders/reminder-job.options';
import { CLOCK, type Clock, REMINDER_POLICY } from '../scheduler.tokens';

export const SWEEP_SCHEDULER_ID = 'daily-sweep';

type SweepQueue = Queue<JobPayloads[typeof JobName.DailySweep], unknown, typeof JobName.DailySweep>;

/**
 * Registers the daily sweep as a BullMQ job scheduler (idempotent: every scheduler process
 * upserts the same id) and watches that Redis still holds it. Finding it gone means Redis lost
 * its data (flushed, replaced) and with it the delayed reminder jobs, so a sweep runs at once
 * instead of at the next tick. The recovery jobId is the same for every process within one
 * watchdog period, so two processes noticing together add one sweep.
 */
@Injectable()
export class SweepSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SweepScheduler');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(QueueName.Sweep) private readonly queue: SweepQueue,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
    this.timer = setInterval(() => {
      this.ensure().catch((error: unknown) =>
        this.logger.warn(`cannot check the sweep schedule: ${(error as Error).message}`),
      );
    }, this.policy.sweep.watchdogSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
  }

  async ensure(): Promise<'present' | 'updated' | 'restored'> {
    const { cron } = this.policy.sweep;
    const existing = await this.queue.getJobScheduler(SWEEP_SCHEDULER_ID);
    if (existing?.pattern === cron && existing.tz === this.policy.timezone) {
      return 'present';
    }
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { pattern: cron, tz: this.policy.timezone },
      // The sweep works on the day it runs; the day in the payload is for logs only.
      { name: JobName.DailySweep, data: { day: '' }, opts: DAILY_SWEEP_JOB },
    );
    if (existing) {
      return 'updated';
    }
    const period = Math.floor(Date.now() / (this.policy.sweep.watchdogSeconds * 1000));
    await this.queue.add(
      JobName.DailySweep,
      { day: shanghaiDateOf(this.clock.now()) },
      { ...DAILY_SWEEP_JOB, jobId: `recovery-${period}` },
    );
    this.logger.warn('the daily sweep was missing from Redis: registered again, sweeping now');
    return 'restored';
  }
}

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
import { SimulatedCron } from './simulated-cron';

export const SWEEP_SCHEDULER_ID = 'daily-sweep';

type SweepQueue = Queue<JobPayloads[typeof JobName.DailySweep], unknown, typeof JobName.DailySweep>;

/**
 * Registers the daily sweep as a BullMQ job scheduler (idempotent: every scheduler process
 * upserts the same id) and watches that Redis still holds it. Finding it gone means Redis lost
 * its data (flushed, replaced) and with it the delayed reminder jobs, so a sweep runs at once
 * instead of at the next tick. The recovery jobId is the same for every process within one
 * watchdog period, so two processes noticing together add one sweep.
 *
 * On a compressed simulated calendar (clock speed above 1) a real-time cron would sweep once a
 * real day; there the sweep is added at each simulated occurrence instead, with the day as jobId
 * so every scheduler process adds the same one.
 */
@Injectable()
export class SweepSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SweepScheduler');
  private timer: NodeJS.Timeout | null = null;
  private simulated: SimulatedCron | null = null;

  constructor(
    @InjectQueue(QueueName.Sweep) private readonly queue: SweepQueue,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.clock.speed > 1) {
      this.startSimulatedDays();
      return;
    }
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
    this.simulated?.stop();
  }

  private startSimulatedDays(): void {
    const { cron } = this.policy.sweep;
    this.simulated = new SimulatedCron(
      this.clock,
      cron,
      this.policy.timezone,
      async (occurrence) => {
        const day = shanghaiDateOf(occurrence);
        await this.queue.add(
          JobName.DailySweep,
          { day },
          { ...DAILY_SWEEP_JOB, jobId: `simulated-${day}` },
        );
      },
      (error) => this.logger.warn(`cannot add the simulated day's sweep: ${error.message}`),
    );
    this.simulated.start();
    this.logger.log(
      `simulated clock at ${this.clock.speed}×: sweeping at each simulated "${cron}"`,
    );
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

import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, type Job } from 'bullmq';
import { STANDING_CLOCK_POLL_MS } from '@duban/clock';
import { JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { type FireOutcome, ReminderFireService } from './reminder-fire.service';

/** Fires reminders when their delayed job comes due; errors reach BullMQ and are retried. */
@Processor(QueueName.Reminders, { concurrency: 16 })
export class ReminderFireProcessor extends WorkerHost {
  constructor(private readonly fire: ReminderFireService) {
    super();
  }

  async process(
    job: Job<JobPayloads[typeof JobName.FireReminder]>,
    token?: string,
  ): Promise<FireOutcome> {
    if (job.name !== JobName.FireReminder) {
      throw new Error(`unexpected job ${job.name} on the ${QueueName.Reminders} queue`);
    }
    const outcome = await this.fire.fire(job.data.reminderId);
    if (outcome === 'early') {
      // Only a simulated clock standing still (the demo's) is behind a job's real-time delay:
      // wait with it, and look again shortly.
      await job.moveToDelayed(Date.now() + STANDING_CLOCK_POLL_MS, token);
      throw new DelayedError();
    }
    return outcome;
  }
}

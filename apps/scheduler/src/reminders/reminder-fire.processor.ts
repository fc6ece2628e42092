import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { type FireOutcome, ReminderFireService } from './reminder-fire.service';

/** Fires reminders when their delayed job comes due; errors reach BullMQ and are retried. */
@Processor(QueueName.Reminders, { concurrency: 16 })
export class ReminderFireProcessor extends WorkerHost {
  constructor(private readonly fire: ReminderFireService) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.FireReminder]>): Promise<FireOutcome> {
    if (job.name !== JobName.FireReminder) {
      throw new Error(`unexpected job ${job.name} on the ${QueueName.Reminders} queue`);
    }
    return this.fire.fire(job.data.reminderId);
  }
}

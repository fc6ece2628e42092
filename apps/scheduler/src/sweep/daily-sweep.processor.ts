import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { DailySweepService, type SweepSummary } from './daily-sweep.service';

/** One sweep at a time per process; the sweep works on the day it runs (Asia/Shanghai). */
@Processor(QueueName.Sweep, { concurrency: 1 })
export class DailySweepProcessor extends WorkerHost {
  constructor(private readonly sweep: DailySweepService) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.DailySweep]>): Promise<SweepSummary> {
    if (job.name !== JobName.DailySweep) {
      throw new Error(`unexpected job ${job.name} on the ${QueueName.Sweep} queue`);
    }
    return this.sweep.run();
  }
}

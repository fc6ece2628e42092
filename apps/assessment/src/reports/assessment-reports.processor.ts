import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AssessmentReportsService, type ReportBuildOutcome } from '@duban/assessment';
import { JobName, type JobPayloads, QueueName } from '@duban/contracts';

/** Report files: rendered from the stored run, kept in PostgreSQL for download. */
@Processor(QueueName.AssessmentReports, { concurrency: 1 })
export class AssessmentReportsProcessor extends WorkerHost {
  constructor(private readonly reports: AssessmentReportsService) {
    super();
  }

  async process(
    job: Job<JobPayloads[typeof JobName.BuildAssessmentReport]>,
  ): Promise<ReportBuildOutcome> {
    if (job.name !== JobName.BuildAssessmentReport) {
      throw new Error(`unexpected job ${job.name} on the ${QueueName.AssessmentReports} queue`);
    }
    try {
      return await this.reports.build(job.data.reportId);
    } catch (error: unknown) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.reports.markFailed(
          job.data.reportId,
          error instanceof Error ? error.message : String(error),
        );
      }
      throw error;
    }
  }
}

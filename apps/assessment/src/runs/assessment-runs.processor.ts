import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { AssessmentRunner, type RunOutcome } from '@duban/assessment';
import { JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { InvalidSchemeError, InvalidScoringInputError } from '@duban/scoring';

/** Annual runs, one at a time per worker: a run keeps several database connections busy. */
@Processor(QueueName.AssessmentRuns, { concurrency: 1 })
export class AssessmentRunsProcessor extends WorkerHost {
  private readonly logger = new Logger(AssessmentRunsProcessor.name);

  constructor(private readonly runner: AssessmentRunner) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.RunAssessment]>): Promise<RunOutcome> {
    if (job.name !== JobName.RunAssessment) {
      throw new Error(`unexpected job ${job.name} on the ${QueueName.AssessmentRuns} queue`);
    }
    const { runId } = job.data;
    try {
      const outcome = await this.runner.execute(runId);
      this.logger.log(`assessment run ${runId}: ${JSON.stringify(outcome)}`);
      return outcome;
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      // A scheme or fact that cannot be scored fails the same way every time: no retry.
      const terminal =
        error instanceof InvalidSchemeError || error instanceof InvalidScoringInputError;
      if (terminal || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.runner.markFailed(runId, message);
      }
      throw terminal ? new UnrecoverableError(message) : error;
    }
  }
}

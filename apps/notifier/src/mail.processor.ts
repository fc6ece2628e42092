import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { JOB_POLICY, JobName, type JobPayloads, QueueName } from '@duban/contracts';
import {
  COMPOSE_CONCURRENCY,
  type ComposeResult,
  NoticeComposerService,
} from './compose/notice-composer.service';
import { deliverMail, type DeliverMailJob } from './deliver/mail-delivery.processor';
import { type DeliverOutcome, MailDeliveryService } from './deliver/mail-delivery.service';

type MailJob =
  | Job<JobPayloads[typeof JobName.ComposeNotices], ComposeResult, typeof JobName.ComposeNotices>
  | DeliverMailJob;

/**
 * The mail queue's worker: decide and render (ComposeNotices), then hand the mail's first attempt
 * to MailDeliveryService. A retry is a DeliverMail job on the mail-delivery queue, so it never
 * repeats the business decision. DeliverMail jobs queued here before that queue existed are still
 * delivered. Errors reach BullMQ.
 */
@Processor(QueueName.Mail, {
  lockDuration: JOB_POLICY.mailLockDurationMs,
  stalledInterval: JOB_POLICY.mailStalledIntervalMs,
})
export class MailProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  constructor(
    private readonly composer: NoticeComposerService,
    private readonly delivery: MailDeliveryService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Compose jobs running together share one transaction: many in flight make large batches.
    // (A DeliverMail job left on this queue still waits for one of the SMTP pool's send slots.)
    this.worker.concurrency = COMPOSE_CONCURRENCY;
  }

  /**
   * Lets running jobs finish, then the first attempts they handed over, before the pools close
   * (the SMTP pool closes after every beforeApplicationShutdown).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
    await this.delivery.drainFirstAttempts();
  }

  async process(job: MailJob): Promise<ComposeResult | DeliverOutcome> {
    switch (job.name) {
      case JobName.ComposeNotices:
        return this.composer.compose(job.data);
      case JobName.DeliverMail:
        return deliverMail(this.delivery, job);
      default:
        throw new UnrecoverableError(`Unexpected job ${(job as Job).name} on the mail queue`);
    }
  }
}

import { Processor, WorkerHost } from '@nestjs/bullmq';
import {
  type BeforeApplicationShutdown,
  Inject,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type Job, UnrecoverableError } from 'bullmq';
import type { DubanConfig } from '@duban/config';
import { JOB_POLICY, JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { MAIL_TRANSPORT, type MailTransport } from '@duban/mail';
import { type DeliverOutcome, MailDeliveryService } from './mail-delivery.service';

export type DeliverMailJob = Job<
  JobPayloads[typeof JobName.DeliverMail],
  DeliverOutcome,
  typeof JobName.DeliverMail
>;

/** Runs one DeliverMail job: its last attempt fails the mail for good. */
export function deliverMail(delivery: MailDeliveryService, job: DeliverMailJob) {
  const attempts = job.opts.attempts ?? 1;
  return delivery.deliver(job.data.deliveryId, job.attemptsMade + 1 >= attempts);
}

/**
 * Enough jobs in flight to keep every pooled SMTP connection busy while others wait for
 * PostgreSQL; nodemailer queues the surplus behind its rate limit.
 */
export function mailWorkerConcurrency(config: ConfigService<DubanConfig, true>): number {
  return Math.max(8, config.get('smtp', { infer: true }).maxConnections * 4);
}

/**
 * The mail-delivery queue's worker: the attempts after a mail's first (which the composing
 * notifier makes from memory), the office's resends and the mail the recovery takes over. On a
 * queue of their own, they never wait behind a burst's ComposeNotices jobs. Errors reach BullMQ
 * (its retries are the SMTP retries).
 */
@Processor(QueueName.MailDelivery, {
  lockDuration: JOB_POLICY.mailLockDurationMs,
  stalledInterval: JOB_POLICY.mailStalledIntervalMs,
})
export class MailDeliveryProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    private readonly delivery: MailDeliveryService,
    private readonly config: ConfigService<DubanConfig, true>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = mailWorkerConcurrency(this.config);
  }

  /** Lets running sends finish and record their outcome. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  /** After every worker has closed (the mail queue's delivers old jobs too), the pool goes. */
  onApplicationShutdown(): void {
    this.transport.close();
  }

  async process(job: DeliverMailJob): Promise<DeliverOutcome> {
    if (job.name !== JobName.DeliverMail) {
      throw new UnrecoverableError(
        `Unexpected job ${(job as Job).name} on the mail-delivery queue`,
      );
    }
    return deliverMail(this.delivery, job);
  }
}

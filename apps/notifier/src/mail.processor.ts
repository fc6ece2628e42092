import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type Job, UnrecoverableError } from 'bullmq';
import type { DubanConfig } from '@duban/config';
import { JOB_POLICY, JobName, type JobPayloads, QueueName } from '@duban/contracts';
import { MAIL_TRANSPORT, type MailTransport } from '@duban/mail';
import { type ComposeResult, NoticeComposerService } from './compose/notice-composer.service';
import { type DeliverOutcome, MailDeliveryService } from './deliver/mail-delivery.service';

type MailJob =
  | Job<JobPayloads[typeof JobName.ComposeNotices], ComposeResult, typeof JobName.ComposeNotices>
  | Job<JobPayloads[typeof JobName.DeliverMail], DeliverOutcome, typeof JobName.DeliverMail>;

/**
 * The mail queue's worker: decide-and-render (ComposeNotices) and delivery (DeliverMail) are
 * separate jobs, so an SMTP retry never repeats the business decision. Errors reach BullMQ.
 */
@Processor(QueueName.Mail, {
  lockDuration: JOB_POLICY.mailLockDurationMs,
  stalledInterval: JOB_POLICY.mailStalledIntervalMs,
})
export class MailProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  constructor(
    private readonly composer: NoticeComposerService,
    private readonly delivery: MailDeliveryService,
    private readonly config: ConfigService<DubanConfig, true>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Enough jobs in flight to keep every pooled SMTP connection busy while others compose or
    // wait for PostgreSQL; nodemailer queues the surplus behind its rate limit.
    this.worker.concurrency = Math.max(
      8,
      this.config.get('smtp', { infer: true }).maxConnections * 4,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // Let running sends finish and record their outcome before the pool closes.
    await this.worker.close();
    this.transport.close();
  }

  async process(job: MailJob): Promise<ComposeResult | DeliverOutcome> {
    switch (job.name) {
      case JobName.ComposeNotices:
        return this.composer.compose(job.data);
      case JobName.DeliverMail: {
        const attempts = job.opts.attempts ?? 1;
        return this.delivery.deliver(job.data.deliveryId, job.attemptsMade + 1 >= attempts);
      }
      default:
        throw new UnrecoverableError(`Unexpected job ${(job as Job).name} on the mail queue`);
    }
  }
}

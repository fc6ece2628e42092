import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import {
  type AnyDomainEvent,
  type EventConsumer,
  JobName,
  type JobPayloads,
} from '@duban/contracts';
import type { ApplyResult } from './apply-event';

/**
 * The worker side of a consumer's event queue: applies each event once (dedupe row and the
 * handler's writes in one transaction). Subclasses name their queue with @Processor, give their
 * consumer and say how an event is applied (applyEventOnce, or batched in a GroupCommit); an error reaches
 * BullMQ so the job is retried with backoff.
 */
export abstract class DomainEventProcessor extends WorkerHost {
  protected abstract readonly consumer: EventConsumer;

  protected abstract apply(event: AnyDomainEvent): Promise<ApplyResult>;

  async process(job: Job<JobPayloads[typeof JobName.DomainEvent]>): Promise<ApplyResult> {
    if (job.name !== JobName.DomainEvent) {
      throw new Error(`unexpected job ${job.name} on the ${this.consumer} event queue`);
    }
    return this.apply(job.data);
  }
}

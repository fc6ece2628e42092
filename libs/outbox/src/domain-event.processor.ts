import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type EventConsumer, JobName, type JobPayloads } from '@duban/contracts';
import { applyEventOnce, type EventHandlers } from './apply-event';

/**
 * The worker side of a consumer's event queue: applies each event once (dedupe row and the
 * handler's writes in one transaction). Subclasses name their queue with @Processor and give
 * their consumer and handlers; an error reaches BullMQ so the job is retried with backoff.
 */
export abstract class DomainEventProcessor extends WorkerHost {
  protected abstract readonly consumer: EventConsumer;
  protected abstract readonly handlers: EventHandlers;

  protected constructor(private readonly dataSource: DataSource) {
    super();
  }

  async process(
    job: Job<JobPayloads[typeof JobName.DomainEvent]>,
  ): Promise<'applied' | 'duplicate'> {
    if (job.name !== JobName.DomainEvent) {
      throw new Error(`unexpected job ${job.name} on the ${this.consumer} event queue`);
    }
    return applyEventOnce(this.dataSource, this.consumer, job.data, this.handlers);
  }
}

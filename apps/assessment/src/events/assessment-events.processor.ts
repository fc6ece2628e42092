import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { type AnyDomainEvent, EventConsumer, QueueName } from '@duban/contracts';
import { type ApplyResult, applyEventOnce, DomainEventProcessor } from '@duban/outbox';
import { ASSESSMENT_EVENT_HANDLERS } from './assessment-event.handlers';

@Processor(QueueName.AssessmentEvents, { concurrency: 8 })
export class AssessmentEventsProcessor extends DomainEventProcessor {
  protected readonly consumer = EventConsumer.Assessment;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected apply(event: AnyDomainEvent): Promise<ApplyResult> {
    return applyEventOnce(this.dataSource, this.consumer, event, ASSESSMENT_EVENT_HANDLERS);
  }
}

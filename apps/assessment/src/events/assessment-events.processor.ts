import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { EventConsumer, QueueName } from '@duban/contracts';
import { DomainEventProcessor, type EventHandlers } from '@duban/outbox';
import { ASSESSMENT_EVENT_HANDLERS } from './assessment-event.handlers';

@Processor(QueueName.AssessmentEvents, { concurrency: 8 })
export class AssessmentEventsProcessor extends DomainEventProcessor {
  protected readonly consumer = EventConsumer.Assessment;
  protected readonly handlers: EventHandlers = ASSESSMENT_EVENT_HANDLERS;

  constructor(dataSource: DataSource) {
    super(dataSource);
  }
}

import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { EventConsumer, QueueName } from '@duban/contracts';
import { DomainEventProcessor, type EventHandlers } from '@duban/outbox';
import { SCHEDULER_EVENT_HANDLERS } from './scheduler-event.handlers';

@Processor(QueueName.SchedulerEvents, { concurrency: 8 })
export class SchedulerEventsProcessor extends DomainEventProcessor {
  protected readonly consumer = EventConsumer.Scheduler;
  protected readonly handlers: EventHandlers = SCHEDULER_EVENT_HANDLERS;

  constructor(dataSource: DataSource) {
    super(dataSource);
  }
}

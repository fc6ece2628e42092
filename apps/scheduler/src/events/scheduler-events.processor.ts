import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { EventConsumer, QueueName } from '@duban/contracts';
import { DomainEventProcessor, type EventHandlers } from '@duban/outbox';
import { ReminderScheduleService } from '../reminders/reminder-schedule.service';
import { createSchedulerEventHandlers } from './scheduler-event.handlers';

@Processor(QueueName.SchedulerEvents, { concurrency: 8 })
export class SchedulerEventsProcessor extends DomainEventProcessor {
  protected readonly consumer = EventConsumer.Scheduler;
  protected readonly handlers: EventHandlers;

  constructor(dataSource: DataSource, schedule: ReminderScheduleService) {
    super(dataSource);
    this.handlers = createSchedulerEventHandlers(schedule);
  }
}

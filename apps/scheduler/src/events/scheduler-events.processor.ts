import { Processor } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { type AnyDomainEvent, EventConsumer, QueueName } from '@duban/contracts';
import { GroupCommit } from '@duban/db';
import { type ApplyResult, applyEventsOnce, DomainEventProcessor } from '@duban/outbox';
import { ReminderScheduleService } from '../reminders/reminder-schedule.service';
import { createSchedulerEventHandler } from './scheduler-event.handlers';

/**
 * Event jobs running at once. They are applied in batches (group commit), so more of them in
 * flight means larger batches, not more transactions: the batcher keeps at most two running.
 */
export const SCHEDULER_EVENT_CONCURRENCY = 64;
export const SCHEDULER_EVENT_BATCH = { maxBatch: SCHEDULER_EVENT_CONCURRENCY / 2, maxInFlight: 2 };

@Processor(QueueName.SchedulerEvents, { concurrency: SCHEDULER_EVENT_CONCURRENCY })
export class SchedulerEventsProcessor extends DomainEventProcessor {
  protected readonly consumer = EventConsumer.Scheduler;
  private readonly batcher: GroupCommit<AnyDomainEvent, ApplyResult>;

  constructor(dataSource: DataSource, schedule: ReminderScheduleService) {
    super();
    const handler = createSchedulerEventHandler(schedule);
    this.batcher = new GroupCommit(
      (events) => applyEventsOnce(dataSource, EventConsumer.Scheduler, events, handler),
      SCHEDULER_EVENT_BATCH,
    );
  }

  protected apply(event: AnyDomainEvent): Promise<ApplyResult> {
    return this.batcher.run(event);
  }
}

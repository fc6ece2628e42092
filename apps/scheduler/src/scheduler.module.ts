import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { type DubanConfig, DubanConfigModule } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { DatabaseModule } from '@duban/db';
import { OutboxRelayModule } from '@duban/outbox';
import { QueueRootModule } from '@duban/queue';
import { SchedulerEventsProcessor } from './events/scheduler-events.processor';

/** Turns events into the reminder schedule; writes events of its own (TaskOverdue), so it runs a relay too. */
@Module({})
export class SchedulerModule {
  static forRoot(config: DubanConfig): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [
        DubanConfigModule.forRoot(config),
        DatabaseModule.forRoot('scheduler'),
        QueueRootModule.forRoot(),
        BullModule.registerQueue({ name: QueueName.SchedulerEvents }),
        OutboxRelayModule,
      ],
      providers: [SchedulerEventsProcessor],
    };
  }
}

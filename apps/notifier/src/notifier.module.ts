import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { type DubanConfig, DubanConfigModule } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { DatabaseModule } from '@duban/db';
import { QueueRootModule } from '@duban/queue';

/**
 * Renders and sends mail (pooled SMTP) from the mail queue. The mail processor and templates
 * arrive with the reminders issue; the process already holds its database and queue wiring.
 */
@Module({})
export class NotifierModule {
  static forRoot(config: DubanConfig): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        DubanConfigModule.forRoot(config),
        DatabaseModule.forRoot('notifier'),
        QueueRootModule.forRoot(),
        BullModule.registerQueue({ name: QueueName.Mail }),
      ],
    };
  }
}

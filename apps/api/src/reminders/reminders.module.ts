import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '@duban/contracts';
import { MailDeliveriesService } from '@duban/mail';
import { ReminderOfficeService } from '@duban/reminders';
import { RemindersController } from './reminders.controller';

/** The office's view of reminders and mail deliveries, and resending what failed. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.MailDelivery })],
  controllers: [RemindersController],
  providers: [
    {
      provide: MailDeliveriesService,
      inject: [DataSource, getQueueToken(QueueName.MailDelivery)],
      useFactory: (dataSource: DataSource, mail: Queue) =>
        new MailDeliveriesService(dataSource, mail),
    },
    {
      provide: ReminderOfficeService,
      inject: [DataSource, MailDeliveriesService],
      useFactory: (dataSource: DataSource, deliveries: MailDeliveriesService) =>
        new ReminderOfficeService(dataSource, deliveries),
    },
  ],
})
export class RemindersModule {}

import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { loadWorkingDayCalendar } from '@duban/calendar';
import { configDirectory, type DubanConfig, DubanConfigModule } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { DatabaseModule } from '@duban/db';
import {
  DEFAULT_DELIVER_RETRY,
  type DeliverRetry,
  MAIL_TRANSPORT,
  type MailTransport,
  SmtpMailTransport,
} from '@duban/mail';
import { QueueRootModule } from '@duban/queue';
import { NoticeComposerService } from './compose/notice-composer.service';
import { MailDeliveryProcessor } from './deliver/mail-delivery.processor';
import { MailDeliveryService } from './deliver/mail-delivery.service';
import { MailProcessor } from './mail.processor';
import { MailRecoveryService } from './mail-recovery.service';
import { loadReminderPolicy, type ReminderPolicy } from '@duban/reminders';
import { DELIVER_RETRY, REMINDER_POLICY, WORKING_DAY_CALENDAR } from './notifier.tokens';

export interface NotifierOptions {
  /** Replaces the pooled SMTP transport built from `smtp.*`. */
  transport?: MailTransport;
  /** Replaces JOB_POLICY's attempts and backoff of DeliverMail jobs. */
  deliverRetry?: DeliverRetry;
  /** Replaces config/reminders.yaml. */
  policy?: ReminderPolicy;
}

/**
 * Renders mail from the mail queue and sends it (pooled SMTP): a mail's first attempt straight
 * from memory, its retries from the mail-delivery queue, keeping the delivery log.
 */
@Module({})
export class NotifierModule {
  static forRoot(config: DubanConfig, options: NotifierOptions = {}): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        DubanConfigModule.forRoot(config),
        DatabaseModule.forRoot('notifier'),
        QueueRootModule.forRoot(),
        BullModule.registerQueue({ name: QueueName.Mail }, { name: QueueName.MailDelivery }),
      ],
      providers: [
        {
          provide: MAIL_TRANSPORT,
          useFactory: () => options.transport ?? new SmtpMailTransport(config.smtp),
        },
        { provide: WORKING_DAY_CALENDAR, useFactory: () => loadWorkingDayCalendar() },
        {
          provide: REMINDER_POLICY,
          useFactory: () => options.policy ?? loadReminderPolicy(configDirectory()),
        },
        {
          provide: DELIVER_RETRY,
          useValue: options.deliverRetry ?? DEFAULT_DELIVER_RETRY,
        },
        NoticeComposerService,
        MailDeliveryService,
        MailProcessor,
        MailDeliveryProcessor,
        MailRecoveryService,
      ],
    };
  }
}

import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { loadWorkingDayCalendar } from '@duban/calendar';
import { type DubanConfig, DubanConfigModule } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { DatabaseModule } from '@duban/db';
import { MAIL_TRANSPORT, type MailTransport, SmtpMailTransport } from '@duban/mail';
import { QueueRootModule } from '@duban/queue';
import { NoticeComposerService } from './compose/notice-composer.service';
import { MailDeliveryService } from './deliver/mail-delivery.service';
import { MailProcessor } from './mail.processor';
import { MailRecoveryService } from './mail-recovery.service';
import {
  DEFAULT_DELIVER_JOB_OPTIONS,
  DELIVER_JOB_OPTIONS,
  type DeliverJobOptions,
  WORKING_DAY_CALENDAR,
} from './notifier.tokens';

export interface NotifierOptions {
  /** Replaces the pooled SMTP transport built from `smtp.*`. */
  transport?: MailTransport;
  /** Replaces JOB_POLICY's attempts and backoff of DeliverMail jobs. */
  deliverJobOptions?: DeliverJobOptions;
}

/** Renders and sends mail (pooled SMTP) from the mail queue, keeping the delivery log. */
@Module({})
export class NotifierModule {
  static forRoot(config: DubanConfig, options: NotifierOptions = {}): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        DubanConfigModule.forRoot(config),
        DatabaseModule.forRoot('notifier'),
        QueueRootModule.forRoot(),
        BullModule.registerQueue({ name: QueueName.Mail }),
      ],
      providers: [
        {
          provide: MAIL_TRANSPORT,
          useFactory: () => options.transport ?? new SmtpMailTransport(config.smtp),
        },
        { provide: WORKING_DAY_CALENDAR, useFactory: () => loadWorkingDayCalendar() },
        {
          provide: DELIVER_JOB_OPTIONS,
          useValue: options.deliverJobOptions ?? DEFAULT_DELIVER_JOB_OPTIONS,
        },
        NoticeComposerService,
        MailDeliveryService,
        MailProcessor,
        MailRecoveryService,
      ],
    };
  }
}

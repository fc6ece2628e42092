import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { loadWorkingDayCalendar } from '@duban/calendar';
import { currentClock } from '@duban/clock';
import { configDirectory, type DubanConfig, DubanConfigModule } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { DatabaseModule } from '@duban/db';
import { OutboxRelayModule } from '@duban/outbox';
import { QueueRootModule, RedisClientModule } from '@duban/queue';
import { loadReminderPolicy, type ReminderPolicy } from '@duban/reminders';
import { SchedulerEventsProcessor } from './events/scheduler-events.processor';
import { CalendarHolder } from './reminders/calendar.holder';
import { ReminderFireProcessor } from './reminders/reminder-fire.processor';
import { ReminderFireService } from './reminders/reminder-fire.service';
import { ReminderJobs } from './reminders/reminder-jobs';
import { ReminderScheduleService } from './reminders/reminder-schedule.service';
import { ReminderRepository } from './reminders/reminder.repository';
import {
  CALENDAR_LOADER,
  type CalendarLoader,
  CLOCK,
  type Clock,
  REMINDER_POLICY,
} from './scheduler.tokens';
import { DailySweepProcessor } from './sweep/daily-sweep.processor';
import { DailySweepService } from './sweep/daily-sweep.service';
import { SweepSchedulerService } from './sweep/sweep-scheduler.service';

export interface SchedulerOptions {
  /** The validated config/reminders.yaml; read from the config folder when absent. */
  policy?: ReminderPolicy;
  /** Defaults to the package data plus config/calendar overrides, re-read by each sweep. */
  loadCalendar?: CalendarLoader;
  /** Defaults to the process clock (the real one, or the simulated one of DUBAN_CLOCK_*). */
  clock?: Clock;
}

/**
 * Turns events into the reminder schedule, fires reminders and runs the daily sweep; writes
 * events of its own (TaskOverdue, ReportMissed), so it runs a relay too.
 */
@Module({})
export class SchedulerModule {
  static forRoot(config: DubanConfig, options: SchedulerOptions = {}): DynamicModule {
    const loadCalendar: CalendarLoader = options.loadCalendar ?? (() => loadWorkingDayCalendar());
    return {
      module: SchedulerModule,
      imports: [
        DubanConfigModule.forRoot(config),
        DatabaseModule.forRoot('scheduler'),
        QueueRootModule.forRoot(),
        RedisClientModule,
        BullModule.registerQueue(
          { name: QueueName.SchedulerEvents },
          { name: QueueName.Reminders },
          { name: QueueName.Mail },
          { name: QueueName.Sweep },
        ),
        OutboxRelayModule,
      ],
      providers: [
        {
          provide: REMINDER_POLICY,
          useFactory: () => options.policy ?? loadReminderPolicy(configDirectory()),
        },
        { provide: CLOCK, useValue: options.clock ?? currentClock() },
        { provide: CALENDAR_LOADER, useValue: loadCalendar },
        CalendarHolder,
        ReminderRepository,
        ReminderJobs,
        ReminderScheduleService,
        ReminderFireService,
        DailySweepService,
        SweepSchedulerService,
        SchedulerEventsProcessor,
        ReminderFireProcessor,
        DailySweepProcessor,
      ],
      exports: [
        ReminderScheduleService,
        ReminderFireService,
        DailySweepService,
        SweepSchedulerService,
      ],
    };
  }
}

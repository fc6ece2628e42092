import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { WorkingDayCalendar } from '@duban/calendar';
import { CALENDAR_LOADER, type CalendarLoader } from '../scheduler.tokens';

/**
 * The working-day calendar in use. Read at start-up and again by each daily sweep, so a new
 * config/calendar/<year>.yaml is picked up (and provisional reminders recomputed) without a restart.
 */
@Injectable()
export class CalendarHolder implements OnModuleInit {
  private calendar: WorkingDayCalendar | null = null;

  constructor(@Inject(CALENDAR_LOADER) private readonly load: CalendarLoader) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
  }

  get current(): WorkingDayCalendar {
    if (!this.calendar) {
      throw new Error('the working-day calendar is used before it was loaded');
    }
    return this.calendar;
  }

  async refresh(): Promise<WorkingDayCalendar> {
    this.calendar = await this.load();
    return this.calendar;
  }
}

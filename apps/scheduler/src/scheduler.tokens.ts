import type { WorkingDayCalendar } from '@duban/calendar';

export type { Clock } from '@duban/clock';

/** The validated reminder policy (config/reminders.yaml). */
export const REMINDER_POLICY = Symbol('REMINDER_POLICY');
/** The scheduler's notion of now; a test can run it at another time of year. */
export const CLOCK = Symbol('CLOCK');
/** Reads the working-day calendar (package data and config/calendar overrides). */
export const CALENDAR_LOADER = Symbol('CALENDAR_LOADER');

export type CalendarLoader = () => Promise<WorkingDayCalendar>;

import {
  shanghaiInstantOf,
  type IsoDate,
  type ProvisionalAnswer,
  type WorkingDayCalendar,
} from '@duban/calendar';
import type { ReminderPolicy } from './policy.schema';

/**
 * One monthly progress-report cycle: the report for `period` (YYYY-MM) is due by `dueDate`; the
 * department is reminded `remindWorkingDaysBefore` working days before it, and a missed report
 * is noticed on the first working day after it.
 */
export interface ReportCycle {
  period: string;
  dueDate: IsoDate;
  remindDate: ProvisionalAnswer<IsoDate>;
  missedDate: ProvisionalAnswer<IsoDate>;
}

const PROVISIONAL = { provisional: true } as const;

export function periodOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** The period `months` months after `period` (negative goes back). */
export function shiftPeriod(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function reportCycle(
  period: string,
  dueDayOfMonth: number,
  policy: ReminderPolicy,
  calendar: WorkingDayCalendar,
): ReportCycle {
  const dueDate = `${period}-${String(dueDayOfMonth).padStart(2, '0')}`;
  return {
    period,
    dueDate,
    remindDate: calendar.addWorkingDays(
      dueDate,
      -policy.progressReports.remindWorkingDaysBefore,
      PROVISIONAL,
    ),
    missedDate: calendar.nextWorkingDay(dueDate, PROVISIONAL),
  };
}

/**
 * The most recent cycle whose due date is before `today`: the one the sweep checks for a missed
 * report. A department counts for it only when it was assigned on or before the cycle's
 * reminder date (it was told in time).
 */
export function lastClosedCycle(
  today: IsoDate,
  dueDayOfMonth: number,
  policy: ReminderPolicy,
  calendar: WorkingDayCalendar,
): ReportCycle {
  const thisMonth = reportCycle(periodOf(today), dueDayOfMonth, policy, calendar);
  return thisMonth.dueDate < today
    ? thisMonth
    : reportCycle(shiftPeriod(periodOf(today), -1), dueDayOfMonth, policy, calendar);
}

/** When the reminder of a cycle fires: the policy's local time on that date. */
export function cycleInstant(date: IsoDate, policy: ReminderPolicy): Date {
  return shanghaiInstantOf(date, policy.fireTime);
}

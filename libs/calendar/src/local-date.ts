import { InvalidCalendarDateError } from './calendar.errors';

/** A calendar date written `YYYY-MM-DD`: no time of day, no time zone. */
export type IsoDate = string;

/** Days since 1970-01-01; the calendar's internal date, so that date arithmetic is integer arithmetic. */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
// 1970-01-01 was a Thursday.
const WEEKDAY_OF_EPOCH = 4;

export function tryParseIsoDate(text: string): EpochDay | undefined {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Four-digit years only: Date.UTC maps years 0-99 onto 1900-1999.
  if (year < 1000) {
    return undefined;
  }
  const instant = new Date(Date.UTC(year, month - 1, day));
  if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) {
    return undefined;
  }
  return instant.getTime() / MS_PER_DAY;
}

export function isIsoDate(text: string): boolean {
  return tryParseIsoDate(text) !== undefined;
}

export function parseIsoDate(text: string): EpochDay {
  const day = tryParseIsoDate(text);
  if (day === undefined) {
    throw new InvalidCalendarDateError(text);
  }
  return day;
}

export function formatEpochDay(day: EpochDay): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function weekdayOf(day: EpochDay): number {
  return (((day + WEEKDAY_OF_EPOCH) % 7) + 7) % 7;
}

export function weekdayNameOf(day: EpochDay): string {
  return WEEKDAY_NAMES[weekdayOf(day)];
}

export function isWeekend(day: EpochDay): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function yearOf(day: EpochDay): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function firstDayOfYear(year: number): EpochDay {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

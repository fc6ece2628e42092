/**
 * Civil dates ('YYYY-MM-DD', the office's calendar day in Asia/Shanghai). Deadlines, approvals and
 * report due dates are days, not instants, so they are compared as strings and counted in UTC days,
 * which never shifts a day whatever the host's timezone.
 */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Dates already checked: a year's facts repeat the same few hundred dates millions of times.
 * Bounded, and a pure function's cache: same answer with or without it.
 */
const checkedDates = new Map<string, boolean>();
const CHECKED_DATES_MAX = 100_000;

export function isIsoDate(value: string): boolean {
  const known = checkedDates.get(value);
  if (known !== undefined) {
    return known;
  }
  const valid = checkIsoDate(value);
  if (checkedDates.size >= CHECKED_DATES_MAX) {
    checkedDates.clear();
  }
  checkedDates.set(value, valid);
  return valid;
}

function checkIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtcMs(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The same month and day in another year. A 29 February date falls on 28 February in a year
 * without one, so a yearly task never skips a year.
 */
export function sameDayInYear(date: IsoDate, year: number): IsoDate {
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function toUtcMs(date: IsoDate): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

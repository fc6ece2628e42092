import { InvalidCalendarDateError } from './calendar.errors';
import {
  formatEpochDay,
  isIsoDate,
  parseIsoDate,
  weekdayNameOf,
  weekdayOf,
  yearOf,
} from './local-date';

describe('local dates', () => {
  it('counts days from 1970-01-01', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('1970-02-01')).toBe(31);
    expect(parseIsoDate('1969-12-31')).toBe(-1);
    expect(formatEpochDay(365)).toBe('1971-01-01');
  });

  it.each([
    ['1970-01-01', 'Thursday'],
    ['2000-01-01', 'Saturday'],
    ['2024-02-10', 'Saturday'],
    ['2024-02-18', 'Sunday'],
    ['2025-01-29', 'Wednesday'],
    ['2026-10-01', 'Thursday'],
  ])('knows %s was a %s', (date, weekday) => {
    expect(weekdayNameOf(parseIsoDate(date))).toBe(weekday);
  });

  it('numbers weekdays from Sunday = 0, also before 1970', () => {
    expect(weekdayOf(parseIsoDate('2024-02-18'))).toBe(0);
    expect(weekdayOf(parseIsoDate('1969-12-27'))).toBe(6);
  });

  it.each(['2024-02-29', '2000-02-29', '2025-12-31'])('accepts the real date %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
    expect(formatEpochDay(parseIsoDate(date))).toBe(date);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-1-5',
    '20250105',
    '0999-01-01',
    '',
  ])('rejects %p', (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(() => parseIsoDate(text)).toThrow(InvalidCalendarDateError);
  });

  it('takes the year of a day at both ends of the year', () => {
    expect(yearOf(parseIsoDate('2025-12-31'))).toBe(2025);
    expect(yearOf(parseIsoDate('2026-01-01'))).toBe(2026);
  });
});

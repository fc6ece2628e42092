import { addCalendarDays, calendarDaysBetween, isIsoDate, sameDayInYear } from './civil-date';

describe('civil dates', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-06-30T00:00:00Z')).toBe(false);
  });

  it('counts calendar days across months and years', () => {
    expect(calendarDaysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(calendarDaysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(calendarDaysBetween('2025-06-30', '2025-06-20')).toBe(-10);
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('moves a date to another year, 29 February becoming 28 February in a common year', () => {
    expect(sameDayInYear('2025-11-30', 2027)).toBe('2027-11-30');
    expect(sameDayInYear('2024-02-29', 2025)).toBe('2025-02-28');
    expect(sameDayInYear('2024-02-29', 2028)).toBe('2028-02-29');
  });
});

import {
  CalendarDataError,
  CalendarYearNotCoveredError,
  InvalidCalendarDateError,
} from './calendar.errors';
import type { YearArrangement } from './year-arrangement';
import { WorkingDayCalendar } from './working-day-calendar';

// A made-up arrangement for 2030 (a test fixture, not an official one). 2030-01-01 is a Tuesday.
//   holidays: Tue 01-01; Sat 02-02 … Fri 02-08     workdays: Sun 01-27, Sat 02-09
const fixture2030: YearArrangement = {
  year: 2030,
  holidays: [
    '2030-01-01',
    '2030-02-02',
    '2030-02-03',
    '2030-02-04',
    '2030-02-05',
    '2030-02-06',
    '2030-02-07',
    '2030-02-08',
  ],
  workdays: ['2030-01-27', '2030-02-09'],
  names: { '2030-01-01': '元旦', '2030-02-05': '春节', '2030-02-09': '春节' },
  source: 'chinese-days',
};

describe('WorkingDayCalendar', () => {
  const sut = WorkingDayCalendar.fromArrangements([fixture2030]);

  describe('isWorkingDay', () => {
    it.each([
      ['2030-01-01', false, 'a holiday on a Tuesday'],
      ['2030-01-02', true, 'an ordinary Wednesday'],
      ['2030-01-05', false, 'an ordinary Saturday'],
      ['2030-01-06', false, 'an ordinary Sunday'],
      ['2030-01-27', true, 'a Sunday worked'],
      ['2030-02-04', false, 'a Monday inside the holiday block'],
      ['2030-02-09', true, 'a Saturday worked'],
      ['2030-02-10', false, 'the Sunday after it'],
      ['2030-02-11', true, 'the Monday after the block'],
    ])('%s → %s (%s)', (date, working) => {
      expect(sut.isWorkingDay(date)).toBe(working);
    });

    it('rejects something that is not a date', () => {
      expect(() => sut.isWorkingDay('2030-02-30')).toThrow(InvalidCalendarDateError);
      expect(() => sut.isWorkingDay('2030/01/02')).toThrow(InvalidCalendarDateError);
    });
  });

  describe('describeDay', () => {
    it.each([
      ['2030-01-02', { date: '2030-01-02', working: true, kind: 'workday' }],
      ['2030-01-05', { date: '2030-01-05', working: false, kind: 'weekend' }],
      ['2030-02-05', { date: '2030-02-05', working: false, kind: 'holiday', name: '春节' }],
      ['2030-02-04', { date: '2030-02-04', working: false, kind: 'holiday' }],
      ['2030-02-09', { date: '2030-02-09', working: true, kind: 'adjusted-workday', name: '春节' }],
    ])('%s', (date, description) => {
      expect(sut.describeDay(date)).toEqual(description);
    });
  });

  describe('addWorkingDays', () => {
    it.each([
      ['2030-01-31', 1, '2030-02-01', 'Thursday → Friday'],
      ['2030-02-01', 1, '2030-02-09', 'over the holiday block onto the worked Saturday'],
      ['2030-02-01', 2, '2030-02-11', 'then past the Sunday'],
      ['2030-02-03', 1, '2030-02-09', 'from inside the block'],
      ['2030-01-25', 1, '2030-01-27', 'Friday → the worked Sunday'],
      ['2030-01-13', 1, '2030-01-14', 'from a Sunday'],
      ['2030-01-04', 5, '2030-01-11', 'a working week'],
    ])('%s + %i = %s (%s)', (date, n, expected) => {
      expect(sut.addWorkingDays(date, n)).toBe(expected);
    });

    it.each([
      ['2030-02-11', -1, '2030-02-09', 'back onto the worked Saturday'],
      ['2030-02-11', -2, '2030-02-01', 'back over the block'],
      ['2030-01-13', -3, '2030-01-09', '3 working days before a Sunday deadline'],
      ['2030-01-28', -1, '2030-01-27', 'back onto the worked Sunday'],
    ])('%s %i = %s (%s)', (date, n, expected) => {
      expect(sut.addWorkingDays(date, n)).toBe(expected);
    });

    it('adding 0 keeps a working day and moves a day off to the next working day', () => {
      expect(sut.addWorkingDays('2030-01-02', 0)).toBe('2030-01-02');
      expect(sut.addWorkingDays('2030-01-27', 0)).toBe('2030-01-27');
      expect(sut.addWorkingDays('2030-01-05', 0)).toBe('2030-01-07');
      expect(sut.addWorkingDays('2030-02-02', 0)).toBe('2030-02-09');
    });

    it.each([1.5, Number.NaN, 10_001, -10_001])('refuses the offset %p', (n) => {
      expect(() => sut.addWorkingDays('2030-01-02', n)).toThrow(RangeError);
    });
  });

  describe('nextWorkingDay and previousWorkingDay', () => {
    it('look strictly after and before the date', () => {
      expect(sut.nextWorkingDay('2030-01-31')).toBe('2030-02-01');
      expect(sut.nextWorkingDay('2030-02-01')).toBe('2030-02-09');
      expect(sut.previousWorkingDay('2030-02-09')).toBe('2030-02-01');
      expect(sut.previousWorkingDay('2030-01-28')).toBe('2030-01-27');
      expect(sut.previousWorkingDay('2030-01-27')).toBe('2030-01-25');
    });
  });

  describe('workingDaysBetween', () => {
    it.each([
      ['2030-01-02', '2030-01-02', 0],
      ['2030-01-04', '2030-01-07', 1],
      ['2030-01-07', '2030-01-04', -1],
      ['2030-01-05', '2030-01-06', 0],
      ['2030-01-31', '2030-02-11', 3],
      ['2030-02-11', '2030-01-31', -3],
      ['2030-01-01', '2030-01-31', 23],
    ])('from %s to %s is %i', (from, to, expected) => {
      expect(sut.workingDaysBetween(from, to)).toBe(expected);
    });

    it('never answers -0', () => {
      expect(Object.is(sut.workingDaysBetween('2030-01-06', '2030-01-05'), 0)).toBe(true);
    });

    it('undoes addWorkingDays for positive offsets from any start', () => {
      for (let day = 1; day <= 28; day++) {
        const start = `2030-02-${String(day).padStart(2, '0')}`;
        for (let n = 1; n <= 15; n++) {
          expect(sut.workingDaysBetween(start, sut.addWorkingDays(start, n))).toBe(n);
        }
      }
    });

    it('undoes addWorkingDays for negative offsets from a working day', () => {
      for (const start of ['2030-02-11', '2030-02-09', '2030-01-28']) {
        for (let n = 1; n <= 10; n++) {
          expect(sut.workingDaysBetween(start, sut.addWorkingDays(start, -n))).toBe(-n);
        }
      }
    });
  });

  describe('a year with no loaded arrangement', () => {
    it('is an error naming the year and how to add it', () => {
      const thrown = catchError(() => sut.isWorkingDay('2031-01-02'));
      expect(thrown).toBeInstanceOf(CalendarYearNotCoveredError);
      expect(thrown).toMatchObject({ year: 2031, coveredYears: [2030] });
      expect((thrown as Error).message).toContain('config/calendar/2031.yaml');
      expect((thrown as Error).message).toContain('loaded years: 2030');
      expect((thrown as Error).message).toContain('尚未载入2031年节假日安排');
    });

    it('is an error as soon as a computation reaches into it', () => {
      // 2030-12-30 is a Monday, 2031-01-01 a Wednesday.
      expect(sut.addWorkingDays('2030-12-30', 1)).toBe('2030-12-31');
      expect(uncoveredYearOf(() => sut.addWorkingDays('2030-12-30', 2))).toBe(2031);
      expect(uncoveredYearOf(() => sut.workingDaysBetween('2029-12-28', '2030-01-02'))).toBe(2029);
      expect(() => sut.nextWorkingDay('2030-12-31')).toThrow(CalendarYearNotCoveredError);
      expect(uncoveredYearOf(() => sut.addWorkingDays('2030-01-02', -1))).toBe(2029);
      expect(() => sut.describeDay('2031-01-01')).toThrow(CalendarYearNotCoveredError);
    });

    it('answers from weekends only when asked for a provisional answer, and says so', () => {
      expect(sut.isWorkingDay('2031-01-01', { provisional: true })).toEqual({
        value: true,
        provisional: true,
        uncoveredYears: [2031],
      });
      expect(sut.isWorkingDay('2031-01-04', { provisional: true })).toEqual({
        value: false,
        provisional: true,
        uncoveredYears: [2031],
      });
      expect(sut.addWorkingDays('2030-12-30', 2, { provisional: true })).toEqual({
        value: '2031-01-01',
        provisional: true,
        uncoveredYears: [2031],
      });
      // Dec 29 Sat, Dec 30 Sun, Dec 31 Mon (guessed), Jan 1 holiday, Jan 2 Wed.
      expect(sut.workingDaysBetween('2029-12-28', '2030-01-02', { provisional: true })).toEqual({
        value: 2,
        provisional: true,
        uncoveredYears: [2029],
      });
      expect(sut.describeDay('2031-01-04', { provisional: true })).toEqual({
        value: { date: '2031-01-04', working: false, kind: 'weekend' },
        provisional: true,
        uncoveredYears: [2031],
      });
    });

    it('marks an opted-in answer as not provisional when it stayed inside loaded years', () => {
      expect(sut.addWorkingDays('2030-12-30', 1, { provisional: true })).toEqual({
        value: '2030-12-31',
        provisional: false,
        uncoveredYears: [],
      });
      expect(sut.nextWorkingDay('2030-02-01', { provisional: true })).toEqual({
        value: '2030-02-09',
        provisional: false,
        uncoveredYears: [],
      });
    });

    it('names every uncovered year a long computation relied on', () => {
      expect(
        sut.workingDaysBetween('2028-12-29', '2031-01-03', { provisional: true }).uncoveredYears,
      ).toEqual([2028, 2029, 2031]);
    });

    it('is every year of an empty calendar', () => {
      const empty = WorkingDayCalendar.fromArrangements([]);
      expect(empty.coveredYears()).toEqual([]);
      expect(() => empty.isWorkingDay('2026-05-06')).toThrow(/loaded years: none/);
      expect(empty.previousWorkingDay('2026-05-04', { provisional: true }).value).toBe(
        '2026-05-01',
      );
    });
  });

  describe('building from several arrangements', () => {
    const correction: YearArrangement = {
      year: 2030,
      holidays: ['2030-02-09'],
      workdays: [],
      source: 'override',
    };

    it('lets the later arrangement win for a date both list', () => {
      const corrected = WorkingDayCalendar.fromArrangements([fixture2030, correction]);
      expect(corrected.isWorkingDay('2030-02-09')).toBe(false);
      expect(corrected.describeDay('2030-02-09')).toEqual({
        date: '2030-02-09',
        working: false,
        kind: 'holiday',
        name: '春节',
      });
      expect(corrected.coverage()).toEqual([{ year: 2030, sources: ['chinese-days', 'override'] }]);

      const reversed = WorkingDayCalendar.fromArrangements([correction, fixture2030]);
      expect(reversed.isWorkingDay('2030-02-09')).toBe(true);
    });

    it('covers non-adjacent years and reports them in order', () => {
      const calendar = WorkingDayCalendar.fromArrangements([
        { year: 2032, holidays: ['2032-01-01'], workdays: [], source: 'override' },
        fixture2030,
      ]);
      expect(calendar.coveredYears()).toEqual([2030, 2032]);
      expect(calendar.covers(2031)).toBe(false);
      expect(() => calendar.isWorkingDay('2031-06-02')).toThrow(/loaded years: 2030, 2032/);
    });

    it("applies a notice's dates in the previous December", () => {
      // 2030-12-29 is a Sunday, worked for a (made-up) 2031 New Year break.
      const notice2031: YearArrangement = {
        year: 2031,
        holidays: ['2030-12-30', '2030-12-31', '2031-01-01'],
        workdays: ['2030-12-29'],
        source: 'override',
      };
      const both = WorkingDayCalendar.fromArrangements([fixture2030, notice2031]);
      expect(both.isWorkingDay('2030-12-29')).toBe(true);
      expect(both.isWorkingDay('2030-12-31')).toBe(false);
      expect(both.workingDaysBetween('2030-12-27', '2031-01-03')).toBe(3);

      const only2031 = WorkingDayCalendar.fromArrangements([notice2031]);
      expect(uncoveredYearOf(() => only2031.isWorkingDay('2030-12-29'))).toBe(2030);
      expect(only2031.isWorkingDay('2030-12-29', { provisional: true })).toEqual({
        value: true,
        provisional: true,
        uncoveredYears: [2030],
      });
    });

    it.each([
      [{ workdays: ['2030-01-02'] }, /2030-01-02 is a Wednesday/],
      [{ holidays: ['2031-01-01'] }, /outside 2030/],
      [{ holidays: ['2029-11-30'] }, /outside 2030/],
      [{ holidays: ['2030-02-30'] }, /not a real date/],
      [
        { holidays: ['2030-02-09'], workdays: ['2030-02-09'] },
        /both as a holiday and as a working day/,
      ],
      [{ year: 30 }, /30 is not a year/],
    ])('rejects unsound data %p', (change, message) => {
      const unsound = {
        ...fixture2030,
        holidays: [],
        workdays: [],
        origin: 'somewhere.yaml',
        ...change,
      };
      const thrown = catchError(() => WorkingDayCalendar.fromArrangements([unsound]));
      expect(thrown).toBeInstanceOf(CalendarDataError);
      expect(thrown).toMatchObject({ source: 'somewhere.yaml' });
      expect((thrown as Error).message).toMatch(message);
    });
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected an error');
}

function uncoveredYearOf(action: () => unknown): number {
  const error = catchError(action);
  if (error instanceof CalendarYearNotCoveredError) {
    return error.year;
  }
  throw error;
}

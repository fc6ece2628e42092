import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { CalendarYearNotCoveredError } from './calendar.errors';
import { chineseDaysArrangements } from './chinese-days.source';
import { WorkingDayCalendar } from './working-day-calendar';

// Expectations come from the State Council notices (国务院办公厅关于部分节假日安排的通知) of each
// year, with weekdays worked out by hand: e.g. 2024's Spring Festival is 2月10日至17日放假调休，
// 2月4日（星期日）、2月18日（星期日）上班.
const sut = WorkingDayCalendar.fromArrangements(chineseDaysArrangements(chineseDaysData));

type DayExpectation = readonly [date: string, working: boolean];
type ArrangementExpectation = readonly [arrangement: string, days: readonly DayExpectation[]];

describe('the PRC calendar from the official arrangements', () => {
  it('covers 2016 through at least 2026 and nothing before 2016', () => {
    const years = sut.coveredYears();
    expect(years.slice(0, 11)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(sut.covers(2015)).toBe(false);
  });

  const arrangements: readonly ArrangementExpectation[] = [
    [
      '2019 Spring Festival: 2月4日至10日放假; 2月2日（六）、3日（日）上班',
      [
        ['2019-02-01', true],
        ['2019-02-02', true],
        ['2019-02-03', true],
        ['2019-02-04', false],
        ['2019-02-08', false],
        ['2019-02-10', false],
        ['2019-02-11', true],
      ],
    ],
    [
      '2019 National Day: 10月1日至7日放假; 9月29日（日）、10月12日（六）上班',
      [
        ['2019-09-29', true],
        ['2019-10-01', false],
        ['2019-10-07', false],
        ['2019-10-08', true],
        ['2019-10-12', true],
        ['2019-10-13', false],
      ],
    ],
    [
      '2020 Spring Festival, extended to 2月2日: 1月19日（日）上班; the 2月1日（六） workday was cancelled',
      [
        ['2020-01-19', true],
        ['2020-01-23', true],
        ['2020-01-24', false],
        ['2020-01-30', false],
        ['2020-01-31', false],
        ['2020-02-01', false],
        ['2020-02-02', false],
        ['2020-02-03', true],
      ],
    ],
    [
      '2020 National Day and Mid-autumn: 10月1日至8日放假; 9月27日（日）、10月10日（六）上班',
      [
        ['2020-09-27', true],
        ['2020-10-01', false],
        ['2020-10-08', false],
        ['2020-10-09', true],
        ['2020-10-10', true],
      ],
    ],
    [
      '2023 Spring Festival: 1月21日至27日放假; 1月28日（六）、29日（日）上班',
      [
        ['2023-01-20', true],
        ['2023-01-21', false],
        ['2023-01-27', false],
        ['2023-01-28', true],
        ['2023-01-29', true],
      ],
    ],
    [
      '2023 Mid-autumn and National Day: 9月29日至10月6日放假; 10月7日（六）、8日（日）上班',
      [
        ['2023-09-28', true],
        ['2023-09-29', false],
        ['2023-10-06', false],
        ['2023-10-07', true],
        ['2023-10-08', true],
      ],
    ],
    [
      '2024 Spring Festival: 2月10日至17日放假; 2月4日（日）、18日（日）上班; 除夕 2月9日 worked',
      [
        ['2024-02-03', false],
        ['2024-02-04', true],
        ['2024-02-09', true],
        ['2024-02-10', false],
        ['2024-02-16', false],
        ['2024-02-17', false],
        ['2024-02-18', true],
        ['2024-02-19', true],
      ],
    ],
    [
      '2024 National Day: 10月1日至7日放假; 9月29日（日）、10月12日（六）上班',
      [
        ['2024-09-29', true],
        ['2024-09-30', true],
        ['2024-10-01', false],
        ['2024-10-07', false],
        ['2024-10-08', true],
        ['2024-10-12', true],
      ],
    ],
    [
      '2025 Spring Festival: 1月28日至2月4日放假; 1月26日（日）、2月8日（六）上班',
      [
        ['2025-01-26', true],
        ['2025-01-27', true],
        ['2025-01-28', false],
        ['2025-02-04', false],
        ['2025-02-05', true],
        ['2025-02-08', true],
        ['2025-02-09', false],
      ],
    ],
    [
      '2025 National Day and Mid-autumn: 10月1日至8日放假; 9月28日（日）、10月11日（六）上班',
      [
        ['2025-09-28', true],
        ['2025-10-01', false],
        ['2025-10-06', false],
        ['2025-10-08', false],
        ['2025-10-09', true],
        ['2025-10-11', true],
      ],
    ],
    [
      '2026 New Year: 1月1日至3日放假; 1月4日（日）上班',
      [
        ['2026-01-01', false],
        ['2026-01-02', false],
        ['2026-01-04', true],
      ],
    ],
    [
      '2026 Spring Festival: 2月15日至23日放假; 2月14日（六）、28日（六）上班',
      [
        ['2026-02-14', true],
        ['2026-02-15', false],
        ['2026-02-23', false],
        ['2026-02-24', true],
        ['2026-02-28', true],
      ],
    ],
    [
      '2026 National Day: 10月1日至7日放假; 9月20日（日）、10月10日（六）上班',
      [
        ['2026-09-20', true],
        ['2026-10-01', false],
        ['2026-10-07', false],
        ['2026-10-08', true],
        ['2026-10-10', true],
      ],
    ],
  ];
  describe.each(arrangements)('%s', (_arrangement, days) => {
    it.each(days)('%s working: %s', (date, working) => {
      expect(sut.isWorkingDay(date)).toBe(working);
    });
  });

  describe('addWorkingDays across holiday blocks', () => {
    it.each([
      ['2019-02-01', 3, '2019-02-11'],
      ['2020-01-23', 1, '2020-02-03'],
      ['2023-09-28', 1, '2023-10-07'],
      ['2025-09-30', 1, '2025-10-09'],
      ['2025-09-30', 3, '2025-10-11'],
      ['2025-12-31', 1, '2026-01-04'],
      ['2026-02-13', 1, '2026-02-14'],
      ['2026-02-13', 2, '2026-02-24'],
    ])('%s + %i working days = %s', (date, n, expected) => {
      expect(sut.addWorkingDays(date, n)).toBe(expected);
    });

    it.each([
      ['2020-10-09', -1, '2020-09-30'],
      ['2023-10-09', -2, '2023-10-07'],
      ['2025-02-05', -1, '2025-01-27'],
      ['2025-02-05', -3, '2025-01-24'],
    ])('%s %i working days = %s', (date, n, expected) => {
      expect(sut.addWorkingDays(date, n)).toBe(expected);
    });

    it('puts the 7- and 3-day reminders of a deadline after the 2024 Spring Festival before it', () => {
      // Deadline Tue 2024-02-20: Mon 19 (1), Sun 18 worked (2), 10–17 off, Fri 9 (3) … Mon 5 (7).
      expect(sut.addWorkingDays('2024-02-20', -3)).toBe('2024-02-09');
      expect(sut.addWorkingDays('2024-02-20', -7)).toBe('2024-02-05');
    });

    it('escalates a deadline before the 2024 National Day on the right days', () => {
      // Due Fri 2024-09-27; orange at 3, red at 10 working days overdue.
      expect(sut.addWorkingDays('2024-09-27', 3)).toBe('2024-10-08');
      expect(sut.addWorkingDays('2024-09-27', 10)).toBe('2024-10-16');
    });

    it('moves a deadline on a holiday to the first working day after it', () => {
      expect(sut.addWorkingDays('2024-10-01', 0)).toBe('2024-10-08');
    });
  });

  describe('workingDaysBetween', () => {
    it.each([
      ['2024-12-31', '2025-01-03', 2],
      ['2024-12-27', '2025-01-06', 5],
      ['2025-01-06', '2024-12-27', -5],
      ['2022-12-30', '2023-01-04', 2],
      ['2025-12-31', '2026-01-05', 2],
      ['2018-12-28', '2019-01-02', 2],
      ['2024-09-30', '2024-10-31', 19],
    ])('from %s to %s is %i', (from, to, expected) => {
      expect(sut.workingDaysBetween(from, to)).toBe(expected);
    });
  });

  describe('names the festival of a listed day', () => {
    it.each([
      ['2024-02-18', { working: true, kind: 'adjusted-workday', name: '春节' }],
      ['2025-10-05', { working: false, kind: 'holiday', name: '国庆节' }],
      ['2026-01-04', { working: true, kind: 'adjusted-workday', name: '元旦' }],
      ['2024-02-09', { working: true, kind: 'workday' }],
    ])('%s', (date, description) => {
      expect(sut.describeDay(date)).toEqual({ date, ...description });
    });
  });

  describe('years outside the data', () => {
    it('refuses 2015, before the calendar starts, and 2027 until it is added', () => {
      expect(uncoveredYearOf(() => sut.isWorkingDay('2015-10-08'))).toBe(2015);
      expect(() => sut.addWorkingDays('2026-12-31', 1)).toThrow(CalendarYearNotCoveredError);
    });

    it('answers 2027 provisionally from weekends only', () => {
      // 2027-01-01 is a Friday: surely a holiday, but unknown until the notice is loaded.
      expect(sut.addWorkingDays('2026-12-31', 1, { provisional: true })).toEqual({
        value: '2027-01-01',
        provisional: true,
        uncoveredYears: [2027],
      });
    });
  });
});

function uncoveredYearOf(action: () => unknown): number {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof CalendarYearNotCoveredError) {
      return error.year;
    }
    throw error;
  }
  throw new Error('expected CalendarYearNotCoveredError');
}

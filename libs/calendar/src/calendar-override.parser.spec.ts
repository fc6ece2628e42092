import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { parseCalendarOverride } from './calendar-override.parser';
import { CalendarDataError } from './calendar.errors';
import { chineseDaysArrangements } from './chinese-days.source';
import { WorkingDayCalendar } from './working-day-calendar';

// Fixtures for a made-up 2030 arrangement, not official data. 2030-01-01 is a Tuesday,
// 2030-02-02 a Saturday, 2030-01-27 a Sunday.
const FILE = 'config/calendar/2030.yaml';
const fixture2030 = `
notice: test fixture, not an official arrangement
holidays:
  - { date: 2030-01-01, name: 元旦 }
  - { from: 2030-02-02, to: 2030-02-08, name: 春节 }
workdays:
  - { date: 2030-01-27, name: 春节 }
  - 2030-02-09
`;

function problemsOf(fileName: string, text: string): readonly string[] {
  try {
    parseCalendarOverride(fileName, text);
  } catch (error: unknown) {
    if (error instanceof CalendarDataError) {
      expect(error.source).toBe(fileName);
      expect(error.message.startsWith(`${fileName}: `)).toBe(true);
      return error.problems;
    }
    throw error;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('parseCalendarOverride', () => {
  it('reads single days, ranges and names', () => {
    const arrangement = parseCalendarOverride(FILE, fixture2030);
    expect(arrangement).toEqual({
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
      names: {
        '2030-01-01': '元旦',
        '2030-02-02': '春节',
        '2030-02-03': '春节',
        '2030-02-04': '春节',
        '2030-02-05': '春节',
        '2030-02-06': '春节',
        '2030-02-07': '春节',
        '2030-02-08': '春节',
        '2030-01-27': '春节',
      },
      source: 'override',
      origin: FILE,
    });
  });

  it('accepts quoted dates, .yml, and the previous December', () => {
    const arrangement = parseCalendarOverride(
      'config/calendar/2030.yml',
      'holidays: ["2029-12-31", "2030-01-01"]\n',
    );
    expect(arrangement.holidays).toEqual(['2029-12-31', '2030-01-01']);
    expect(arrangement.workdays).toEqual([]);
  });

  describe('merged with the package data', () => {
    const packageYears = chineseDaysArrangements(chineseDaysData);

    it('agrees with the package when the 2026 notice is typed in as an override', () => {
      // 国务院办公厅关于2026年部分节假日安排的通知, as config/calendar/README.md shows it.
      const notice2026 = `
holidays:
  - { from: 2026-01-01, to: 2026-01-03, name: 元旦 }
  - { from: 2026-02-15, to: 2026-02-23, name: 春节 }
  - { from: 2026-04-04, to: 2026-04-06, name: 清明节 }
  - { from: 2026-05-01, to: 2026-05-05, name: 劳动节 }
  - { from: 2026-06-19, to: 2026-06-21, name: 端午节 }
  - { from: 2026-09-25, to: 2026-09-27, name: 中秋节 }
  - { from: 2026-10-01, to: 2026-10-07, name: 国庆节 }
workdays:
  - { date: 2026-01-04, name: 元旦 }
  - { date: 2026-02-14, name: 春节 }
  - { date: 2026-02-28, name: 春节 }
  - { date: 2026-05-09, name: 劳动节 }
  - { date: 2026-09-20, name: 国庆节 }
  - { date: 2026-10-10, name: 国庆节 }
`;
      const typedIn = parseCalendarOverride('config/calendar/2026.yaml', notice2026);
      const fromPackage = packageYears.find((a) => a.year === 2026);
      expect([...typedIn.holidays].sort()).toEqual(fromPackage?.holidays);
      expect([...typedIn.workdays].sort()).toEqual(fromPackage?.workdays);
      expect(typedIn.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    });

    it('adds a year the package does not carry', () => {
      const sut = WorkingDayCalendar.fromArrangements([
        ...packageYears,
        parseCalendarOverride(FILE, fixture2030),
      ]);
      expect(sut.covers(2030)).toBe(true);
      expect(sut.covers(2029)).toBe(false);
      expect(sut.isWorkingDay('2030-02-09')).toBe(true);
      expect(sut.isWorkingDay('2030-02-04')).toBe(false);
      expect(sut.addWorkingDays('2030-02-01', 1)).toBe('2030-02-09');
      expect(sut.isWorkingDay('2025-01-26')).toBe(true);
      expect(() => sut.isWorkingDay('2029-03-01')).toThrow(/config\/calendar\/2029\.yaml/);
    });

    it('corrects a year the package carries, date by date', () => {
      // As if Saturday 2025-02-08 had been given back as a holiday.
      const sut = WorkingDayCalendar.fromArrangements([
        ...packageYears,
        parseCalendarOverride('config/calendar/2025.yaml', 'holidays: [2025-02-08]\n'),
      ]);
      expect(sut.isWorkingDay('2025-02-08')).toBe(false);
      expect(sut.isWorkingDay('2025-01-26')).toBe(true);
      expect(sut.coverage().find((c) => c.year === 2025)?.sources).toEqual([
        'chinese-days',
        'override',
      ]);
    });
  });

  describe('rejects a bad file, naming the file and the entry', () => {
    it('a weekday listed as a working day', () => {
      expect(problemsOf(FILE, 'workdays: [2030-02-09, 2030-01-02]\n')).toEqual([
        'workdays[1]: 2030-01-02 is a Wednesday; only a Saturday or Sunday can be listed as an adjusted working day (调休上班日)',
      ]);
    });

    it('a date that does not exist', () => {
      expect(problemsOf(FILE, 'holidays: [2030-01-01, 2030-02-30]\n')).toEqual([
        'holidays[1]: "2030-02-30" is not a real date written YYYY-MM-DD',
      ]);
    });

    it('a date written another way', () => {
      expect(problemsOf(FILE, 'holidays: [2030/01/01]\n')[0]).toMatch(
        /^holidays\[0\]: .*YYYY-MM-DD/,
      );
    });

    it('a date of another year', () => {
      expect(problemsOf(FILE, 'holidays: [2031-01-01, 2029-11-30]\n')).toEqual([
        'holidays[0]: 2031-01-01 is outside 2030 (a 2030 arrangement may only list dates in 2030 or in December 2029)',
        'holidays[1]: 2029-11-30 is outside 2030 (a 2030 arrangement may only list dates in 2030 or in December 2029)',
      ]);
    });

    it('a range that runs backwards', () => {
      expect(problemsOf(FILE, 'holidays: [{ from: 2030-02-08, to: 2030-02-02 }]\n')).toEqual([
        'holidays[0]: the range starts (2030-02-08) after it ends (2030-02-02)',
      ]);
    });

    it('a day listed both as a holiday and as a working day', () => {
      const text = 'holidays: [{ from: 2030-02-02, to: 2030-02-10 }]\nworkdays: [2030-02-09]\n';
      expect(problemsOf(FILE, text)).toEqual([
        'workdays[0]: 2030-02-09 is also listed under holidays',
      ]);
    });

    it('a misspelt key', () => {
      expect(problemsOf(FILE, 'holiday: [2030-01-01]\n')).toEqual(
        expect.arrayContaining([expect.stringContaining('Unrecognized key: "holiday"')]),
      );
    });

    it('an entry of the wrong shape', () => {
      const problems = problemsOf(FILE, 'holidays: [20300101, { date: 2030-01-01, nmae: 元旦 }]\n');
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^holidays\[0\]: expected a date such as/);
      expect(problems[1]).toBe('holidays[1]: Unrecognized key: "nmae"');
    });

    it('a file that lists nothing', () => {
      expect(problemsOf(FILE, '')).toEqual(['is empty; expected holidays: and workdays: lists']);
      expect(problemsOf(FILE, '# 2030 not published yet\n\n')).toEqual([
        'is empty; expected holidays: and workdays: lists',
      ]);
      expect(problemsOf(FILE, '---\n')).toEqual([
        'is empty; expected holidays: and workdays: lists',
      ]);
      expect(problemsOf(FILE, 'holidays: []\n')).toEqual(['lists no holidays and no workdays']);
    });

    it('a file that is not YAML', () => {
      expect(problemsOf(FILE, 'holidays: [2030-01-01\n')[0]).toMatch(/^is not valid YAML: /);
    });

    it('a file not named after its year', () => {
      expect(problemsOf('config/calendar/holidays-2030.yaml', fixture2030)).toEqual([
        'an override file is named after the year it arranges, e.g. 2027.yaml',
      ]);
    });

    it('every problem at once', () => {
      const text = 'holidays: [2030-02-30, 2031-01-01]\nworkdays: [2030-01-02]\n';
      expect(problemsOf(FILE, text)).toHaveLength(3);
    });
  });
});

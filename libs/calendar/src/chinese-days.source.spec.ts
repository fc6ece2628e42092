import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { CalendarDataError } from './calendar.errors';
import { chineseDaysArrangements } from './chinese-days.source';

describe('chineseDaysArrangements', () => {
  const arrangements = chineseDaysArrangements(chineseDaysData);
  const arrangementOf = (year: number) => arrangements.find((a) => a.year === year);

  it('starts at 2016 and lists each year once, in order', () => {
    const years = arrangements.map((a) => a.year);
    expect(years[0]).toBe(2016);
    expect(years).toEqual([...new Set(years)].sort((a, b) => a - b));
    expect(years).toEqual(expect.arrayContaining([2016, 2020, 2024, 2025, 2026]));
    expect(arrangements.every((a) => a.source === 'chinese-days')).toBe(true);
  });

  it('starts wherever it is asked to', () => {
    expect(chineseDaysArrangements(chineseDaysData, 2020)[0].year).toBe(2020);
  });

  it('files the days of the 2019 New Year break that fall in 2018 under 2018', () => {
    // 元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
    expect(arrangementOf(2018)?.workdays).toContain('2018-12-29');
    expect(arrangementOf(2018)?.holidays).toEqual(
      expect.arrayContaining(['2018-12-30', '2018-12-31']),
    );
    expect(arrangementOf(2019)?.holidays).toContain('2019-01-01');
    expect(arrangementOf(2019)?.holidays).not.toContain('2018-12-31');
  });

  it('keeps the Chinese festival names', () => {
    const names = arrangementOf(2025)?.names ?? {};
    expect(names['2025-01-26']).toBe('春节');
    expect(names['2025-10-01']).toBe('国庆节');
    expect(names['2025-01-01']).toBe('元旦');
  });

  it('holds 2025 exactly as the State Council published it', () => {
    // 国办发明电〔2024〕12号, with 2025's extra Spring Festival and Labour Day days.
    const arrangement = arrangementOf(2025);
    expect(arrangement?.workdays).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(arrangement?.holidays).toEqual([
      '2025-01-01',
      ...['28', '29', '30', '31'].map((day) => `2025-01-${day}`),
      ...['01', '02', '03', '04'].map((day) => `2025-02-${day}`),
      '2025-04-04',
      '2025-04-05',
      '2025-04-06',
      ...['01', '02', '03', '04', '05'].map((day) => `2025-05-${day}`),
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => `2025-10-${day}`),
    ]);
  });

  it('leaves a year with no holidays uncovered instead of inventing it', () => {
    const years = chineseDaysArrangements({
      holidays: { '2030-01-01': "New Year's Day,元旦,1" },
      workdays: { '2031-01-05': 'Spring Festival,春节,4' },
    }).map((a) => a.year);
    expect(years).toEqual([2030]);
  });

  it.each([
    [{ holidays: { '2025-01-01': 1 }, workdays: {} }],
    [{ holidays: {} }],
    [{ holidays: { soon: '元旦' }, workdays: {} }],
    [null],
  ])('rejects data in an unexpected shape: %p', (data) => {
    expect(() => chineseDaysArrangements(data)).toThrow(CalendarDataError);
    expect(() => chineseDaysArrangements(data)).toThrow(/chinese-days\/dist\/chinese-days\.json/);
  });
});

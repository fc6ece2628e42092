import { defaultYear, parseYearParam, yearChoices } from './year-param';

describe('year-param', () => {
  it('defaults to the year just ended until the end of March, then to the current year', () => {
    expect(defaultYear('2026-01-15')).toBe(2025);
    expect(defaultYear('2026-03-31')).toBe(2025);
    expect(defaultYear('2026-04-01')).toBe(2026);
    expect(defaultYear('2026-12-06')).toBe(2026);
  });

  it('reads a four-digit year within 2000–2100 and falls back otherwise', () => {
    expect(parseYearParam('2025', '2026-12-06')).toBe(2025);
    expect(parseYearParam('2100', '2026-12-06')).toBe(2100);
    expect(parseYearParam(null, '2026-12-06')).toBe(2026);
    expect(parseYearParam('1999', '2026-12-06')).toBe(2026);
    expect(parseYearParam('2101', '2026-02-01')).toBe(2025);
    expect(parseYearParam('20x5', '2026-12-06')).toBe(2026);
    expect(parseYearParam('02025', '2026-12-06')).toBe(2026);
  });

  it('offers the next year and five before it, newest first, plus a year opened by address', () => {
    expect(yearChoices('2026-12-06', 2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
    expect(yearChoices('2026-12-06', 2010)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2010]);
  });
});

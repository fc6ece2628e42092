/** A date given to the calendar is not a real date written YYYY-MM-DD. */
export class InvalidCalendarDateError extends Error {
  override readonly name = 'InvalidCalendarDateError';

  constructor(readonly input: string) {
    super(
      `"${input}" is not a calendar date written YYYY-MM-DD (日期应写作 YYYY-MM-DD，且须真实存在)`,
    );
  }
}

/**
 * The calendar was asked about a year whose official holiday arrangement is not loaded.
 * Working days in such a year are unknown: guessing "weekdays only" would put reminders on
 * Spring Festival or skip an adjusted Saturday, so the caller must either add the year or
 * ask explicitly for a provisional answer.
 */
export class CalendarYearNotCoveredError extends Error {
  override readonly name = 'CalendarYearNotCoveredError';

  constructor(
    readonly year: number,
    readonly coveredYears: readonly number[],
  ) {
    const loaded = coveredYears.length > 0 ? describeYearRanges(coveredYears) : 'none';
    super(
      `The holiday arrangement for ${year} is not loaded (loaded years: ${loaded}), so working days in ${year} cannot be computed. ` +
        `Add config/calendar/${year}.yaml from the State Council notice on ${year} holidays, or update the chinese-days package. ` +
        `尚未载入${year}年节假日安排，无法计算工作日：请依据国务院办公厅关于${year}年部分节假日安排的通知添加 config/calendar/${year}.yaml，或升级 chinese-days 数据包。`,
    );
  }
}

/** Holiday data (an override file or the bundled package data) is malformed; `source` names the file. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
  }
}

/** [2016, 2017, 2018, 2030] → "2016–2018, 2030". */
export function describeYearRanges(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i] !== sorted[i - 1] + 1) {
      const end = sorted[i - 1];
      ranges.push(start === end ? `${start}` : `${start}–${end}`);
      start = sorted[i];
    }
  }
  return ranges.join(', ');
}

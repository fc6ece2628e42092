import {
  firstDayOfYear,
  isWeekend,
  tryParseIsoDate,
  weekdayNameOf,
  type IsoDate,
} from './local-date';

export type ArrangementSource = 'chinese-days' | 'override';

/**
 * The official holiday arrangement (节假日安排) of one year, as published by the State Council.
 * Days not listed follow the week: Monday to Friday work, Saturday and Sunday rest.
 */
export interface YearArrangement {
  readonly year: number;
  /** Days off: statutory holidays and the days moved next to them (放假调休), weekends included or not. */
  readonly holidays: readonly IsoDate[];
  /** Saturdays and Sundays that are working days (调休上班). */
  readonly workdays: readonly IsoDate[];
  /** Name of the festival a listed day belongs to, e.g. 春节, keyed by date. */
  readonly names?: Readonly<Record<IsoDate, string>>;
  readonly source: ArrangementSource;
  /** Where the data came from (a file path), for error messages. */
  readonly origin?: string;
}

export type ArrangementList = 'holidays' | 'workdays';

/**
 * Why `date` cannot appear in the `list` of the `year` arrangement, or undefined if it can.
 * A notice for a year may also arrange the last days of the previous December (e.g. the 2019
 * notice made Saturday 2018-12-29 a working day for the New Year break), so those are accepted.
 */
export function arrangementDateProblem(
  year: number,
  list: ArrangementList,
  date: string,
): string | undefined {
  const day = tryParseIsoDate(date);
  if (day === undefined) {
    return `"${date}" is not a real date written YYYY-MM-DD`;
  }
  const earliest = firstDayOfYear(year - 1) + 334; // 1 December of the previous year
  const earliestLeap = firstDayOfYear(year) - 31;
  if (day < Math.max(earliest, earliestLeap) || day >= firstDayOfYear(year + 1)) {
    return `${date} is outside ${year} (a ${year} arrangement may only list dates in ${year} or in December ${year - 1})`;
  }
  if (list === 'workdays' && !isWeekend(day)) {
    return `${date} is a ${weekdayNameOf(day)}; only a Saturday or Sunday can be listed as an adjusted working day (调休上班日)`;
  }
  return undefined;
}

/** Every problem that makes the arrangement unusable; empty when it is sound. */
export function arrangementProblems(arrangement: YearArrangement): string[] {
  const { year } = arrangement;
  if (!Number.isInteger(year) || year < 1001 || year > 9999) {
    return [`${String(year)} is not a year`];
  }
  const problems: string[] = [];
  const holidays = new Set(arrangement.holidays);
  for (const date of arrangement.holidays) {
    const problem = arrangementDateProblem(year, 'holidays', date);
    if (problem !== undefined) {
      problems.push(`holidays: ${problem}`);
    }
  }
  for (const date of arrangement.workdays) {
    const problem = arrangementDateProblem(year, 'workdays', date);
    if (problem !== undefined) {
      problems.push(`workdays: ${problem}`);
    } else if (holidays.has(date)) {
      problems.push(`${date} is listed both as a holiday and as a working day`);
    }
  }
  return problems;
}

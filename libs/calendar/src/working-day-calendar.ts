import { CalendarDataError, CalendarYearNotCoveredError } from './calendar.errors';
import {
  firstDayOfYear,
  formatEpochDay,
  isWeekend,
  parseIsoDate,
  yearOf,
  type EpochDay,
  type IsoDate,
} from './local-date';
import {
  arrangementProblems,
  type ArrangementSource,
  type YearArrangement,
} from './year-arrangement';

/** Opt-in to answers for years with no loaded arrangement, computed from weekends only. */
export interface ProvisionalOption {
  readonly provisional: true;
}

export interface ProvisionalAnswer<T> {
  readonly value: T;
  /** True when the answer relied on a year with no loaded arrangement (weekends only). */
  readonly provisional: boolean;
  /** The years without a loaded arrangement that the answer relied on; empty when not provisional. */
  readonly uncoveredYears: readonly number[];
}

/** workday: an ordinary Monday–Friday; adjusted-workday: a Saturday or Sunday worked (调休上班). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface DayDescription {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The festival a holiday or adjusted working day belongs to, e.g. 春节. */
  readonly name?: string;
}

export interface YearCoverage {
  readonly year: number;
  readonly sources: readonly ArrangementSource[];
}

/** Largest |n| accepted by addWorkingDays (about 40 years); reminder offsets are a few days. */
export const MAX_WORKING_DAY_OFFSET = 10_000;

const WORKING = 1;
const COVERED = 2;
const LISTED = 4;

interface Lookup {
  readonly strict: boolean;
  readonly uncoveredYears: Set<number>;
}

/**
 * The PRC working-day calendar: weekends, statutory holidays and adjusted working days (调休).
 *
 * Every query throws CalendarYearNotCoveredError when it needs a day of a year whose arrangement
 * is not loaded. Passing `{ provisional: true }` instead answers such days from weekends alone
 * and returns the answer wrapped with `provisional: true` and the years it guessed.
 */
export class WorkingDayCalendar {
  private constructor(
    private readonly firstDay: EpochDay,
    private readonly flags: Uint8Array,
    private readonly names: ReadonlyMap<EpochDay, string>,
    private readonly sourcesByYear: ReadonlyMap<number, readonly ArrangementSource[]>,
  ) {}

  /**
   * Builds the calendar from year arrangements applied in order: when two arrangements list the
   * same date, the later one wins (so overrides go after the package data). A year is covered
   * when at least one arrangement is for that year.
   */
  static fromArrangements(arrangements: readonly YearArrangement[]): WorkingDayCalendar {
    for (const arrangement of arrangements) {
      const problems = arrangementProblems(arrangement);
      if (problems.length > 0) {
        throw new CalendarDataError(
          arrangement.origin ?? `${arrangement.source} data for ${arrangement.year}`,
          problems,
        );
      }
    }
    if (arrangements.length === 0) {
      return new WorkingDayCalendar(0, new Uint8Array(0), new Map(), new Map());
    }

    const years = arrangements.map((arrangement) => arrangement.year);
    // Arrangements may list dates of the previous December, hence the 31-day margin.
    const firstDay = firstDayOfYear(Math.min(...years)) - 31;
    const lastDay = firstDayOfYear(Math.max(...years) + 1) - 1;
    const flags = new Uint8Array(lastDay - firstDay + 1);
    for (let index = 0; index < flags.length; index++) {
      flags[index] = isWeekend(firstDay + index) ? 0 : WORKING;
    }

    const sourcesByYear = new Map<number, ArrangementSource[]>();
    for (const { year, source } of arrangements) {
      const sources = sourcesByYear.get(year);
      if (sources === undefined) {
        sourcesByYear.set(year, [source]);
        for (let day = firstDayOfYear(year); day < firstDayOfYear(year + 1); day++) {
          flags[day - firstDay] |= COVERED;
        }
      } else if (!sources.includes(source)) {
        sources.push(source);
      }
    }

    const names = new Map<EpochDay, string>();
    for (const arrangement of arrangements) {
      const mark = (date: IsoDate, working: boolean): void => {
        const day = parseIsoDate(date);
        const index = day - firstDay;
        flags[index] = (flags[index] & COVERED) | LISTED | (working ? WORKING : 0);
        const name = arrangement.names?.[date];
        if (name !== undefined) {
          names.set(day, name);
        }
      };
      arrangement.holidays.forEach((date) => mark(date, false));
      arrangement.workdays.forEach((date) => mark(date, true));
    }

    return new WorkingDayCalendar(firstDay, flags, names, sourcesByYear);
  }

  /** The years with a loaded arrangement, ascending. */
  coveredYears(): number[] {
    return [...this.sourcesByYear.keys()].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.sourcesByYear.has(year);
  }

  coverage(): YearCoverage[] {
    return this.coveredYears().map((year) => ({
      year,
      sources: this.sourcesByYear.get(year) ?? [],
    }));
  }

  isWorkingDay(date: IsoDate): boolean;
  isWorkingDay(date: IsoDate, options: ProvisionalOption): ProvisionalAnswer<boolean>;
  isWorkingDay(date: IsoDate, options?: ProvisionalOption): boolean | ProvisionalAnswer<boolean> {
    const day = parseIsoDate(date);
    return this.answer(options, (lookup) => this.isWorking(day, lookup));
  }

  describeDay(date: IsoDate): DayDescription;
  describeDay(date: IsoDate, options: ProvisionalOption): ProvisionalAnswer<DayDescription>;
  describeDay(
    date: IsoDate,
    options?: ProvisionalOption,
  ): DayDescription | ProvisionalAnswer<DayDescription> {
    const day = parseIsoDate(date);
    return this.answer(options, (lookup) => {
      const working = this.isWorking(day, lookup);
      const listed = (this.flagsOf(day) & LISTED) !== 0;
      const kind: DayKind = listed
        ? working
          ? 'adjusted-workday'
          : 'holiday'
        : working
          ? 'workday'
          : 'weekend';
      const name = listed ? this.names.get(day) : undefined;
      return name === undefined
        ? { date: formatEpochDay(day), working, kind }
        : { date: formatEpochDay(day), working, kind, name };
    });
  }

  /**
   * n > 0: the n-th working day after `date`; n < 0: the |n|-th working day before it. The start
   * date itself is never counted, so "3 working days before a Sunday deadline" is the Wednesday.
   * n = 0 returns `date` when it is a working day, otherwise the next working day: a deadline
   * falling on a holiday is due on the first working day after it (顺延).
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  addWorkingDays(date: IsoDate, n: number, options: ProvisionalOption): ProvisionalAnswer<IsoDate>;
  addWorkingDays(
    date: IsoDate,
    n: number,
    options?: ProvisionalOption,
  ): IsoDate | ProvisionalAnswer<IsoDate> {
    if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAY_OFFSET) {
      throw new RangeError(
        `A working-day offset must be a whole number between -${MAX_WORKING_DAY_OFFSET} and ${MAX_WORKING_DAY_OFFSET}, got ${n}`,
      );
    }
    const start = parseIsoDate(date);
    return this.answer(options, (lookup) => formatEpochDay(this.shift(start, n, lookup)));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  nextWorkingDay(date: IsoDate, options: ProvisionalOption): ProvisionalAnswer<IsoDate>;
  nextWorkingDay(date: IsoDate, options?: ProvisionalOption): IsoDate | ProvisionalAnswer<IsoDate> {
    const start = parseIsoDate(date);
    return this.answer(options, (lookup) => formatEpochDay(this.shift(start, 1, lookup)));
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  previousWorkingDay(date: IsoDate, options: ProvisionalOption): ProvisionalAnswer<IsoDate>;
  previousWorkingDay(
    date: IsoDate,
    options?: ProvisionalOption,
  ): IsoDate | ProvisionalAnswer<IsoDate> {
    const start = parseIsoDate(date);
    return this.answer(options, (lookup) => formatEpochDay(this.shift(start, -1, lookup)));
  }

  /**
   * The number of working days d with from < d ≤ to: `from` is excluded, `to` included. So a task
   * due Friday is 1 working day overdue on Monday, and on Monday a Wednesday deadline is 2 working
   * days away. When `to` is before `from` the count is over to < d ≤ from and negative; the same
   * date gives 0. For n ≥ 0, workingDaysBetween(d, addWorkingDays(d, n)) = n whenever
   * addWorkingDays moved (always for n > 0).
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  workingDaysBetween(
    from: IsoDate,
    to: IsoDate,
    options: ProvisionalOption,
  ): ProvisionalAnswer<number>;
  workingDaysBetween(
    from: IsoDate,
    to: IsoDate,
    options?: ProvisionalOption,
  ): number | ProvisionalAnswer<number> {
    const fromDay = parseIsoDate(from);
    const toDay = parseIsoDate(to);
    return this.answer(options, (lookup) => {
      const [low, high] = fromDay <= toDay ? [fromDay, toDay] : [toDay, fromDay];
      let count = 0;
      for (let day = low + 1; day <= high; day++) {
        if (this.isWorking(day, lookup)) {
          count++;
        }
      }
      return fromDay <= toDay || count === 0 ? count : -count;
    });
  }

  private shift(start: EpochDay, n: number, lookup: Lookup): EpochDay {
    let day = start;
    if (n === 0) {
      while (!this.isWorking(day, lookup)) {
        day++;
      }
      return day;
    }
    const step = n > 0 ? 1 : -1;
    for (let remaining = Math.abs(n); remaining > 0;) {
      day += step;
      if (this.isWorking(day, lookup)) {
        remaining--;
      }
    }
    return day;
  }

  private flagsOf(day: EpochDay): number {
    const index = day - this.firstDay;
    if (index >= 0 && index < this.flags.length) {
      return this.flags[index];
    }
    return isWeekend(day) ? 0 : WORKING;
  }

  private isWorking(day: EpochDay, lookup: Lookup): boolean {
    const flags = this.flagsOf(day);
    if ((flags & COVERED) === 0) {
      const year = yearOf(day);
      if (lookup.strict) {
        throw new CalendarYearNotCoveredError(year, this.coveredYears());
      }
      lookup.uncoveredYears.add(year);
    }
    return (flags & WORKING) !== 0;
  }

  private answer<T>(
    options: ProvisionalOption | undefined,
    compute: (lookup: Lookup) => T,
  ): T | ProvisionalAnswer<T> {
    const provisional = options?.provisional === true;
    const lookup: Lookup = { strict: !provisional, uncoveredYears: new Set() };
    const value = compute(lookup);
    if (!provisional) {
      return value;
    }
    const uncoveredYears = [...lookup.uncoveredYears].sort((a, b) => a - b);
    return { value, provisional: uncoveredYears.length > 0, uncoveredYears };
  }
}

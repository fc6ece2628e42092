import { basename } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { z } from 'zod';
import { CalendarDataError } from './calendar.errors';
import { formatEpochDay, parseIsoDate, type IsoDate } from './local-date';
import { arrangementDateProblem, type YearArrangement } from './year-arrangement';

const OVERRIDE_FILE_NAME = /^(\d{4})\.ya?ml$/;

const festivalName = z.string().trim().min(1);
const singleDay = z.strictObject({ date: z.string(), name: festivalName.optional() });
const dayRange = z.strictObject({
  from: z.string(),
  to: z.string(),
  name: festivalName.optional(),
});

const workdayEntry = z.union([z.string(), singleDay], {
  error: 'expected a date such as 2027-02-07, or { date: 2027-02-07, name: 春节 }',
});
const holidayEntry = z.union([z.string(), singleDay, dayRange], {
  error:
    'expected a date such as 2027-01-01, { date: 2027-01-01, name: 元旦 } or { from: 2027-02-05, to: 2027-02-11, name: 春节 }',
});

type HolidayEntry = z.infer<typeof holidayEntry>;
type WorkdayEntry = z.infer<typeof workdayEntry>;

function overrideFileSchema(year: number) {
  return z
    .strictObject({
      /** The notice the data was copied from, e.g. 国办发明电〔2026〕N号 or its gov.cn address. */
      notice: z.string().optional(),
      holidays: z.array(holidayEntry).default([]),
      workdays: z.array(workdayEntry).default([]),
    })
    .superRefine((file, context) => {
      if (file.holidays.length === 0 && file.workdays.length === 0) {
        context.addIssue({
          code: 'custom',
          path: [],
          message: 'lists no holidays and no workdays',
        });
      }
      const holidayDates = new Set<IsoDate>();
      file.holidays.forEach((entry, index) => {
        const problems = holidayEntryProblems(year, entry);
        for (const problem of problems) {
          context.addIssue({ code: 'custom', path: ['holidays', index], message: problem });
        }
        if (problems.length === 0) {
          expandHoliday(entry).forEach((date) => holidayDates.add(date));
        }
      });
      file.workdays.forEach((entry, index) => {
        const date = singleDate(entry);
        const problem =
          arrangementDateProblem(year, 'workdays', date) ??
          (holidayDates.has(date) ? `${date} is also listed under holidays` : undefined);
        if (problem !== undefined) {
          context.addIssue({ code: 'custom', path: ['workdays', index], message: problem });
        }
      });
    });
}

/**
 * Reads one override file, `config/calendar/<year>.yaml`, into the arrangement of that year.
 * `filePath` names the file in error messages; every problem found is reported at once, each
 * with its entry (e.g. `workdays[1]`).
 */
export function parseCalendarOverride(filePath: string, text: string): YearArrangement {
  const nameMatch = OVERRIDE_FILE_NAME.exec(basename(filePath));
  if (!nameMatch) {
    throw new CalendarDataError(filePath, [
      'an override file is named after the year it arranges, e.g. 2027.yaml',
    ]);
  }
  const year = Number(nameMatch[1]);

  const empty = new CalendarDataError(filePath, [
    'is empty; expected holidays: and workdays: lists',
  ]);
  // Only comments or blank lines: js-yaml reports "no document", which reads as a syntax error.
  if (text.split('\n').every((line) => /^\s*(#.*)?$/.test(line))) {
    throw empty;
  }
  let raw: unknown;
  try {
    raw = load(text, { schema: CORE_SCHEMA });
  } catch (error: unknown) {
    throw new CalendarDataError(filePath, [
      `is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  if (raw === null || raw === undefined) {
    throw empty;
  }

  const parsed = overrideFileSchema(year).safeParse(raw);
  if (!parsed.success) {
    throw new CalendarDataError(
      filePath,
      parsed.error.issues.map((issue) => `${describePath(issue.path)}${issue.message}`),
    );
  }

  const names: Record<IsoDate, string> = {};
  const holidays = parsed.data.holidays.flatMap((entry) => {
    const dates = expandHoliday(entry);
    nameDates(names, dates, entry);
    return dates;
  });
  const workdays = parsed.data.workdays.map((entry) => {
    const date = singleDate(entry);
    nameDates(names, [date], entry);
    return date;
  });
  return { year, holidays, workdays, names, source: 'override', origin: filePath };
}

function holidayEntryProblems(year: number, entry: HolidayEntry): string[] {
  if (typeof entry === 'string' || 'date' in entry) {
    const problem = arrangementDateProblem(year, 'holidays', singleDate(entry));
    return problem === undefined ? [] : [problem];
  }
  const problems = [entry.from, entry.to].flatMap(
    (date) => arrangementDateProblem(year, 'holidays', date) ?? [],
  );
  if (problems.length === 0 && entry.from > entry.to) {
    problems.push(`the range starts (${entry.from}) after it ends (${entry.to})`);
  }
  return problems;
}

/** The dates an entry stands for; only called once the entry's dates are known to be valid. */
function expandHoliday(entry: HolidayEntry): IsoDate[] {
  if (typeof entry === 'string' || 'date' in entry) {
    return [singleDate(entry)];
  }
  const from = parseIsoDate(entry.from);
  const to = parseIsoDate(entry.to);
  const dates: IsoDate[] = [];
  for (let day = from; day <= to; day++) {
    dates.push(formatEpochDay(day));
  }
  return dates;
}

function singleDate(entry: string | { date: string }): IsoDate {
  return typeof entry === 'string' ? entry : entry.date;
}

function nameDates(
  names: Record<IsoDate, string>,
  dates: readonly IsoDate[],
  entry: HolidayEntry | WorkdayEntry,
): void {
  if (typeof entry !== 'string' && entry.name !== undefined) {
    for (const date of dates) {
      names[date] = entry.name;
    }
  }
}

/** ['workdays', 1, 'date'] → "workdays[1].date: ". */
function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) {
    return '';
  }
  const text = path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
  return `${text}: `;
}

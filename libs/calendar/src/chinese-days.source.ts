import { z } from 'zod';
import { CalendarDataError } from './calendar.errors';
import type { IsoDate } from './local-date';
import type { YearArrangement } from './year-arrangement';

/** The first year Duban serves; earlier years are never scheduled. */
export const FIRST_CALENDAR_YEAR = 2016;

const CHINESE_DAYS_ORIGIN = 'chinese-days/dist/chinese-days.json';

// Shape of the package's published data: date → "English name,中文名,statutory days".
const datedLabels = z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string());
const chineseDaysDataSchema = z.object({ holidays: datedLabels, workdays: datedLabels });

interface YearBucket {
  holidays: IsoDate[];
  workdays: IsoDate[];
  names: Record<IsoDate, string>;
}

/**
 * One arrangement per year from `firstYear` through the last year the package carries. Dates are
 * grouped by their own year: the 2019 New Year break, announced with 2019, lists 2018-12-29 under
 * 2018. A year counts as covered only if the package lists at least one holiday in it (every
 * year has 元旦), so a gap in the data stays an uncovered year instead of becoming weekdays only.
 */
export function chineseDaysArrangements(
  data: unknown,
  firstYear = FIRST_CALENDAR_YEAR,
): YearArrangement[] {
  const parsed = chineseDaysDataSchema.safeParse(data);
  if (!parsed.success) {
    throw new CalendarDataError(
      CHINESE_DAYS_ORIGIN,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }

  const buckets = new Map<number, YearBucket>();
  const bucketOf = (date: IsoDate): YearBucket | undefined => {
    const year = Number(date.slice(0, 4));
    if (year < firstYear) {
      return undefined;
    }
    let bucket = buckets.get(year);
    if (bucket === undefined) {
      bucket = { holidays: [], workdays: [], names: {} };
      buckets.set(year, bucket);
    }
    return bucket;
  };

  const collect = (labels: Record<IsoDate, string>, list: 'holidays' | 'workdays'): void => {
    for (const [date, label] of Object.entries(labels)) {
      const bucket = bucketOf(date);
      if (bucket !== undefined) {
        bucket[list].push(date);
        bucket.names[date] = chineseNameOf(label);
      }
    }
  };
  collect(parsed.data.holidays, 'holidays');
  collect(parsed.data.workdays, 'workdays');

  return [...buckets.entries()]
    .filter(([, bucket]) => bucket.holidays.length > 0)
    .sort(([a], [b]) => a - b)
    .map(([year, bucket]) => ({
      year,
      holidays: bucket.holidays.sort(),
      workdays: bucket.workdays.sort(),
      names: bucket.names,
      source: 'chinese-days' as const,
      origin: `${CHINESE_DAYS_ORIGIN} (${year})`,
    }));
}

/** "Spring Festival,春节,4" → "春节". */
function chineseNameOf(label: string): string {
  return label.split(',')[1]?.trim() || label;
}

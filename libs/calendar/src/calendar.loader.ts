import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { configDirectory } from '@duban/config';
import { parseCalendarOverride } from './calendar-override.parser';
import { CalendarDataError } from './calendar.errors';
import { chineseDaysArrangements, FIRST_CALENDAR_YEAR } from './chinese-days.source';
import type { YearArrangement } from './year-arrangement';
import { WorkingDayCalendar } from './working-day-calendar';

/**
 * The override folder every service reads unless told otherwise: `calendar/` in the configuration
 * folder (DUBAN_CONFIG_DIR, or ./config), so all services see the same override files.
 */
export function defaultCalendarOverrideDir(): string {
  return join(configDirectory(), 'calendar');
}

export interface CalendarLoadOptions {
  /** Folder of `<year>.yaml` override files (default: defaultCalendarOverrideDir()); relative paths resolve against the working directory. */
  readonly overrideDir?: string;
  readonly firstYear?: number;
}

/**
 * The working-day calendar from the chinese-days package data (FIRST_CALENDAR_YEAR through the
 * last year it carries) with the office's override files applied on top. This is the calendar's
 * only I/O; everything it builds is pure.
 */
export async function loadWorkingDayCalendar(
  options: CalendarLoadOptions = {},
): Promise<WorkingDayCalendar> {
  const overrides = await readCalendarOverrides(
    options.overrideDir ?? defaultCalendarOverrideDir(),
  );
  return WorkingDayCalendar.fromArrangements([
    ...chineseDaysArrangements(chineseDaysData, options.firstYear ?? FIRST_CALENDAR_YEAR),
    ...overrides,
  ]);
}

/** Every `*.yaml` / `*.yml` file of the folder, ordered by year; other files (README.md) are ignored. */
export async function readCalendarOverrides(overrideDir: string): Promise<YearArrangement[]> {
  const dir = resolve(overrideDir);
  const shownDir = relative(process.cwd(), dir) || '.';
  let fileNames: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    fileNames = entries
      .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CalendarDataError(shownDir, ['the calendar override folder does not exist']);
    }
    throw error;
  }

  const arrangements = await Promise.all(
    fileNames.map(async (fileName) =>
      parseCalendarOverride(join(shownDir, fileName), await readFile(join(dir, fileName), 'utf8')),
    ),
  );
  const files = new Map<number, string>();
  for (const arrangement of arrangements) {
    const earlier = files.get(arrangement.year);
    if (earlier !== undefined) {
      throw new CalendarDataError(shownDir, [
        `${earlier} and ${arrangement.origin ?? ''} both arrange ${arrangement.year}; keep one file per year`,
      ]);
    }
    files.set(arrangement.year, arrangement.origin ?? String(arrangement.year));
  }
  // Ascending years: a notice's December dates then win over the previous year's file.
  return arrangements.sort((a, b) => a.year - b.year);
}

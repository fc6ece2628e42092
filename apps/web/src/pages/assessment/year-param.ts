/** The assessment's year in the address (`/assessment?year=2025`), so a link opens that year. */

export const YEAR_PARAM = 'year';
/** The api accepts 2000–2100 (libs/assessment parseYear). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Until the end of March the office is still assessing the year that has just ended. */
const LAST_MONTH_OF_ASSESSMENT_SEASON = 3;

/** The year a page opened without `?year=` shows, given today (YYYY-MM-DD, Beijing). */
export function defaultYear(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month <= LAST_MONTH_OF_ASSESSMENT_SEASON ? year - 1 : year;
}

/** `?year=` as a year the api accepts, or the default when it is missing or malformed. */
export function parseYearParam(value: string | null, today: string): number {
  if (value !== null && /^\d{4}$/.test(value)) {
    const year = Number(value);
    if (year >= MIN_YEAR && year <= MAX_YEAR) {
      return year;
    }
  }
  return defaultYear(today);
}

/** The years offered in the picker: a few before the default and the next one, newest first. */
export function yearChoices(today: string, shown: number, before = 4): number[] {
  const newest = Math.min(MAX_YEAR, defaultYear(today) + 1);
  const years: number[] = [];
  for (let year = newest; year >= Math.max(MIN_YEAR, newest - before - 1); year -= 1) {
    years.push(year);
  }
  // A year opened by its address stays selectable even when it is outside the usual range.
  if (!years.includes(shown)) {
    years.push(shown);
    years.sort((a, b) => b - a);
  }
  return years;
}

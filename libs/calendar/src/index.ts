export type { IsoDate } from './local-date';
export { isIsoDate } from './local-date';
export {
  CalendarDataError,
  CalendarYearNotCoveredError,
  InvalidCalendarDateError,
} from './calendar.errors';
export type { ArrangementSource, YearArrangement } from './year-arrangement';
export {
  MAX_WORKING_DAY_OFFSET,
  WorkingDayCalendar,
  type DayDescription,
  type DayKind,
  type ProvisionalAnswer,
  type ProvisionalOption,
  type YearCoverage,
} from './working-day-calendar';
export { SHANGHAI_UTC_OFFSET_MINUTES, shanghaiDateOf, shanghaiInstantOf } from './shanghai-time';
export { chineseDaysArrangements, FIRST_CALENDAR_YEAR } from './chinese-days.source';
export { parseCalendarOverride } from './calendar-override.parser';
export {
  defaultCalendarOverrideDir,
  loadWorkingDayCalendar,
  readCalendarOverrides,
  type CalendarLoadOptions,
} from './calendar.loader';

import type { WorkingDayCalendar } from '@duban/calendar';

/**
 * The one home of the board's traffic-light rule, used by the board, the ledger's `light=` filter
 * and the ledger files: an open task is red when its deadline has passed, yellow when it falls
 * within YELLOW_WORKING_DAYS working days from the date the board is read for, green otherwise
 * (an undated task included). Closed tasks have no light on the board.
 */
export const TRAFFIC_LIGHTS = ['red', 'yellow', 'green'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

/** A task due within this many working days is yellow. */
export const YELLOW_WORKING_DAYS = 7;

/** The dates the rule compares a deadline with. */
export interface LightWindow {
  /** The day the board is read for (YYYY-MM-DD, Asia/Shanghai). */
  asOf: string;
  /** Last date still yellow: asOf + YELLOW_WORKING_DAYS working days. Later deadlines are green. */
  yellowUntil: string;
  /** The year's holidays are not published yet: yellowUntil counts weekends only. */
  provisional: boolean;
}

export function lightWindow(calendar: WorkingDayCalendar, asOf: string): LightWindow {
  const yellow = calendar.addWorkingDays(asOf, YELLOW_WORKING_DAYS, { provisional: true });
  return { asOf, yellowUntil: yellow.value, provisional: yellow.provisional };
}

/** The light of an open task's deadline (YYYY-MM-DD strings compare as dates). */
export function lightOf(
  deadline: string | null,
  window: Pick<LightWindow, 'asOf' | 'yellowUntil'>,
): TrafficLight {
  if (deadline === null) {
    return 'green';
  }
  if (deadline < window.asOf) {
    return 'red';
  }
  return deadline <= window.yellowUntil ? 'yellow' : 'green';
}

/**
 * The same rule in SQL: a condition on a deadline column, with the asOf and yellowUntil dates
 * given as placeholders ($n) the caller has bound.
 */
export function lightSqlCondition(
  light: TrafficLight,
  deadline: string,
  asOf: string,
  yellowUntil: string,
): string {
  switch (light) {
    case 'red':
      return `${deadline} < ${asOf}::date`;
    case 'yellow':
      return `(${deadline} >= ${asOf}::date AND ${deadline} <= ${yellowUntil}::date)`;
    case 'green':
      return `(${deadline} IS NULL OR ${deadline} > ${yellowUntil}::date)`;
  }
}

/** A SQL expression naming the light of a deadline column ('red' | 'yellow' | 'green'). */
export function lightSqlExpression(deadline: string, asOf: string, yellowUntil: string): string {
  return `CASE WHEN ${lightSqlCondition('red', deadline, asOf, yellowUntil)} THEN 'red' WHEN ${lightSqlCondition('yellow', deadline, asOf, yellowUntil)} THEN 'yellow' ELSE 'green' END`;
}

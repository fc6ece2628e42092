import {
  fromHundredths,
  toHundredths,
  type AssessmentScheme,
  type ScoreDelta,
  type ScoreResult,
} from '@duban/scoring';

export interface DepartmentTotal {
  /** The department has a task due in the year (an occurrence), whether or not it scored. */
  readonly hasTasks: boolean;
  /** The sum of its deltas' points; null when it has none. */
  readonly points: number | null;
}

/**
 * A department's result from the sum of its deltas, as `scoreDepartment` finishes it: the points
 * method adds the base and holds the total within [floor, cap] (the difference becomes a `cap` or
 * `floor` delta, returned in `deltas`); the weighted share is the sum of its slices. Departments
 * without a task due are "not assessed", and so, with the weighted share, are those with nothing
 * settled yet. The task deltas themselves are not part of the returned results.
 */
export function finishResult(
  scheme: AssessmentScheme,
  year: number,
  asOf: string,
  departmentId: string,
  total: DepartmentTotal,
): ScoreResult {
  const identity = { departmentId, year, method: scheme.method };
  if (!total.hasTasks) {
    return { ...identity, status: 'not_assessed', reason: 'no_tasks_in_year' };
  }
  const sum = total.points === null ? 0 : toHundredths(total.points);
  if (scheme.method === 'weighted-share') {
    if (total.points === null) {
      return { ...identity, status: 'not_assessed', reason: 'nothing_settled_yet' };
    }
    return {
      ...identity,
      status: 'assessed',
      base: 0,
      rawScore: fromHundredths(sum),
      score: fromHundredths(sum),
      deltas: [],
    };
  }
  const rules = scheme.points;
  const base = toHundredths(rules.base);
  const raw = base + sum;
  const score = Math.min(toHundredths(rules.cap), Math.max(toHundredths(rules.floor), raw));
  const deltas: ScoreDelta[] =
    score === raw
      ? []
      : [
          {
            taskId: null,
            eventId: null,
            rule: score < raw ? 'cap' : 'floor',
            role: null,
            points: fromHundredths(score - raw),
            date: asOf,
            deadline: null,
            period: null,
            share: null,
          },
        ];
  return {
    ...identity,
    status: 'assessed',
    base: fromHundredths(base),
    rawScore: fromHundredths(raw),
    score: fromHundredths(score),
    deltas,
  };
}

import { isIsoDate, yearOf, type IsoDate } from './civil-date';
import type { DepartmentFacts, ReportFact } from './department-facts';
import { scoreByPoints } from './points-method';
import type { AssessmentScheme } from './scheme.schema';
import type { ScoreResult } from './score-result';
import { InvalidScoringInputError } from './scoring.errors';
import { occurrencesInYear } from './task-occurrences';
import { scoreByWeightedShare } from './weighted-share-method';

export interface ScoreInput {
  /** A scheme returned by parseScheme, for the same year. */
  readonly scheme: AssessmentScheme;
  readonly year: number;
  readonly departmentId: string;
  readonly facts: DepartmentFacts;
  /**
   * The scoring date: an open task is overdue when its deadline is before it, and facts dated after
   * it are ignored (a mid-year what-if sees the year as it stood that day).
   */
  readonly asOf: IsoDate;
}

/** One department's score for one year with every applied delta. Pure: same input, same result. */
export function scoreDepartment(input: ScoreInput): ScoreResult {
  assertWellFormed(input);
  const { scheme, year, departmentId, facts, asOf } = input;
  const identity = { departmentId, year, method: scheme.method };

  const occurrences = occurrencesInYear(facts.tasks, facts.assignments, departmentId, year, asOf);
  if (occurrences.length === 0) {
    return { ...identity, status: 'not_assessed', reason: 'no_tasks_in_year' };
  }

  switch (scheme.method) {
    case 'points':
      return {
        ...identity,
        status: 'assessed',
        ...scoreByPoints({
          scheme,
          departmentId,
          occurrences,
          reports: reportsCountedIn(facts.reports, departmentId, year, asOf),
          assignments: facts.assignments,
          asOf,
        }),
      };
    case 'weighted-share': {
      const outcome = scoreByWeightedShare(scheme, occurrences);
      return outcome.status === 'assessed'
        ? { ...identity, status: 'assessed', ...outcome.result }
        : { ...identity, status: 'not_assessed', reason: 'nothing_settled_yet' };
    }
  }
}

/** A report counts in the year it was due, once per event (a redelivered event is not a second miss). */
function reportsCountedIn(
  reports: readonly ReportFact[],
  departmentId: string,
  year: number,
  asOf: IsoDate,
): ReportFact[] {
  const seen = new Set<string>();
  return reports.filter((report) => {
    const counts =
      report.departmentId === departmentId &&
      yearOf(report.date) === year &&
      report.date <= asOf &&
      !seen.has(report.eventId);
    seen.add(report.eventId);
    return counts;
  });
}

function assertWellFormed(input: ScoreInput): void {
  const { scheme, year, facts, asOf } = input;
  if (scheme.year !== year) {
    throw new InvalidScoringInputError(
      'scheme.year',
      `is ${scheme.year}, but the ${year} assessment was requested`,
    );
  }
  assertDate('asOf', asOf);
  const taskIds = new Set<string>();
  facts.tasks.forEach((task, index) => {
    if (taskIds.has(task.taskId)) {
      throw new InvalidScoringInputError(
        `tasks[${index}].taskId`,
        `task ${task.taskId} is listed twice`,
      );
    }
    taskIds.add(task.taskId);
    assertDate(`tasks[${index}].deadline`, task.deadline);
    const completions =
      task.recurrence === 'none'
        ? task.completion === null
          ? []
          : [task.completion]
        : task.completions;
    completions.forEach((completion, completionIndex) =>
      assertDate(
        `tasks[${index}].completions[${completionIndex}].approvedOn`,
        completion.approvedOn,
      ),
    );
  });
  facts.assignments.forEach((assignment, index) => {
    assertDate(`assignments[${index}].from`, assignment.from);
    if (assignment.to !== null) {
      assertDate(`assignments[${index}].to`, assignment.to);
      if (assignment.to < assignment.from) {
        throw new InvalidScoringInputError(
          `assignments[${index}].to`,
          `${assignment.to} is before from (${assignment.from})`,
        );
      }
    }
  });
  facts.reports.forEach((report, index) => assertDate(`reports[${index}].date`, report.date));
}

function assertDate(field: string, value: IsoDate): void {
  if (!isIsoDate(value)) {
    throw new InvalidScoringInputError(field, `'${value}' is not a calendar date (YYYY-MM-DD)`);
  }
}

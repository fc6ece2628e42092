import {
  addCalendarDays,
  calendarDaysBetween,
  sameDayInYear,
  yearOf,
  type IsoDate,
} from './civil-date';
import type { AssignmentFact, CompletionFact, TaskFact } from './department-facts';
import type { Role } from './scheme.schema';

/** How one year's occurrence of a task stands on the scoring date. */
export type OccurrenceOutcome =
  | { readonly kind: 'on_time'; readonly completion: CompletionFact }
  | {
      readonly kind: 'completed_late';
      readonly completion: CompletionFact;
      readonly daysLate: number;
    }
  | { readonly kind: 'overdue_open'; readonly firstOverdueDay: IsoDate; readonly daysLate: number }
  | { readonly kind: 'pending' };

export interface TaskOccurrence {
  readonly taskId: string;
  readonly deadline: IsoDate;
  /** The department's role in force on the deadline. */
  readonly role: Role;
  readonly outcome: OccurrenceOutcome;
}

/**
 * The department's task occurrences due in `year`: each task whose deadline (for a yearly task,
 * that year's date) falls in the year and on whose deadline the department held an assignment.
 * Facts dated after `asOf` have not happened yet and are ignored.
 */
export function occurrencesInYear(
  tasks: readonly TaskFact[],
  assignments: readonly AssignmentFact[],
  departmentId: string,
  year: number,
  asOf: IsoDate,
): TaskOccurrence[] {
  const byTask = assignmentsByTask(assignments, departmentId);
  const occurrences: TaskOccurrence[] = [];
  for (const task of tasks) {
    const taskAssignments = byTask.get(task.taskId);
    if (taskAssignments === undefined) {
      continue;
    }
    const due = dueInYear(task, year, asOf);
    if (due === null) {
      continue;
    }
    const role = roleInForce(taskAssignments, task.taskId, departmentId, due.deadline);
    if (role === null) {
      continue;
    }
    occurrences.push({
      taskId: task.taskId,
      deadline: due.deadline,
      role,
      outcome: outcomeOf(due.deadline, due.completion, asOf),
    });
  }
  return occurrences;
}

/**
 * The department's assignments by task, built once per scoring so that a department with
 * thousands of tasks is scored in linear time (the annual run scores a million-task year).
 */
export function assignmentsByTask(
  assignments: readonly AssignmentFact[],
  departmentId: string,
): Map<string, AssignmentFact[]> {
  const byTask = new Map<string, AssignmentFact[]>();
  for (const assignment of assignments) {
    if (assignment.departmentId !== departmentId) {
      continue;
    }
    const list = byTask.get(assignment.taskId);
    if (list === undefined) {
      byTask.set(assignment.taskId, [assignment]);
    } else {
      list.push(assignment);
    }
  }
  return byTask;
}

/**
 * The role the department held on a task on `date`; the latest-starting assignment wins if
 * corrections left two overlapping.
 */
export function roleInForce(
  assignments: readonly AssignmentFact[],
  taskId: string,
  departmentId: string,
  date: IsoDate,
): Role | null {
  let current: AssignmentFact | null = null;
  for (const assignment of assignments) {
    const inForce =
      assignment.taskId === taskId &&
      assignment.departmentId === departmentId &&
      assignment.from <= date &&
      (assignment.to === null || date < assignment.to);
    if (inForce && (current === null || assignment.from >= current.from)) {
      current = assignment;
    }
  }
  return current?.role ?? null;
}

function dueInYear(
  task: TaskFact,
  year: number,
  asOf: IsoDate,
): { deadline: IsoDate; completion: CompletionFact | null } | null {
  switch (task.recurrence) {
    case 'none':
      if (yearOf(task.deadline) !== year) {
        return null;
      }
      return { deadline: task.deadline, completion: approvedBy(task.completion, asOf) };
    case 'yearly': {
      const firstYear = yearOf(task.deadline);
      if (year < firstYear || (task.untilYear !== null && year > task.untilYear)) {
        return null;
      }
      const approvals = task.completions
        .filter((completion) => completion.occurrenceYear === year && completion.approvedOn <= asOf)
        .sort((a, b) => compareStrings(a.approvedOn, b.approvedOn));
      return { deadline: sameDayInYear(task.deadline, year), completion: approvals[0] ?? null };
    }
  }
}

function approvedBy(completion: CompletionFact | null, asOf: IsoDate): CompletionFact | null {
  return completion !== null && completion.approvedOn <= asOf ? completion : null;
}

function outcomeOf(
  deadline: IsoDate,
  completion: CompletionFact | null,
  asOf: IsoDate,
): OccurrenceOutcome {
  if (completion !== null) {
    return completion.approvedOn <= deadline
      ? { kind: 'on_time', completion }
      : {
          kind: 'completed_late',
          completion,
          daysLate: calendarDaysBetween(deadline, completion.approvedOn),
        };
  }
  if (deadline < asOf) {
    return {
      kind: 'overdue_open',
      firstOverdueDay: addCalendarDays(deadline, 1),
      daysLate: calendarDaysBetween(deadline, asOf),
    };
  }
  return { kind: 'pending' };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { IsoDate } from './civil-date';
import type { QualityRating, Role } from './scheme.schema';

/** The office's approval of a completion (办结), with the quality rating given on approval. */
export interface CompletionFact {
  /** Approval date: it decides on time versus late, not the date the department declared completion. */
  readonly approvedOn: IsoDate;
  readonly eventId: string;
  readonly rating: RatingFact | null;
}

export interface RatingFact {
  readonly rating: QualityRating;
  readonly eventId: string;
}

/** A task that is due once, on its deadline in force (after any approved extension). */
export interface OneOffTaskFact {
  readonly taskId: string;
  readonly recurrence: 'none';
  readonly deadline: IsoDate;
  readonly completion: CompletionFact | null;
}

/**
 * A yearly (每年) task: due every year on the month and day of `deadline`, from the year of
 * `deadline` through `untilYear` (null: no end). Each year's occurrence is completed separately.
 */
export interface YearlyTaskFact {
  readonly taskId: string;
  readonly recurrence: 'yearly';
  readonly deadline: IsoDate;
  readonly untilYear: number | null;
  readonly completions: readonly YearlyCompletionFact[];
}

export interface YearlyCompletionFact extends CompletionFact {
  /** The year whose occurrence this approval closes. */
  readonly occurrenceYear: number;
}

export type TaskFact = OneOffTaskFact | YearlyTaskFact;

/** A department's role on a task over the half-open day range [from, to); `to` null: still in force. */
export interface AssignmentFact {
  readonly taskId: string;
  readonly departmentId: string;
  readonly role: Role;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

/** A progress report that arrived late or never arrived. */
export interface ReportFact {
  readonly taskId: string;
  readonly departmentId: string;
  /** The reporting period, e.g. `2025-03`; shown in the breakdown only. */
  readonly period: string;
  readonly state: 'late' | 'missed';
  /** The report's due date: it decides the year the fact counts in and dates its delta. */
  readonly date: IsoDate;
  readonly eventId: string;
}

/** Everything scoring needs to know about one department; other departments' rows are ignored. */
export interface DepartmentFacts {
  readonly tasks: readonly TaskFact[];
  readonly assignments: readonly AssignmentFact[];
  readonly reports: readonly ReportFact[];
}

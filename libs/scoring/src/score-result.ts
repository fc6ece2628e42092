import type { IsoDate } from './civil-date';
import type { Role, SchemeMethod } from './scheme.schema';

/**
 * Why a delta was applied. The three task outcomes are shared by both methods; `cap` and `floor`
 * are the visible adjustment that brings a points total back into the scheme's range.
 */
export type DeltaRule =
  | 'on_time'
  | 'completed_late'
  | 'overdue_open'
  | 'late_report'
  | 'missed_report'
  | 'quality_excellent'
  | 'quality_good'
  | 'quality_fair'
  | 'quality_poor'
  | 'cap'
  | 'floor';

/** How a task's slice of a weighted-share score was worked out. */
export interface ShareDetail {
  /** The role's weight from the scheme (lead 1.0, support 0.5 by default). */
  readonly weight: number;
  /** 1 on time, decayed for a late completion, 0 for an open overdue task. */
  readonly credit: number;
  /** Calendar days past the deadline: to approval, or to `asOf` for an open task. */
  readonly daysLate: number;
}

/** One row of the breakdown; a score is `base` plus the sum of its deltas' points. */
export interface ScoreDelta {
  /** Null only for the cap/floor adjustment, which belongs to the whole score. */
  readonly taskId: string | null;
  /** The domain event behind the row; null when the row follows from the calendar (an open task past its deadline) or is the cap/floor adjustment. */
  readonly eventId: string | null;
  readonly rule: DeltaRule;
  /** The department's role on the task when the rule applied; null when it had none or for cap/floor. */
  readonly role: Role | null;
  /** Exact to two decimals. */
  readonly points: number;
  readonly date: IsoDate;
  /** The task's deadline for this year's occurrence (task outcome and quality rows). */
  readonly deadline: IsoDate | null;
  /** The reporting period (report rows). */
  readonly period: string | null;
  /** Weighted-share rows only. */
  readonly share: ShareDetail | null;
}

interface ScoreResultBase {
  readonly departmentId: string;
  readonly year: number;
  readonly method: SchemeMethod;
}

/**
 * `no_tasks_in_year`: no task of the department is due in the year (it is not given the base score).
 * `nothing_settled_yet` (weighted share): tasks are due in the year, but none is completed or overdue
 * as of the scoring date, so there is no share to compute.
 */
export type NotAssessedReason = 'no_tasks_in_year' | 'nothing_settled_yet';

export interface NotAssessedResult extends ScoreResultBase {
  readonly status: 'not_assessed';
  readonly reason: NotAssessedReason;
}

export interface AssessedResult extends ScoreResultBase {
  readonly status: 'assessed';
  /** The points method's base (80 by default); 0 for the weighted share. */
  readonly base: number;
  /** base + every delta except the cap/floor adjustment. */
  readonly rawScore: number;
  /** base + every delta: the score that is ranked. */
  readonly score: number;
  readonly deltas: readonly ScoreDelta[];
}

export type ScoreResult = NotAssessedResult | AssessedResult;

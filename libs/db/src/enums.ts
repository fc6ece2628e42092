/**
 * Every enumerated column of the schema: the TypeScript union and the CHECK constraint are
 * generated from the same list, so they cannot disagree.
 */
export const DEPARTMENT_KINDS = [
  'government',
  'district',
  'park',
  'institution',
  'collective',
  'other',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const USER_ROLES = ['admin', 'supervisor', 'department', 'leader'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const PLAN_STATUSES = ['draft', 'active', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** open → completion_pending (lead declared) → completed (office approved), or back to open (退办). */
export const TASK_STATUSES = ['open', 'completion_pending', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Statuses in which a task is still owed: the overdue board and reminders look only at these. */
export const OPEN_TASK_STATUSES = [
  'open',
  'completion_pending',
] as const satisfies readonly TaskStatus[];
/** The same statuses as a SQL list, for hand-written queries and partial indexes. */
export const OPEN_TASK_STATUSES_SQL = OPEN_TASK_STATUSES.map((s) => `'${s}'`).join(', ');

export function isOpenTaskStatus(status: TaskStatus): boolean {
  return (OPEN_TASK_STATUSES as readonly TaskStatus[]).includes(status);
}

export const RECURRENCES = ['none', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const ASSIGNMENT_ROLES = ['lead', 'support'] as const;

export const QUALITY_RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;

export const COMPLETION_STATES = ['pending', 'approved', 'returned'] as const;
export type CompletionState = (typeof COMPLETION_STATES)[number];

export const EXTENSION_STATES = ['pending', 'approved', 'rejected'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

export const REPORT_STATES = ['on_time', 'late'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REMINDER_KINDS = [
  'acknowledgement',
  'pre_deadline',
  'due_day',
  'notice_blue',
  'notice_orange',
  'notice_red',
  'report_due',
  'report_missed',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_STATES = ['scheduled', 'cancelled', 'fired', 'sent', 'failed'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/** Facts the daily sweep records once: a task overdue for its deadline, a missed progress report. */
export const SWEEP_MARK_KINDS = ['task_overdue', 'report_missed'] as const;
export type SweepMarkKind = (typeof SWEEP_MARK_KINDS)[number];

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const ASSESSMENT_METHODS = ['points', 'weighted-share'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export const ASSESSMENT_STATUSES = ['assessed', 'not_assessed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** queued (accepted by the api) → running (a worker holds it) → succeeded (results replaced) or failed. */
export const ASSESSMENT_RUN_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type AssessmentRunState = (typeof ASSESSMENT_RUN_STATES)[number];
/** The states in which a run still owns its year: a second run of the year is refused meanwhile. */
export const ACTIVE_ASSESSMENT_RUN_STATES = [
  'queued',
  'running',
] as const satisfies readonly AssessmentRunState[];

export const ASSESSMENT_REPORT_FORMATS = ['xlsx', 'html'] as const;
export type AssessmentReportFormat = (typeof ASSESSMENT_REPORT_FORMATS)[number];

export const ASSESSMENT_REPORT_STATES = ['queued', 'ready', 'failed'] as const;
export type AssessmentReportState = (typeof ASSESSMENT_REPORT_STATES)[number];

/** A progress report that counts against the department: it arrived late, or never. */
export const REPORT_FACT_STATES = ['late', 'missed'] as const;
export type ReportFactState = (typeof REPORT_FACT_STATES)[number];

/** SQL for a CHECK constraint that keeps `column` inside `values` (NULL allowed when nullable). */
export function checkIn(column: string, values: readonly string[], nullable = false): string {
  const list = values.map((v) => `'${v}'`).join(', ');
  return nullable ? `"${column}" IS NULL OR "${column}" IN (${list})` : `"${column}" IN (${list})`;
}

export const IMPORT_STATES = ['draft', 'committed', 'discarded'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

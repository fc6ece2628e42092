import type { AnyDomainEvent, EventType } from './events';

/**
 * Every BullMQ queue and job name in Duban. These strings live in Redis with queued jobs:
 * never rename a value without a migration that moves the jobs already queued under it.
 */
export const QueueName = {
  SchedulerEvents: 'scheduler-events',
  AssessmentEvents: 'assessment-events',
  Reminders: 'reminders',
  /** Deciding and rendering mail (ComposeNotices). */
  Mail: 'mail',
  /**
   * Delivering rendered mail (DeliverMail), on a queue and worker of its own so that mails go out
   * while others are still being composed. Deliver jobs queued on `mail` before it existed are
   * still delivered from there.
   */
  MailDelivery: 'mail-delivery',
  Sweep: 'sweep',
  AssessmentRuns: 'assessment-runs',
  AssessmentReports: 'assessment-reports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  DomainEvent: 'domain-event',
  FireReminder: 'fire-reminder',
  ComposeNotices: 'compose-notices',
  DeliverMail: 'deliver-mail',
  DailySweep: 'daily-sweep',
  RunAssessment: 'run-assessment',
  BuildAssessmentReport: 'build-assessment-report',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Binds each job name to its payload, so enqueuing the wrong payload fails to compile. */
export interface JobPayloads {
  [JobName.DomainEvent]: AnyDomainEvent;
  /** Delayed until the reminder's fire time; jobId = reminder id. */
  [JobName.FireReminder]: { reminderId: string };
  /**
   * Decide and render: the department's fired reminders of one day become one mail (a digest
   * when there are two or more). jobId = `compose:<departmentId>:<day>`.
   */
  [JobName.ComposeNotices]: { departmentId: string; day: string };
  /** Deliver one rendered mail_deliveries row over SMTP (mail-delivery queue); jobId = `deliver-<deliveryId>`. */
  [JobName.DeliverMail]: { deliveryId: string };
  [JobName.DailySweep]: { day: string };
  /** Compute and store one annual assessment run (assessment_runs row); jobId = `assessment-run-<runId>`. */
  [JobName.RunAssessment]: { runId: string };
  /** Build one report file (assessment_reports row); jobId = `assessment-report-<reportId>`. */
  [JobName.BuildAssessmentReport]: { reportId: string };
}

/** Deterministic job ids (BullMQ refuses a custom id with one colon): asking twice queues once. */
export const assessmentRunJobId = (runId: string): string => `assessment-run-${runId}`;
export const assessmentReportJobId = (reportId: string): string => `assessment-report-${reportId}`;

/** The services that consume domain events, each through its own queue. */
export const EventConsumer = {
  Scheduler: 'scheduler',
  Assessment: 'assessment',
} as const;
export type EventConsumer = (typeof EventConsumer)[keyof typeof EventConsumer];

export const CONSUMER_QUEUE: Record<EventConsumer, QueueName> = {
  scheduler: QueueName.SchedulerEvents,
  assessment: QueueName.AssessmentEvents,
};

const BOTH: readonly EventConsumer[] = [EventConsumer.Scheduler, EventConsumer.Assessment];
const SCHEDULER: readonly EventConsumer[] = [EventConsumer.Scheduler];
const ASSESSMENT: readonly EventConsumer[] = [EventConsumer.Assessment];
const NOBODY: readonly EventConsumer[] = [];

/**
 * Which consumers receive each event. A Record over every EventType, so adding an event type
 * without deciding who hears it fails to compile.
 */
export const EVENT_ROUTES: Record<EventType, readonly EventConsumer[]> = {
  TaskAssigned: BOTH,
  TaskUnassigned: BOTH,
  AssignmentAcknowledged: SCHEDULER,
  TaskDeadlineChanged: BOTH,
  ProgressReported: BOTH,
  ReportMissed: ASSESSMENT,
  CompletionDeclared: SCHEDULER,
  TaskCompleted: BOTH,
  TaskReopened: BOTH,
  ExtensionRequested: NOBODY,
  ExtensionApproved: BOTH,
  ExtensionRejected: NOBODY,
  TaskOverdue: BOTH,
  PlanCommitted: NOBODY,
};

/** Retry and retention policy of queued jobs: named here, not scattered over processors. */
export const JOB_POLICY = {
  eventAttempts: 10,
  eventBackoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are kept for a day so that a re-published event id still meets its jobId.
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
  /**
   * Delivering one mail: at most 8 SMTP attempts, about 2, 4, 8 … 128 s apart, each wait drawn
   * from its upper half (jitter) so that mails held up by an outage do not return all at once.
   * An outage longer than about four minutes leaves the mail `failed` for the office to resend.
   */
  mailAttempts: 8,
  mailBackoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
  // A mail job is seconds long; a killed notifier's jobs return to the queue once this lock lapses.
  mailLockDurationMs: 15_000,
  // The delivery row, not the job, says whether a mail went out: a finished mail job is dropped.
  mailRemoveOnComplete: true,
  mailStalledIntervalMs: 5_000,
  // An annual run or a report rebuilds from PostgreSQL, so a retry is safe; after the last attempt
  // the row is marked failed so the year is free to run again.
  assessmentAttempts: 3,
  assessmentBackoff: { type: 'exponential', delay: 5000 },
} as const;

/**
 * jobId of a ComposeNotices job. Add it with `removeOnComplete: true`: a waiting job absorbs
 * every notice of the digest window, and a notice firing after the compose ran starts a new one.
 */
export function composeNoticesJobId(departmentId: string, day: string): string {
  return `compose:${departmentId}:${day}`;
}

/** jobId of a DeliverMail job (BullMQ refuses a custom id with a single colon). */
export function deliverMailJobId(deliveryId: string): string {
  return `deliver-${deliveryId}`;
}

import type { JobsOptions } from 'bullmq';

/**
 * Retry and retention of the jobs the scheduler adds, in one place.
 *
 * FireReminder: the job only re-reads PostgreSQL and marks a row, so retries are cheap; after
 * the last attempt the job is dropped and the next sweep adds it again for a row still scheduled
 * (a kept failed job would hold its jobId and block that). A completed job is removed at once,
 * so a row scheduled again under the same id gets a fresh job.
 */
export const FIRE_REMINDER_JOB: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: true,
  removeOnFail: true,
};

/**
 * ComposeNotices: removed on completion, so a notice firing after the compose ran starts a new
 * one for its day; a failed one is dropped and re-added by the sweep for fired rows left behind.
 */
export const COMPOSE_NOTICES_JOB: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: true,
};

/** The daily sweep is idempotent; a failed run is retried a few times, then left to the next day. */
export const DAILY_SWEEP_JOB: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Rows per reconciliation batch: one SELECT, one pipelined existence check, one addBulk. */
export const RECONCILE_BATCH = 5_000;
/** Reconciliation batches checked and re-added at the same time. */
export const RECONCILE_CONCURRENCY = 4;

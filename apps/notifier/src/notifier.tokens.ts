import type { JobsOptions } from 'bullmq';
import { JOB_POLICY } from '@duban/contracts';

/** The working-day calendar (loaded once at start-up). */
export const WORKING_DAY_CALENDAR = Symbol('WORKING_DAY_CALENDAR');

/** Retry options given to every DeliverMail job; JOB_POLICY unless a test injects shorter waits. */
export const DELIVER_JOB_OPTIONS = Symbol('DELIVER_JOB_OPTIONS');
export type DeliverJobOptions = Pick<JobsOptions, 'attempts' | 'backoff'>;

export const DEFAULT_DELIVER_JOB_OPTIONS: DeliverJobOptions = {
  attempts: JOB_POLICY.mailAttempts,
  backoff: { ...JOB_POLICY.mailBackoff },
};

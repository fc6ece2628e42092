/** The working-day calendar (loaded once at start-up). */
export const WORKING_DAY_CALENDAR = Symbol('WORKING_DAY_CALENDAR');

/** The reminder policy (config/reminders.yaml): its ladder says who is copied on a notice. */
export const REMINDER_POLICY = Symbol('REMINDER_POLICY');

/** Attempts and backoff of DeliverMail jobs: JOB_POLICY unless a test injects shorter waits. */
export const DELIVER_RETRY = Symbol('DELIVER_RETRY');

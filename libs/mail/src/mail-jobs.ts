import type { BackoffOptions, JobsOptions } from 'bullmq';
import { JOB_POLICY, JobName, type JobPayloads, deliverMailJobId } from '@duban/contracts';

/** Attempts and backoff of a DeliverMail job. */
export type DeliverRetry = Pick<JobsOptions, 'attempts' | 'backoff'>;

export const DEFAULT_DELIVER_RETRY: DeliverRetry = {
  attempts: JOB_POLICY.mailAttempts,
  backoff: { ...JOB_POLICY.mailBackoff },
};

/** The one way a DeliverMail job is built: deterministic jobId, retry policy, retention. */
export function deliverMailJob(
  deliveryId: string,
  retry: DeliverRetry = DEFAULT_DELIVER_RETRY,
  delayMs = 0,
): {
  name: typeof JobName.DeliverMail;
  data: JobPayloads[typeof JobName.DeliverMail];
  opts: JobsOptions;
} {
  return {
    name: JobName.DeliverMail,
    data: { deliveryId },
    opts: {
      jobId: deliverMailJobId(deliveryId),
      ...retry,
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      removeOnComplete: JOB_POLICY.mailRemoveOnComplete,
      removeOnFail: JOB_POLICY.removeOnFail,
    },
  };
}

/** True when `retry` allows no attempt after the first: that one failing fails the mail. */
export function firstAttemptIsLast(retry: DeliverRetry): boolean {
  return (retry.attempts ?? 1) <= 1;
}

/**
 * The DeliverMail job that continues a mail whose first attempt was made outside any job (the
 * composing notifier sends it at once) and failed transiently: the attempts left, starting after
 * the wait the policy puts after a first attempt, then waiting as it would after the second, third
 * … So the mail gets the same number of attempts, equally spaced, as one delivered by jobs only.
 * `random` is [0, 1), for the jitter of that first wait.
 */
export function deliverMailJobAfterFirstAttempt(
  deliveryId: string,
  retry: DeliverRetry,
  random: () => number = Math.random,
): ReturnType<typeof deliverMailJob> {
  const backoff = normalBackoff(retry.backoff);
  const firstWait = backoff ? jittered(backoff.delay ?? 0, backoff.jitter ?? 0, random) : 0;
  const later: BackoffOptions | undefined =
    backoff && backoff.type === 'exponential'
      ? { ...backoff, delay: 2 * (backoff.delay ?? 0) }
      : backoff;
  return deliverMailJob(
    deliveryId,
    { attempts: Math.max(1, (retry.attempts ?? 1) - 1), ...(later ? { backoff: later } : {}) },
    firstWait,
  );
}

/** BullMQ takes a bare number as a fixed backoff of that many milliseconds. */
function normalBackoff(backoff: DeliverRetry['backoff']): BackoffOptions | undefined {
  return typeof backoff === 'number' ? { type: 'fixed', delay: backoff } : backoff;
}

/** A wait of `delay` less up to `jitter` of it, drawn as BullMQ draws its own backoff's jitter. */
function jittered(delay: number, jitter: number, random: () => number): number {
  return jitter > 0 ? Math.floor(random() * delay * jitter + delay * (1 - jitter)) : delay;
}

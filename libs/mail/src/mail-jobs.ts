import type { JobsOptions } from 'bullmq';
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
      removeOnComplete: JOB_POLICY.mailRemoveOnComplete,
      removeOnFail: JOB_POLICY.removeOnFail,
    },
  };
}

import { deliverMailJobId } from '@duban/contracts';
import {
  DEFAULT_DELIVER_RETRY,
  deliverMailJob,
  deliverMailJobAfterFirstAttempt,
  firstAttemptIsLast,
} from './mail-jobs';

describe('deliverMailJobAfterFirstAttempt', () => {
  const id = '6f1c1f4e-1111-4a5b-9c3d-000000000001';

  it('continues an exponential policy where the first attempt left it', () => {
    // Jobs only: attempts 1…8, waits of 2, 4, 8 … 128 s after attempts 1…7. After a first attempt
    // outside any job: 7 attempts left, the first after 2 s, then 4, 8 … 128 s.
    const job = deliverMailJobAfterFirstAttempt(
      id,
      { attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
      () => 0.5,
    );
    expect(job.opts).toMatchObject({
      jobId: deliverMailJobId(id),
      attempts: 7,
      delay: 2000,
      backoff: { type: 'exponential', delay: 4000 },
    });
  });

  it('draws the first wait with the policy jitter, as BullMQ would', () => {
    const retry = { attempts: 8, backoff: { type: 'exponential', delay: 2000, jitter: 0.5 } };
    // 2000 × (1 − 0.5) = 1000 up to 2000.
    expect(deliverMailJobAfterFirstAttempt(id, retry, () => 0).opts.delay).toBe(1000);
    expect(deliverMailJobAfterFirstAttempt(id, retry, () => 0.999).opts.delay).toBe(1999);
    expect(deliverMailJobAfterFirstAttempt(id, retry, () => 0.5).opts.backoff).toEqual({
      type: 'exponential',
      delay: 4000,
      jitter: 0.5,
    });
  });

  it('keeps a fixed wait fixed, including one given as a bare number', () => {
    expect(
      deliverMailJobAfterFirstAttempt(id, { attempts: 3, backoff: { type: 'fixed', delay: 500 } })
        .opts,
    ).toMatchObject({ attempts: 2, delay: 500, backoff: { type: 'fixed', delay: 500 } });
    expect(deliverMailJobAfterFirstAttempt(id, { attempts: 3, backoff: 700 }).opts).toMatchObject({
      attempts: 2,
      delay: 700,
      backoff: { type: 'fixed', delay: 700 },
    });
  });

  it('without a backoff, retries at once', () => {
    const { opts } = deliverMailJobAfterFirstAttempt(id, { attempts: 4 });
    expect(opts.attempts).toBe(3);
    expect(opts.delay).toBeUndefined();
    expect(opts.backoff).toBeUndefined();
  });

  it('is the same job (id, retention) as any other DeliverMail of the mail', () => {
    const after = deliverMailJobAfterFirstAttempt(id, DEFAULT_DELIVER_RETRY, () => 0);
    const plain = deliverMailJob(id);
    expect(after.name).toBe(plain.name);
    expect(after.data).toEqual(plain.data);
    expect(after.opts.jobId).toBe(plain.opts.jobId);
    expect(after.opts.removeOnComplete).toEqual(plain.opts.removeOnComplete);
    expect(after.opts.removeOnFail).toEqual(plain.opts.removeOnFail);
  });
});

describe('firstAttemptIsLast', () => {
  it('is true only when the policy allows a single attempt', () => {
    expect(firstAttemptIsLast({ attempts: 1 })).toBe(true);
    expect(firstAttemptIsLast({})).toBe(true);
    expect(firstAttemptIsLast({ attempts: 2 })).toBe(false);
    expect(firstAttemptIsLast(DEFAULT_DELIVER_RETRY)).toBe(false);
  });
});

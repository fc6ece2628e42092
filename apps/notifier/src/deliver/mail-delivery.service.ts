import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type Queue, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import { QueueName } from '@duban/contracts';
import { GroupCommit, isDatabaseUnavailable } from '@duban/db';
import {
  type DeliverRetry,
  MAIL_TRANSPORT,
  type MailTransport,
  SendSlots,
  classifySmtpError,
  deliverMailJobAfterFirstAttempt,
  firstAttemptIsLast,
} from '@duban/mail';
import { DELIVER_RETRY } from '../notifier.tokens';
import { HELD_MAIL_TOUCH_MS, HeldMail } from './held-mail';
import { type ClaimedDelivery, MailDeliveryRepository } from './mail-delivery.repository';

export type DeliverOutcome = 'sent' | 'already-sent' | 'skipped';

/**
 * How long a mail the server accepted waits for PostgreSQL to record it sent (a restart takes
 * seconds). Giving up earlier would let the retry send it a second time.
 */
export const MARK_SENT_PATIENCE_MS = 60_000;

/** A send that may work later (connection error, 4xx); BullMQ retries it with backoff. */
export class TransientMailError extends Error {
  constructor(deliveryId: string, reply: string) {
    super(`Mail ${deliveryId} not sent yet, will retry: ${reply}`);
    this.name = 'TransientMailError';
  }
}

/** Claims and sent marks of deliver jobs running together go to PostgreSQL as one statement each. */
const BATCHING = { maxBatch: 64, maxInFlight: 2 };

/**
 * First attempts held at most (HeldMail), a few MB of rendered mail: composing runs this far
 * ahead of the sends, in large batches, and a notifier that dies leaves at most this many for the
 * recovery to send. bench:mail's burst went as fast with 1,024.
 */
export const MAX_HELD_FIRST_ATTEMPTS = 256;

/**
 * Sends one delivery row over SMTP. The row says `sending` (attempt counted) before the call and
 * `sent` or the error after it; a row already sent is never sent again.
 *
 * A mail's first attempt needs no job: the composer records the new row as `sending` (attempt 1)
 * and hands the rendered mail over (`sendFirstAttempt`), which sends it from memory as soon as a
 * send slot is free. Only a mail that needs another attempt gets a DeliverMail job, with the
 * attempts the policy has left. That spares every mail a job's round trips and the second read
 * of its row (bench:mail).
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);
  private readonly repository: MailDeliveryRepository;
  private readonly slots: SendSlots;
  private readonly claims: GroupCommit<string, ClaimedDelivery | null>;
  private readonly sentMarks: GroupCommit<{ delivery: ClaimedDelivery; note: string | null }, null>;
  private readonly firstAttempts: HeldMail<ClaimedDelivery>;

  constructor(
    dataSource: DataSource,
    config: ConfigService<DubanConfig, true>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @InjectQueue(QueueName.MailDelivery) private readonly deliveryQueue: Queue,
    @Inject(DELIVER_RETRY) private readonly deliverRetry: DeliverRetry,
  ) {
    this.repository = new MailDeliveryRepository(dataSource);
    this.slots = new SendSlots(config.get('smtp', { infer: true }).maxConnections);
    this.claims = new GroupCommit((ids) => this.repository.claim(ids), BATCHING);
    this.sentMarks = new GroupCommit(async (sent) => {
      await this.repository.markSent(sent);
      return sent.map(() => null);
    }, BATCHING);
    this.firstAttempts = new HeldMail({
      send: (delivery) => this.firstAttempt(delivery),
      touch: (ids) => this.repository.touch(ids),
      onError: (error, delivery) =>
        this.logger.warn(
          delivery
            ? `Mail ${delivery.id}: first attempt not finished, the recovery will take it over: ${String(error)}`
            : `Could not refresh the mails being sent (the recovery may retry them): ${String(error)}`,
        ),
      maxHeld: MAX_HELD_FIRST_ATTEMPTS,
      touchEveryMs: HELD_MAIL_TOUCH_MS,
    });
  }

  /**
   * Takes over the first attempt of a row just recorded as `sending` (attempt 1) with this
   * content; resolves once there is room for it, before it is sent.
   */
  sendFirstAttempt(delivery: ClaimedDelivery): Promise<void> {
    return this.firstAttempts.hold(delivery);
  }

  /** Waits for every first attempt taken over to be sent and recorded (at shutdown). */
  drainFirstAttempts(): Promise<void> {
    return this.firstAttempts.drain();
  }

  /** The deliveries whose first attempt this process holds (not the recovery's to take). */
  heldFirstAttempts(): string[] {
    return this.firstAttempts.ids();
  }

  /**
   * A first attempt; one that may work later continues as a DeliverMail job (it throws only when
   * neither the outcome nor the job could be recorded: the recovery then finds the row).
   */
  private async firstAttempt(delivery: ClaimedDelivery): Promise<void> {
    const lastAttempt = firstAttemptIsLast(this.deliverRetry);
    try {
      await this.slots.run(() =>
        // A hold this process could not confirm of late (PostgreSQL out of reach) may have been
        // taken over: the mail is left to the recovery, which sends it once.
        this.firstAttempts.mayStillSend(delivery.id)
          ? this.send(delivery, lastAttempt)
          : Promise.resolve('skipped'),
      );
    } catch (error: unknown) {
      if (!(error instanceof TransientMailError)) {
        // A refusal (5xx) is recorded failed by send(); anything else is the recovery's.
        if (error instanceof UnrecoverableError) {
          return;
        }
        throw error;
      }
      if (!lastAttempt) {
        const job = deliverMailJobAfterFirstAttempt(delivery.id, this.deliverRetry);
        await this.deliveryQueue.add(job.name, job.data, job.opts);
      }
    }
  }

  /**
   * @param lastAttempt true on the job's final attempt: a transient error then fails the row too.
   * @throws UnrecoverableError on a permanent (5xx) failure, so BullMQ stops retrying.
   * @throws TransientMailError on a transient failure, so BullMQ retries with backoff.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliverOutcome> {
    const delivery = await this.claims.run(deliveryId);
    if (!delivery) {
      const state = await this.repository.stateOf(deliveryId);
      return state === 'sent' ? 'already-sent' : 'skipped';
    }
    return this.slots.run(() => this.send(delivery, lastAttempt));
  }

  private async send(delivery: ClaimedDelivery, lastAttempt: boolean): Promise<DeliverOutcome> {
    const deliveryId = delivery.id;
    let receipt;
    try {
      receipt = await this.transport.send({
        messageId: delivery.messageId,
        to: delivery.recipients,
        cc: delivery.cc,
        subject: delivery.subject,
        text: delivery.textBody,
        html: delivery.htmlBody,
      });
    } catch (error: unknown) {
      const failure = classifySmtpError(error);
      if (failure.permanent) {
        await this.repository.markFailed(delivery, failure.reply);
        this.logger.warn(`Mail ${deliveryId} refused for good: ${failure.reply}`);
        throw new UnrecoverableError(`Mail ${deliveryId} refused by the server: ${failure.reply}`);
      }
      if (lastAttempt) {
        await this.repository.markFailed(
          delivery,
          `${failure.reply} (gave up after ${delivery.attempts} attempts)`,
        );
      } else {
        await this.repository.markRetrying(delivery, failure.reply);
      }
      throw new TransientMailError(deliveryId, failure.reply);
    }
    const note = receipt.rejected.length
      ? `accepted for ${receipt.accepted.join(', ')}; refused for ${receipt.rejected.join(', ')}`
      : null;
    await this.markSent(delivery, note);
    return 'sent';
  }

  /**
   * The server has the mail: only the record is missing. While PostgreSQL cannot be reached the
   * mark is tried again (the job stays active and keeps its lock) instead of failing the job,
   * whose retry would send the mail again.
   */
  private async markSent(delivery: ClaimedDelivery, note: string | null): Promise<void> {
    const giveUpAt = Date.now() + MARK_SENT_PATIENCE_MS;
    for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
      try {
        await this.sentMarks.run({ delivery, note });
        return;
      } catch (error: unknown) {
        if (!isDatabaseUnavailable(error) || Date.now() + wait > giveUpAt) {
          throw error;
        }
        this.logger.warn(
          `Mail ${delivery.id} sent; recording it waits for the database: ${(error as Error).message}`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

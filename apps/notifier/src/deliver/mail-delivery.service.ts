import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { DubanConfig } from '@duban/config';
import { GroupCommit, isDatabaseUnavailable } from '@duban/db';
import { MAIL_TRANSPORT, type MailTransport, SendSlots, classifySmtpError } from '@duban/mail';
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
 * Sends one delivery row over SMTP. The row says `sending` (attempt counted) before the call and
 * `sent` or the error after it; a row already sent is never sent again.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);
  private readonly repository: MailDeliveryRepository;
  private readonly slots: SendSlots;
  private readonly claims: GroupCommit<string, ClaimedDelivery | null>;
  private readonly sentMarks: GroupCommit<{ delivery: ClaimedDelivery; note: string | null }, null>;

  constructor(
    dataSource: DataSource,
    config: ConfigService<DubanConfig, true>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {
    this.repository = new MailDeliveryRepository(dataSource);
    this.slots = new SendSlots(config.get('smtp', { infer: true }).maxConnections);
    this.claims = new GroupCommit((ids) => this.repository.claim(ids), BATCHING);
    this.sentMarks = new GroupCommit(async (sent) => {
      await this.repository.markSent(sent);
      return sent.map(() => null);
    }, BATCHING);
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

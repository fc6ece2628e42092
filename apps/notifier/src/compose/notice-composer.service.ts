import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { shanghaiInstantOf, type WorkingDayCalendar } from '@duban/calendar';
import type { DubanConfig } from '@duban/config';
import { GroupCommit } from '@duban/db';
import { JobName, type JobPayloads, QueueName } from '@duban/contracts';
import {
  type DeliverRetry,
  deliverMailJob,
  noticeMessageId,
  renderNoticeMail,
  type NoticeItem,
} from '@duban/mail';
import { copyToFor, type ReminderPolicy } from '@duban/reminders';
import type { ClaimedDelivery } from '../deliver/mail-delivery.repository';
import { MailDeliveryService } from '../deliver/mail-delivery.service';
import { DELIVER_RETRY, REMINDER_POLICY, WORKING_DAY_CALENDAR } from '../notifier.tokens';
import {
  type DepartmentRow,
  FiredNoticesQuery,
  type FiredNoticeRow,
  type NewDelivery,
} from './fired-notices.query';
import { staleReason } from './notice-staleness';

export interface ComposeResult {
  /** The delivery written by this run, or null when there was nothing new to mail. */
  deliveryId: string | null;
  reminders: number;
  cancelled: number;
  /** Pending deliveries of an earlier run (waiting for a retry) handed to DeliverMail jobs again. */
  enqueued: number;
}

/** A request's result and the mail it wrote, whose first attempt its job hands over. */
interface Composed {
  readonly result: ComposeResult;
  readonly firstAttempt: ClaimedDelivery | null;
}

const DAY_MS = 86_400_000;

type ComposeRequest = JobPayloads[typeof JobName.ComposeNotices];

/** What one request comes to inside the transaction. */
interface Draft {
  stale: string[];
  live: number;
  delivery: NewDelivery | null;
}

/**
 * Compose jobs running together are decided and written in one transaction. A compose job ends
 * as soon as its mail is handed over, so in a burst the worker takes the next jobs one by one as
 * fast as the sends make room: each batch waits up to 10 ms for company. Without that wait the
 * batches held about 3 requests and their six statements each were most of the notifier's
 * PostgreSQL work (bench:mail burst: 3,400 batches for 10,000 mails; with it, 700–800, and
 * 660–710 mails/s instead of 580–600).
 */
const BATCHING = { maxBatch: 32, maxInFlight: 2, gatherMs: 10 };

/**
 * Compose jobs the mail queue's worker runs at once. A compose job mostly waits for its batch's
 * transaction (and, when the sends fall behind, for room among the held first attempts), so
 * holding many is cheap, and only jobs in flight can share a batch: with 20 the batches held
 * about 7 requests (bench:mail burst 545 mails/s over three runs), with 64 they fill up (587
 * mails/s; 128 gave no more). Every PostgreSQL and Redis round trip costs the one Node thread a
 * socket write, and those writes are much of its time.
 */
export const COMPOSE_CONCURRENCY = 2 * BATCHING.maxBatch;

/**
 * Decide and render: a department's fired reminders of one day become one mail_deliveries row
 * (a digest for two or more) in one transaction with the cancellation of stale ones. The row is
 * written as `sending`, its first attempt counted, and after the commit the job hands the mail to
 * MailDeliveryService to send from memory. Running it again finds no unmailed reminders and only
 * re-enqueues a delivery pending a retry, so a retried or duplicated compose job never writes a
 * second mail. Compose jobs running at once share that transaction (one lock, one read, one
 * insert for all their departments).
 */
@Injectable()
export class NoticeComposerService {
  private readonly logger = new Logger(NoticeComposerService.name);
  private readonly query = new FiredNoticesQuery();
  private readonly batches = new GroupCommit<ComposeRequest, Composed>(
    (requests) => this.composeBatch(requests),
    BATCHING,
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<DubanConfig, true>,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @InjectQueue(QueueName.MailDelivery) private readonly deliveryQueue: Queue,
    @Inject(DELIVER_RETRY) private readonly deliverRetry: DeliverRetry,
    private readonly delivery: MailDeliveryService,
  ) {}

  /**
   * Composes the request's mail and hands it over for its first attempt; resolves once the
   * sender has taken it (not once it is sent), so that composing runs ahead of the sends.
   */
  async compose(request: ComposeRequest): Promise<ComposeResult> {
    const { result, firstAttempt } = await this.batches.run(request);
    if (firstAttempt) {
      await this.delivery.sendFirstAttempt(firstAttempt);
    }
    return result;
  }

  private async composeBatch(requests: readonly ComposeRequest[]): Promise<Composed[]> {
    // Two requests of one department (two days, or the recovery's beside the scheduler's) must
    // each see the other's mail, as one after the other would: they go one at a time.
    if (new Set(requests.map((r) => r.departmentId)).size === requests.length) {
      return this.composeTogether(requests);
    }
    const results: Composed[] = [];
    for (const request of requests) {
      results.push(...(await this.composeTogether([request])));
    }
    return results;
  }

  /** Requests of distinct departments in one transaction. */
  private async composeTogether(requests: readonly ComposeRequest[]): Promise<Composed[]> {
    const outcomes = await this.dataSource.transaction(async (manager) => {
      const departments = await this.query.lockDepartments(
        manager,
        requests.map((r) => r.departmentId),
      );
      const rows = await this.query.unmailed(
        manager,
        requests
          .filter((r) => departments.has(r.departmentId))
          .map((r) => ({
            departmentId: r.departmentId,
            firedBefore: new Date(shanghaiInstantOf(r.day).getTime() + DAY_MS),
          })),
      );
      const drafts = requests.map((r) =>
        this.draft(r, departments.get(r.departmentId), rows.get(r.departmentId) ?? []),
      );
      await this.query.cancel(
        manager,
        drafts.flatMap((d) => d.stale),
      );
      const inserted = await this.query.insertDeliveries(
        manager,
        drafts.flatMap((d) => (d.delivery ? [d.delivery] : [])),
      );
      await this.query.markFailed(
        manager,
        drafts.flatMap((d) => (d.delivery?.state === 'failed' ? d.delivery.reminderIds : [])),
      );
      return drafts.map((d) => {
        const deliveryId = d.delivery ? (inserted.get(d.delivery.messageId) ?? null) : null;
        return {
          deliveryId,
          firstAttempt:
            d.delivery?.state === 'sending' && deliveryId
              ? firstAttemptOf(deliveryId, d.delivery)
              : null,
          reminders: d.live,
          cancelled: d.stale.length,
        };
      });
    });
    // A run that found nothing new may be the retry of one whose mail waits for a retry that a
    // flushed Redis lost: it enqueues the department's pending mail again (jobIds make this
    // harmless when the job is still there). A mail still `sending` is held by the notifier that
    // wrote it, or is taken over by the recovery once its holder stops touching it.
    const idle = requests.filter((_, i) => !outcomes[i].deliveryId).map((r) => r.departmentId);
    const unsent = idle.length
      ? await this.query.pendingDeliveryIds(this.dataSource.manager, idle)
      : new Map<string, string[]>();
    const pending = outcomes.map(({ deliveryId }, i) =>
      deliveryId ? [] : (unsent.get(requests[i].departmentId) ?? []),
    );
    const requeued = pending.flat();
    if (requeued.length > 0) {
      await this.deliveryQueue.addBulk(
        requeued.map((deliveryId) => deliverMailJob(deliveryId, this.deliverRetry)),
      );
    }
    return outcomes.map((outcome, i) => {
      if (outcome.cancelled) {
        this.logger.log(
          `${outcome.cancelled} stale reminder(s) of ${requests[i].departmentId} cancelled`,
        );
      }
      return {
        result: {
          deliveryId: outcome.deliveryId,
          reminders: outcome.reminders,
          cancelled: outcome.cancelled,
          enqueued: pending[i].length,
        },
        firstAttempt: outcome.firstAttempt,
      };
    });
  }

  /** The stale reminders to cancel and the mail of the live ones, for one department's day. */
  private draft(
    { departmentId, day }: ComposeRequest,
    department: DepartmentRow | undefined,
    rows: readonly FiredNoticeRow[],
  ): Draft {
    if (!department) {
      return { stale: [], live: 0, delivery: null };
    }
    const stale = rows.filter((row) => staleReason({ ...row, day }) !== null);
    const live = rows.filter((row) => !stale.includes(row));
    const staleIds = stale.map((row) => row.reminderId);
    if (live.length === 0) {
      return { stale: staleIds, live: 0, delivery: null };
    }
    const reminderIds = live.map((row) => row.reminderId);
    const rendered = renderNoticeMail({
      departmentName: department.name,
      day,
      baseUrl: this.config.get('mail', { infer: true }).baseUrl,
      items: live.map((row) => this.toItem(row, day)),
    });
    const recipients = department.emails;
    // The ladder's copy-to rule (the office from orange on, by default), once per address.
    const cc = [...new Set(live.flatMap((row) => copyToFor(this.policy, row.kind)))].filter(
      (address) => !recipients.includes(address),
    );
    const noAddress = recipients.length === 0;
    return {
      stale: staleIds,
      live: live.length,
      delivery: {
        messageId: noticeMessageId(departmentId, day, reminderIds),
        departmentId,
        reminderIds,
        recipients,
        cc,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        state: noAddress ? 'failed' : 'sending',
        lastError: noAddress
          ? `部门“${department.name}”没有登记邮箱地址，邮件无法发出；请在部门目录中补充邮箱后重发`
          : null,
      },
    };
  }

  private toItem(row: FiredNoticeRow, day: string): NoticeItem {
    const left = row.deadline
      ? this.calendar.workingDaysBetween(day, row.deadline, { provisional: true })
      : null;
    return {
      kind: row.kind,
      taskId: row.taskId,
      taskNumber: row.taskNumber,
      taskTitle: row.taskTitle,
      planTitle: row.planTitle,
      // staleReason has refused rows without a role
      role: row.role ?? 'lead',
      deadline: row.deadline,
      workingDaysLeft: left ? left.value : null,
      provisional: left ? left.provisional : false,
      noticeNumber: row.noticeNumber,
    };
  }
}

/** The new row's content as its first attempt sends it (the row says attempt 1). */
function firstAttemptOf(id: string, delivery: NewDelivery): ClaimedDelivery {
  const { messageId, recipients, cc, subject, textBody, htmlBody, reminderIds } = delivery;
  return { id, messageId, recipients, cc, subject, textBody, htmlBody, reminderIds, attempts: 1 };
}

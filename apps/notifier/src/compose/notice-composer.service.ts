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
  /** Deliveries handed to DeliverMail jobs (new and any still pending from an earlier run). */
  enqueued: number;
}

const DAY_MS = 86_400_000;

type ComposeRequest = JobPayloads[typeof JobName.ComposeNotices];

/** What one request comes to inside the transaction. */
interface Draft {
  stale: string[];
  live: number;
  delivery: NewDelivery | null;
}

/** Compose jobs running together are decided in one transaction and enqueued in one addBulk. */
const BATCHING = { maxBatch: 32, maxInFlight: 2 };

/**
 * Compose jobs the mail queue's worker runs at once. A compose job mostly waits for its batch's
 * transaction, so holding many is cheap, and only jobs in flight can share a batch: with 20 the
 * batches held about 7 requests (bench:mail burst 545 mails/s over three runs), with 64 they
 * fill up (587 mails/s; 128 gave no more). Every PostgreSQL and Redis round trip costs the one
 * Node thread a socket write, and those writes are much of its time.
 */
export const COMPOSE_CONCURRENCY = 2 * BATCHING.maxBatch;

/**
 * Decide and render: a department's fired reminders of one day become one mail_deliveries row
 * (a digest for two or more) in one transaction with the cancellation of stale ones. Running it
 * again finds no unmailed reminders and only re-enqueues the pending delivery, so a retried or
 * duplicated compose job never writes a second mail. Compose jobs running at once share that
 * transaction (one lock, one read, one insert for all their departments).
 */
@Injectable()
export class NoticeComposerService {
  private readonly logger = new Logger(NoticeComposerService.name);
  private readonly query = new FiredNoticesQuery();
  private readonly batches = new GroupCommit<ComposeRequest, ComposeResult>(
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
  ) {}

  compose(request: ComposeRequest): Promise<ComposeResult> {
    return this.batches.run(request);
  }

  private async composeBatch(requests: readonly ComposeRequest[]): Promise<ComposeResult[]> {
    // Two requests of one department (two days, or the recovery's beside the scheduler's) must
    // each see the other's mail, as one after the other would: they go one at a time.
    if (new Set(requests.map((r) => r.departmentId)).size === requests.length) {
      return this.composeTogether(requests);
    }
    const results: ComposeResult[] = [];
    for (const request of requests) {
      results.push(...(await this.composeTogether([request])));
    }
    return results;
  }

  /** Requests of distinct departments in one transaction, their deliver jobs in one addBulk. */
  private async composeTogether(requests: readonly ComposeRequest[]): Promise<ComposeResult[]> {
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
          queued: d.delivery?.state === 'pending' ? deliveryId : null,
          reminders: d.live,
          cancelled: d.stale.length,
        };
      });
    });
    // A run that wrote a mail enqueues it. A run that found nothing new may be the retry of one
    // that committed and died before enqueueing: it enqueues whatever of the department is unsent.
    const unqueued = requests.filter((_, i) => !outcomes[i].queued).map((r) => r.departmentId);
    const unsent = unqueued.length
      ? await this.query.pendingDeliveryIds(this.dataSource.manager, unqueued)
      : new Map<string, string[]>();
    const pending = outcomes.map(({ queued }, i) =>
      queued ? [queued] : (unsent.get(requests[i].departmentId) ?? []),
    );
    await this.deliveryQueue.addBulk(
      pending.flat().map((deliveryId) => deliverMailJob(deliveryId, this.deliverRetry)),
    );
    return outcomes.map((outcome, i) => {
      if (outcome.cancelled) {
        this.logger.log(
          `${outcome.cancelled} stale reminder(s) of ${requests[i].departmentId} cancelled`,
        );
      }
      return {
        deliveryId: outcome.deliveryId,
        reminders: outcome.reminders,
        cancelled: outcome.cancelled,
        enqueued: pending[i].length,
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
        state: noAddress ? 'failed' : 'pending',
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

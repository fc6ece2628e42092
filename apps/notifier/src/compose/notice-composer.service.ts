import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { shanghaiInstantOf, type WorkingDayCalendar } from '@duban/calendar';
import type { DubanConfig } from '@duban/config';
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
import { FiredNoticesQuery, type FiredNoticeRow } from './fired-notices.query';
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

/**
 * Decide and render: a department's fired reminders of one day become one mail_deliveries row
 * (a digest for two or more) in one transaction with the cancellation of stale ones. Running it
 * again finds no unmailed reminders and only re-enqueues the pending delivery, so a retried or
 * duplicated compose job never writes a second mail.
 */
@Injectable()
export class NoticeComposerService {
  private readonly logger = new Logger(NoticeComposerService.name);
  private readonly query = new FiredNoticesQuery();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<DubanConfig, true>,
    @Inject(WORKING_DAY_CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue,
    @Inject(DELIVER_RETRY) private readonly deliverRetry: DeliverRetry,
  ) {}

  async compose({
    departmentId,
    day,
  }: JobPayloads[typeof JobName.ComposeNotices]): Promise<ComposeResult> {
    const mail = this.config.get('mail', { infer: true });
    const firedBefore = new Date(shanghaiInstantOf(day).getTime() + DAY_MS);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const department = await this.query.lockDepartment(manager, departmentId);
      if (!department) {
        return { deliveryId: null, queued: null, reminders: 0, cancelled: 0 };
      }
      const rows = await this.query.unmailed(manager, departmentId, firedBefore);
      const stale = rows.filter((row) => staleReason({ ...row, day }) !== null);
      await this.query.cancel(
        manager,
        stale.map((row) => row.reminderId),
      );
      const live = rows.filter((row) => !stale.includes(row));
      if (live.length === 0) {
        return { deliveryId: null, queued: null, reminders: 0, cancelled: stale.length };
      }
      const reminderIds = live.map((row) => row.reminderId);
      const rendered = renderNoticeMail({
        departmentName: department.name,
        day,
        baseUrl: mail.baseUrl,
        items: live.map((row) => this.toItem(row, day)),
      });
      const recipients = department.emails;
      // The ladder's copy-to rule (the office from orange on, by default), once per address.
      const cc = [...new Set(live.flatMap((row) => copyToFor(this.policy, row.kind)))].filter(
        (address) => !recipients.includes(address),
      );
      const noAddress = recipients.length === 0;
      const deliveryId = await this.query.insertDelivery(manager, {
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
      });
      if (noAddress) {
        await this.query.markFailed(manager, reminderIds);
      }
      return {
        deliveryId,
        queued: noAddress ? null : deliveryId,
        reminders: live.length,
        cancelled: stale.length,
      };
    });
    // A run that wrote a mail enqueues it. A run that found nothing new may be the retry of one
    // that committed and died before enqueueing: it enqueues whatever of the department is unsent.
    const pending = outcome.queued
      ? [outcome.queued]
      : await this.query.pendingDeliveryIds(this.dataSource.manager, departmentId);
    await this.mailQueue.addBulk(
      pending.map((deliveryId) => deliverMailJob(deliveryId, this.deliverRetry)),
    );
    if (outcome.cancelled) {
      this.logger.log(`${outcome.cancelled} stale reminder(s) of ${departmentId} cancelled`);
    }
    return {
      deliveryId: outcome.deliveryId,
      reminders: outcome.reminders,
      cancelled: outcome.cancelled,
      enqueued: pending.length,
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

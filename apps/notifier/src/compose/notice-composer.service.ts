import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { shanghaiInstantOf, type WorkingDayCalendar } from '@duban/calendar';
import type { DubanConfig } from '@duban/config';
import {
  JOB_POLICY,
  JobName,
  type JobPayloads,
  QueueName,
  deliverMailJobId,
} from '@duban/contracts';
import { copiesOffice, noticeMessageId, renderNoticeMail, type NoticeItem } from '@duban/mail';
import {
  DELIVER_JOB_OPTIONS,
  type DeliverJobOptions,
  WORKING_DAY_CALENDAR,
} from '../notifier.tokens';
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
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue,
    @Inject(DELIVER_JOB_OPTIONS) private readonly deliverJobOptions: DeliverJobOptions,
  ) {}

  async compose({
    departmentId,
    day,
  }: JobPayloads[typeof JobName.ComposeNotices]): Promise<ComposeResult> {
    const mail = this.config.get('mail', { infer: true });
    const firedBefore = new Date(shanghaiInstantOf(day).getTime() + DAY_MS);
    const outcome = await this.dataSource.transaction(async (manager) => {
      await this.query.lockDepartment(manager, departmentId);
      const department = await this.query.department(manager, departmentId);
      if (!department) {
        return { deliveryId: null, reminders: 0, cancelled: 0 };
      }
      const rows = await this.query.unmailed(manager, departmentId, firedBefore);
      const stale = rows.filter((row) => staleReason({ ...row, day }) !== null);
      await this.query.cancel(
        manager,
        stale.map((row) => row.reminderId),
      );
      const live = rows.filter((row) => !stale.includes(row));
      if (live.length === 0) {
        return { deliveryId: null, reminders: 0, cancelled: stale.length };
      }
      const reminderIds = live.map((row) => row.reminderId);
      const rendered = renderNoticeMail({
        departmentName: department.name,
        day,
        baseUrl: mail.baseUrl,
        items: live.map((row) => this.toItem(row, day)),
      });
      const recipients = department.emails;
      const cc =
        live.some((row) => copiesOffice(row.kind)) && !recipients.includes(mail.officeAddress)
          ? [mail.officeAddress]
          : [];
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
      return { deliveryId, reminders: live.length, cancelled: stale.length };
    });
    const pending = await this.query.pendingDeliveryIds(this.dataSource.manager, departmentId);
    await this.mailQueue.addBulk(
      pending.map((deliveryId) => ({
        name: JobName.DeliverMail,
        data: { deliveryId } satisfies JobPayloads[typeof JobName.DeliverMail],
        opts: {
          jobId: deliverMailJobId(deliveryId),
          ...this.deliverJobOptions,
          removeOnComplete: JOB_POLICY.removeOnComplete,
          removeOnFail: JOB_POLICY.removeOnFail,
        },
      })),
    );
    if (outcome.cancelled) {
      this.logger.log(`${outcome.cancelled} stale reminder(s) of ${departmentId} cancelled`);
    }
    return { ...outcome, enqueued: pending.length };
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

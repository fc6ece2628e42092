import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';

export type Delivery = components['schemas']['DeliveryDto'];
export type Reminder = components['schemas']['ReminderDto'];
export type MailTab = 'mail' | 'reminders';

export const DELIVERY_STATE_LABELS: Record<Delivery['state'], string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
};

export const REMINDER_STATE_LABELS: Record<Reminder['state'], string> = {
  scheduled: '待发出',
  cancelled: '已取消',
  fired: '已生成邮件',
  sent: '已发送',
  failed: '发送失败',
};

export const REMINDER_KIND_LABELS: Record<Reminder['kind'], string> = {
  acknowledgement: '签收提醒',
  pre_deadline: '到期前提醒',
  due_day: '到期日提醒',
  notice_blue: '蓝色督办',
  notice_orange: '橙色督办',
  notice_red: '红色督办',
  report_due: '进展报送提醒',
  report_missed: '进展未报提醒',
};

export const STATE_COLORS: Record<string, string | undefined> = {
  failed: 'error',
  pending: 'processing',
  sending: 'processing',
  scheduled: 'default',
  fired: 'processing',
  sent: 'success',
  cancelled: undefined,
};

/** The page's tab from ?tab= (mail unless reminders is asked for). */
export function mailTabOf(param: string | null): MailTab {
  return param === 'reminders' ? 'reminders' : 'mail';
}

/**
 * What needs the office's hand first: the failed ones, then the rest, each group in the api's
 * order (newest mail first). A stable sort, so the order within a group is kept.
 */
export function failedFirst<T extends { state: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Number(b.state === 'failed') - Number(a.state === 'failed'));
}

/** Mail still on its way: the list is read again every few seconds until it settles. */
export function stillSending(rows: ReadonlyArray<{ state: string }>): boolean {
  return rows.some((row) => row.state === 'pending' || row.state === 'sending');
}

/**
 * A resend the api refused with 409 was no longer failed: someone (or this page, clicked
 * twice) already put it back on the queue under the same key. That is the resend's effect,
 * not an error; other refusals are errors.
 */
export function resendAlreadyDone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

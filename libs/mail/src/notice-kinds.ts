import type { ReminderKind } from '@duban/db';

/** The three 督办单 colour levels of the escalation ladder. */
export type NoticeLevel = 'blue' | 'orange' | 'red';

export interface KindInfo {
  /** How the office names the reminder in a mail. */
  label: string;
  /** Set for the numbered 督办单 notices only. */
  level: NoticeLevel | null;
}

export const KIND_INFO: Record<ReminderKind, KindInfo> = {
  acknowledgement: { label: '签收提醒', level: null },
  pre_deadline: { label: '到期前提醒', level: null },
  due_day: { label: '到期当日提醒', level: null },
  notice_blue: { label: '蓝色提醒', level: 'blue' },
  notice_orange: { label: '橙色预警', level: 'orange' },
  notice_red: { label: '红色督办（限期办结）', level: 'red' },
  report_due: { label: '进展报送提醒', level: null },
  report_missed: { label: '进展漏报通知', level: null },
};

export const LEVEL_INFO: Record<NoticeLevel, { name: string; colour: string }> = {
  blue: { name: '蓝色', colour: '#1d5fbf' },
  orange: { name: '橙色', colour: '#d97000' },
  red: { name: '红色', colour: '#c62828' },
};

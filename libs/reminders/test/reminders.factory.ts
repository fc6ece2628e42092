import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { chineseDaysArrangements, WorkingDayCalendar } from '@duban/calendar';
import type { PlannerAssignment, PlannerTask } from '../src/reminder-planner';
import type { ReminderPolicy } from '../src/policy.schema';

/** The official arrangements 2016–2026 (the package data, no override files). */
export const officialCalendar = WorkingDayCalendar.fromArrangements(
  chineseDaysArrangements(chineseDaysData),
);

/** The policy of config/reminders.yaml as shipped, with `overrides` applied on top. */
export function policyFactory(overrides: Partial<ReminderPolicy> = {}): ReminderPolicy {
  return {
    timezone: 'Asia/Shanghai',
    fireTime: '09:00',
    acknowledgement: { enabled: true, withinWorkingDays: 2 },
    preDeadline: { workingDaysBefore: [7, 3] },
    dueDay: { enabled: true },
    ladder: [
      { kind: 'notice_blue', label: '蓝色提醒', workingDaysOverdue: 0, copyToOffice: false },
      { kind: 'notice_orange', label: '橙色预警', workingDaysOverdue: 3, copyToOffice: true },
      {
        kind: 'notice_red',
        label: '红色督办',
        workingDaysOverdue: 10,
        copyToOffice: true,
        demand: '限期办结',
      },
    ],
    noticeNumber: { format: '督办〔{year}〕{number}号' },
    office: { name: '督查室', email: 'duchashi@duban.local' },
    progressReports: {
      enabled: true,
      dueDayOfMonth: 28,
      remindWorkingDaysBefore: 3,
      missedNotice: true,
    },
    sweep: { cron: '30 0 * * *', watchdogSeconds: 60 },
    digestWindowSeconds: 60,
    ...overrides,
  };
}

/** Only the deadline reminders: no acknowledgement, no progress reports. */
export function deadlineOnlyPolicy(overrides: Partial<ReminderPolicy> = {}): ReminderPolicy {
  const base = policyFactory();
  return policyFactory({
    acknowledgement: { ...base.acknowledgement, enabled: false },
    progressReports: { ...base.progressReports, enabled: false },
    ...overrides,
  });
}

export const TASK_ID = '11111111-1111-4111-8111-111111111111';
export const DEPARTMENT_ID = '22222222-2222-4222-8222-222222222222';

export function taskFactory(overrides: Partial<PlannerTask> = {}): PlannerTask {
  return { id: TASK_ID, deadline: null, recurrence: 'none', status: 'open', ...overrides };
}

export function assignmentFactory(overrides: Partial<PlannerAssignment> = {}): PlannerAssignment {
  return {
    departmentId: DEPARTMENT_ID,
    role: 'lead',
    assignedAt: new Date('2026-01-05T02:00:00Z'),
    acknowledgedAt: new Date('2026-01-05T03:00:00Z'),
    ...overrides,
  };
}

/** 09:00 Beijing time on `date`, i.e. 01:00 UTC. */
export function nineAm(date: string): string {
  return `${date}T01:00:00.000Z`;
}

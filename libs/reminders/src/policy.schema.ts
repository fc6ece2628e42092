import { z } from 'zod';
import type { ReminderKind } from '@duban/db';

/** The 督办单 kinds, mildest first; each one is a numbered notice. */
export const NOTICE_KINDS = [
  'notice_blue',
  'notice_orange',
  'notice_red',
] as const satisfies readonly ReminderKind[];
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day written HH:mm, e.g. "09:00"');

// Five fields (minute hour day month weekday) or six (with seconds first), as BullMQ's cron reads them.
const cronPattern = z
  .string()
  .trim()
  .refine((value) => [5, 6].includes(value.split(/\s+/).length), {
    message: 'expected a cron pattern of 5 or 6 fields, e.g. "30 0 * * *"',
  })
  .refine((value) => value.split(/\s+/).every((field) => /^[\d*/,\-?LW#A-Za-z]+$/.test(field)), {
    message: 'expected cron fields made of digits, * / , - ? L W #',
  });

const ladderStep = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  /** 蓝色提醒, 橙色预警, 红色督办 */
  label: z.string().trim().min(1),
  /** Working days after the due day; 0 is the due day itself. */
  workingDaysOverdue: z.number().int().min(0).max(250),
  /** Whether the office is copied on this notice. */
  copyToOffice: z.boolean(),
  /** The demand printed on the notice, e.g. 限期办结. */
  demand: z.string().trim().min(1).optional(),
});

/**
 * The reminder policy (config/reminders.yaml). Every number that decides when a department is
 * reminded lives here; the planner reads nothing else.
 */
export const reminderPolicySchema = z.strictObject({
  /** Deadlines, working days and fire times are read in this zone (the calendar's: UTC+8). */
  timezone: z.literal('Asia/Shanghai'),
  /** Local time of day at which every reminder fires. */
  fireTime: localTime,
  acknowledgement: z.strictObject({
    enabled: z.boolean(),
    /** 签收 is due within this many working days after the assignment day. */
    withinWorkingDays: z.number().int().min(1).max(60),
  }),
  preDeadline: z.strictObject({
    workingDaysBefore: z
      .array(z.number().int().min(1).max(250))
      .refine((list) => new Set(list).size === list.length, { message: 'lists an offset twice' }),
  }),
  dueDay: z.strictObject({ enabled: z.boolean() }),
  ladder: z
    .array(ladderStep)
    .refine((steps) => new Set(steps.map((s) => s.kind)).size === steps.length, {
      message: 'lists a notice kind twice',
    })
    .refine(
      (steps) =>
        steps.every(
          (step, i) => i === 0 || step.workingDaysOverdue > steps[i - 1].workingDaysOverdue,
        ),
      { message: 'steps must escalate: each one more working days overdue than the one before' },
    ),
  noticeNumber: z.strictObject({
    /** `{year}` and `{number}` are replaced, e.g. 督办〔{year}〕{number}号. */
    format: z.string().refine((value) => value.includes('{year}') && value.includes('{number}'), {
      message: 'expected a format containing {year} and {number}',
    }),
  }),
  office: z.strictObject({
    name: z.string().trim().min(1),
    email: z
      .string()
      .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'expected a plain mail address such as ducha@example.gov.cn'),
  }),
  progressReports: z.strictObject({
    enabled: z.boolean(),
    /** Reports are due monthly by this day (1–28, so that every month has it). */
    dueDayOfMonth: z.number().int().min(1).max(28),
    /** The report-due reminder fires this many working days before the due day. */
    remindWorkingDaysBefore: z.number().int().min(1).max(20),
    /** A missed-report notice on the first working day after the due day. */
    missedNotice: z.boolean(),
  }),
  sweep: z.strictObject({
    /** When the daily sweep runs, read in `timezone`. */
    cron: cronPattern,
    /** How often the scheduler checks that Redis still holds the sweep's job scheduler. */
    watchdogSeconds: z.number().int().min(5).max(3600),
  }),
  /** Fired notices of one department and day wait this long, so they leave as one mail. */
  digestWindowSeconds: z.number().int().min(0).max(3600),
});

export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;
export type LadderStep = ReminderPolicy['ladder'][number];

import {
  shanghaiDateOf,
  shanghaiInstantOf,
  type IsoDate,
  type ProvisionalAnswer,
  type WorkingDayCalendar,
} from '@duban/calendar';
import type { AssignmentRole } from '@duban/contracts';
import { isOpenTaskStatus, type Recurrence, type ReminderKind, type TaskStatus } from '@duban/db';
import type { ReminderPolicy } from './policy.schema';
import { periodOf, reportCycle, shiftPeriod } from './report-cycle';

export interface PlannerTask {
  id: string;
  deadline: IsoDate | null;
  recurrence: Recurrence;
  status: TaskStatus;
  /** A task's own monthly report day; the policy's `dueDayOfMonth` when absent. */
  reportDueDayOfMonth?: number | null;
}

export interface PlannerAssignment {
  departmentId: string;
  role: AssignmentRole;
  assignedAt: Date;
  acknowledgedAt: Date | null;
}

export interface PlannedReminder {
  /** `${taskId}:${departmentId}:${kind}:${fireAt ISO}`: the row's identity (its unique columns) as one value. */
  key: string;
  taskId: string;
  departmentId: string;
  kind: ReminderKind;
  fireAt: Date;
  /** Some date it depends on lies in a year whose holidays are not loaded (weekends only). */
  provisional: boolean;
  /** The deadline the reminder is about (the current occurrence for a yearly task). */
  deadline: IsoDate | null;
  /** The progress-report period (YYYY-MM) of report_due and report_missed. */
  period: string | null;
}

export interface PlanInput {
  task: PlannerTask;
  assignment: PlannerAssignment;
  policy: ReminderPolicy;
  calendar: WorkingDayCalendar;
  now: Date;
}

const PROVISIONAL = { provisional: true } as const;

function reminderKey(
  taskId: string,
  departmentId: string,
  kind: ReminderKind,
  fireAt: Date,
): string {
  return `${taskId}:${departmentId}:${kind}:${fireAt.toISOString()}`;
}

/**
 * The reminder rows that should exist for one task × department at `now`.
 *
 * - Only tasks still owed (open, completion pending) are reminded.
 * - Every reminder fires at the policy's `fireTime` (Asia/Shanghai) on a working day.
 * - A reminder whose time has passed is left out, unless it is due today: a task assigned or
 *   re-planned at 10:00 still gets the notice of 09:00 that day, at once.
 * - Dates in a year whose holidays are not loaded are computed from weekends and marked provisional.
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const { task, assignment, policy, calendar, now } = input;
  // A task is reminded while it is still owed.
  if (!isOpenTaskStatus(task.status)) {
    return [];
  }
  const today = shanghaiDateOf(now);
  const planned: PlannedReminder[] = [];
  const add = (
    kind: ReminderKind,
    date: ProvisionalAnswer<IsoDate>,
    extra: { provisional?: boolean; deadline?: IsoDate | null; period?: string | null } = {},
  ): void => {
    const fireAt = shanghaiInstantOf(date.value, policy.fireTime);
    if (fireAt.getTime() < now.getTime() && date.value !== today) {
      return;
    }
    planned.push({
      key: reminderKey(task.id, assignment.departmentId, kind, fireAt),
      taskId: task.id,
      departmentId: assignment.departmentId,
      kind,
      fireAt,
      provisional: date.provisional || (extra.provisional ?? false),
      deadline: extra.deadline ?? null,
      period: extra.period ?? null,
    });
  };

  // 签收: due by the end of the n-th working day after the assignment day; reminded the next one.
  if (policy.acknowledgement.enabled && assignment.acknowledgedAt === null) {
    const assignedDay = shanghaiDateOf(assignment.assignedAt);
    add(
      'acknowledgement',
      calendar.addWorkingDays(
        assignedDay,
        policy.acknowledgement.withinWorkingDays + 1,
        PROVISIONAL,
      ),
    );
  }

  const deadline = currentDeadline(task, policy, calendar, today);
  if (deadline !== null) {
    // A deadline on a holiday or weekend is due on the next working day (顺延).
    const dueDay = calendar.addWorkingDays(deadline, 0, PROVISIONAL);
    const from = (n: number): ProvisionalAnswer<IsoDate> =>
      n === 0 ? dueDay : calendar.addWorkingDays(dueDay.value, n, PROVISIONAL);
    const extra = { provisional: dueDay.provisional, deadline };
    for (const before of [...policy.preDeadline.workingDaysBefore].sort((a, b) => b - a)) {
      add('pre_deadline', from(-before), extra);
    }
    if (policy.dueDay.enabled) {
      add('due_day', dueDay, extra);
    }
    for (const step of policy.ladder) {
      add(step.kind, from(step.workingDaysOverdue), extra);
    }
  }

  if (policy.progressReports.enabled) {
    const dueDayOfMonth = task.reportDueDayOfMonth ?? policy.progressReports.dueDayOfMonth;
    const assignedDay = shanghaiDateOf(assignment.assignedAt);
    // The first cycle whose last reminder is still ahead (or today), counting only cycles whose
    // reminder date the department was already assigned by. Last month's missed notice can
    // still be ahead early in a month, hence the start one month back.
    for (let months = -1; months <= 2; months++) {
      const cycle = reportCycle(
        shiftPeriod(periodOf(today), months),
        dueDayOfMonth,
        policy,
        calendar,
      );
      const lastDate = policy.progressReports.missedNotice ? cycle.missedDate : cycle.remindDate;
      if (cycle.remindDate.value < assignedDay || lastDate.value < today) {
        continue;
      }
      add('report_due', cycle.remindDate, { period: cycle.period });
      if (policy.progressReports.missedNotice) {
        add('report_missed', cycle.missedDate, { period: cycle.period });
      }
      break;
    }
  }

  return planned.sort(
    (a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.kind.localeCompare(b.kind),
  );
}

/**
 * The deadline the reminders are about. A one-off task has its own; a yearly (每年) task has one
 * occurrence per year on the same month and day (28 February for 29 February in other years),
 * and the current one is the first whose ladder has not finished by `today`.
 */
export function currentDeadline(
  task: PlannerTask,
  policy: ReminderPolicy,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): IsoDate | null {
  if (task.deadline === null || task.recurrence === 'none') {
    return task.deadline;
  }
  const lastStep = Math.max(0, ...policy.ladder.map((step) => step.workingDaysOverdue));
  const firstYear = Number(task.deadline.slice(0, 4));
  const lastYear = Math.max(firstYear, Number(today.slice(0, 4)) + 1);
  for (let year = firstYear; year <= lastYear; year++) {
    const occurrence = yearlyOccurrence(task.deadline, year);
    const dueDay = calendar.addWorkingDays(occurrence, 0, PROVISIONAL).value;
    const ladderEnd = calendar.addWorkingDays(dueDay, lastStep, PROVISIONAL).value;
    if (ladderEnd >= today) {
      return occurrence;
    }
  }
  return yearlyOccurrence(task.deadline, lastYear);
}

function yearlyOccurrence(deadline: IsoDate, year: number): IsoDate {
  const monthDay = deadline.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** The task's due day: the deadline, or the next working day when it falls on a day off. */
export function dueDayOf(
  deadline: IsoDate,
  calendar: WorkingDayCalendar,
): ProvisionalAnswer<IsoDate> {
  return calendar.addWorkingDays(deadline, 0, PROVISIONAL);
}

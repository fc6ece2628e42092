import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDateOf, shanghaiInstantOf } from '@duban/calendar';
import { realMsOf } from '@duban/clock';
import {
  formatNoticeNumber,
  isNoticeKind,
  planReminders,
  reportCycle,
  type ReminderPolicy,
} from '@duban/reminders';
import { CLOCK, type Clock, REMINDER_POLICY } from '../scheduler.tokens';
import { CalendarHolder } from './calendar.holder';
import { ReminderJobs } from './reminder-jobs';
import { ReminderRepository } from './reminder.repository';

/**
 * fired: marked fired (numbered if a 督办单) and handed to the notifier. refired: fired before,
 * its compose request repeated (a crash came between the commit and the request). stale: the
 * row or the task moved on; the row is cancelled if it was still scheduled. missing: no row.
 */
/** `early`: the job came before the row's time on the business clock (a simulated clock standing still). */
export type FireOutcome = 'fired' | 'refired' | 'stale' | 'missing' | 'early';

interface FireResult {
  outcome: FireOutcome;
  /** The notifier's compose request, made after the commit. */
  compose?: { departmentId: string; day: string };
}

const MS_PER_DAY = 86_400_000;

@Injectable()
export class ReminderFireService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReminderRepository,
    private readonly jobs: ReminderJobs,
    private readonly calendar: CalendarHolder,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Re-checks the row and its task in one transaction: the row must still be scheduled and the
   * planner, asked as of the row's fire time, must still want exactly this row (same task state,
   * deadline, assignment and acknowledgement); a report reminder is dropped once the report is in.
   */
  async fire(reminderId: string): Promise<FireOutcome> {
    const result = await this.dataSource.transaction(async (manager): Promise<FireResult> => {
      const row = await this.repository.lockReminder(manager, reminderId);
      if (!row) {
        return { outcome: 'missing' };
      }
      const day = shanghaiDateOf(row.fireAt);
      if (row.state === 'fired') {
        return { outcome: 'refired', compose: { departmentId: row.departmentId, day } };
      }
      if (row.state !== 'scheduled') {
        return { outcome: 'stale' };
      }
      if (row.fireAt.getTime() > this.clock.now().getTime()) {
        return { outcome: 'early' };
      }
      const task = await this.repository.task(manager, row.taskId);
      const [assignment] = task
        ? await this.repository.assignments(manager, row.taskId, [row.departmentId])
        : [];
      // The plan of this task and department only: its kind and fire time tell the row's reminder.
      const planned =
        task && assignment
          ? planReminders({
              task,
              assignment,
              policy: this.policy,
              calendar: this.calendar.current,
              now: new Date(row.fireAt.getTime() - 1),
            }).find((p) => p.kind === row.kind && p.fireAt.getTime() === row.fireAt.getTime())
          : undefined;
      const period = planned?.period ?? null;
      const reported =
        period !== null && (await this.reportedFor(manager, row.taskId, row.departmentId, period));
      if (!planned || reported) {
        await this.repository.cancelIds(manager, [row.id]);
        return { outcome: 'stale' };
      }
      const noticeNumber = isNoticeKind(row.kind)
        ? formatNoticeNumber(
            this.policy,
            Number(day.slice(0, 4)),
            await this.repository.nextNoticeNumber(manager, Number(day.slice(0, 4))),
          )
        : null;
      await this.repository.markFired(manager, row.id, noticeNumber);
      return { outcome: 'fired', compose: { departmentId: row.departmentId, day } };
    });
    // After the commit, so the notifier cannot look for the row before it is fired.
    if (result.compose) {
      await this.jobs.compose(
        result.compose.departmentId,
        result.compose.day,
        realMsOf(this.clock, this.policy.digestWindowSeconds * 1000),
      );
    }
    return result.outcome;
  }

  private reportedFor(
    manager: EntityManager,
    taskId: string,
    departmentId: string,
    period: string,
  ): Promise<boolean> {
    const cycle = reportCycle(
      period,
      this.policy.progressReports.dueDayOfMonth,
      this.policy,
      this.calendar.current,
    );
    return this.repository.reportExists(manager, {
      taskId,
      departmentId,
      period,
      from: shanghaiInstantOf(`${period}-01`),
      until: new Date(shanghaiInstantOf(cycle.dueDate).getTime() + MS_PER_DAY),
    });
  }
}

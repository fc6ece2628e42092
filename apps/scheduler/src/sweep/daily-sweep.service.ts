import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDateOf, shanghaiInstantOf, type WorkingDayCalendar } from '@duban/calendar';
import { OPEN_TASK_STATUSES } from '@duban/db';
import { type Change, OutboxRelayService, recordChanges } from '@duban/outbox';
import {
  currentDeadline,
  dueDayOf,
  lastClosedCycle,
  type PlannerTask,
  type ReminderPolicy,
} from '@duban/reminders';
import { CalendarHolder } from '../reminders/calendar.holder';
import { RECONCILE_BATCH, RECONCILE_CONCURRENCY } from '../reminders/reminder-job.options';
import { ReminderJobs } from '../reminders/reminder-jobs';
import { ReminderScheduleService } from '../reminders/reminder-schedule.service';
import { CLOCK, type Clock, REMINDER_POLICY } from '../scheduler.tokens';

export interface SweepSummary {
  day: string;
  /** TaskOverdue events recorded. */
  overdue: number;
  /** ReportMissed events recorded. */
  missedReports: number;
  /** Task × department schedules planned again (provisional dates, next report cycle). */
  replanned: number;
  /** Scheduled rows whose job Redis had lost, added again. */
  restoredJobs: number;
  /** Department days with fired notices no compose job picked up, asked again. */
  composeRequests: number;
  /** Published events a consumer has not applied (their job lost with Redis), added again. */
  republishedEvents: number;
}

const ACTOR = { userId: null, label: 'scheduler' };
const BATCH = 1000;
const MS_PER_DAY = 86_400_000;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
/** Fired rows untouched this long after their digest window have lost their compose job. */
const STRANDED_AFTER_SECONDS = 600;

/**
 * The daily sweep. Each step is idempotent, so a sweep run twice, or by two processes, changes
 * nothing the second time:
 * 1. reloads the working-day calendar (a new config/calendar/<year>.yaml counts from today);
 * 2. records TaskOverdue once per task and deadline for open tasks past their due day;
 * 3. records ReportMissed for last month's cycle (see recordMissedReports);
 * 4. re-plans tasks with provisional rows, and open assignments left without any scheduled row
 *    (their report cycle or yearly occurrence has run out and the next one is due);
 * 5. re-adds the job of every scheduled row that Redis does not hold;
 * 6. asks again for the compose of fired notices that no mail has picked up;
 * 7. adds again the jobs of published events a consumer has not applied (lost with Redis).
 */
@Injectable()
export class DailySweepService {
  private readonly logger = new Logger('DailySweep');

  constructor(
    private readonly dataSource: DataSource,
    private readonly schedule: ReminderScheduleService,
    private readonly jobs: ReminderJobs,
    private readonly calendarHolder: CalendarHolder,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: OutboxRelayService,
  ) {}

  async run(): Promise<SweepSummary> {
    const calendar = await this.calendarHolder.refresh();
    const day = shanghaiDateOf(this.clock.now());
    const summary: SweepSummary = {
      day,
      overdue: await this.markOverdue(day, calendar),
      missedReports: await this.recordMissedReports(day, calendar),
      replanned: (await this.replanProvisional()) + (await this.planNextCycles()),
      restoredJobs: await this.reconcile(),
      composeRequests: await this.requestStrandedComposes(),
      republishedEvents: await this.outbox.relay.republishUnapplied(),
    };
    this.logger.log(`sweep of ${day}: ${JSON.stringify(summary)}`);
    return summary;
  }

  /** Open tasks whose due day (of the current occurrence, for a yearly task) is before today. */
  async markOverdue(today: string, calendar: WorkingDayCalendar): Promise<number> {
    let recorded = 0;
    for (let after = ZERO_UUID; ;) {
      const tasks = await this.dataSource.query<PlannerTask[]>(
        `SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline, recurrence, status
           FROM tasks
          WHERE status = ANY ($1::text[]) AND deadline IS NOT NULL AND deadline < $2::date
            AND id > $3
          ORDER BY id LIMIT $4`,
        [OPEN_TASK_STATUSES, today, after, BATCH],
      );
      if (tasks.length === 0) {
        return recorded;
      }
      after = tasks[tasks.length - 1].id;
      const overdue = tasks.flatMap((task) => {
        const deadline = currentDeadline(task, this.policy, calendar, today);
        return deadline !== null && dueDayOf(deadline, calendar).value < today
          ? [{ taskId: task.id, deadline }]
          : [];
      });
      recorded += await this.recordOnce(
        'task_overdue',
        overdue.map((o) => ({
          subject: `${o.taskId}:${o.deadline}`,
          change: {
            actor: ACTOR,
            action: 'task.overdue',
            entityType: 'task',
            entityId: o.taskId,
            after: { deadline: o.deadline, detectedOn: today },
            events: [
              {
                type: 'TaskOverdue',
                aggregateType: 'task',
                aggregateId: o.taskId,
                payload: { taskId: o.taskId, deadline: o.deadline, detectedOn: today },
              },
            ],
          },
        })),
      );
    }
  }

  /**
   * ReportMissed for the most recent monthly cycle whose due day has passed, for each open
   * task's department that was assigned by the cycle's reminder date and reported neither for
   * the period nor (undated) between the first of the month and the due day. The sweep looks
   * at that one cycle only: a cycle it never saw (the sweep down for a month) is not recorded.
   * Cycles follow the policy's dueDayOfMonth (tasks have no report day of their own yet).
   */
  async recordMissedReports(today: string, calendar: WorkingDayCalendar): Promise<number> {
    if (!this.policy.progressReports.enabled) {
      return 0;
    }
    const cycle = lastClosedCycle(
      today,
      this.policy.progressReports.dueDayOfMonth,
      this.policy,
      calendar,
    );
    const assignedBefore = new Date(
      shanghaiInstantOf(cycle.remindDate.value).getTime() + MS_PER_DAY,
    );
    const from = shanghaiInstantOf(`${cycle.period}-01`);
    const until = new Date(shanghaiInstantOf(cycle.dueDate).getTime() + MS_PER_DAY);
    let recorded = 0;
    for (let after = ZERO_UUID; ;) {
      const rows = await this.dataSource.query<
        Array<{ id: string; taskId: string; departmentId: string }>
      >(
        `SELECT a.id, a.task_id AS "taskId", a.department_id AS "departmentId"
           FROM task_assignments a JOIN tasks t ON t.id = a.task_id
          WHERE t.status = ANY ($1::text[]) AND a.assigned_at < $2 AND a.id > $3
            AND NOT EXISTS (
                  SELECT 1 FROM progress_reports r
                   WHERE r.task_id = a.task_id AND r.department_id = a.department_id
                     AND (r.period = $4
                          OR (r.period IS NULL AND r.reported_at >= $5 AND r.reported_at < $6)))
          ORDER BY a.id LIMIT $7`,
        [OPEN_TASK_STATUSES, assignedBefore, after, cycle.period, from, until, BATCH],
      );
      if (rows.length === 0) {
        return recorded;
      }
      after = rows[rows.length - 1].id;
      recorded += await this.recordOnce(
        'report_missed',
        rows.map((row) => ({
          subject: `${row.taskId}:${row.departmentId}:${cycle.period}`,
          change: {
            actor: ACTOR,
            action: 'report.missed',
            entityType: 'task',
            entityId: row.taskId,
            after: { departmentId: row.departmentId, period: cycle.period },
            events: [
              {
                type: 'ReportMissed',
                aggregateType: 'task',
                aggregateId: row.taskId,
                payload: {
                  taskId: row.taskId,
                  departmentId: row.departmentId,
                  period: cycle.period,
                  dueDate: cycle.dueDate,
                },
              },
            ],
          },
        })),
      );
    }
  }

  /** Tasks with provisional rows: planned again on today's calendar (a year may have arrived). */
  async replanProvisional(): Promise<number> {
    const tasks = await this.dataSource.query<Array<{ taskId: string }>>(
      `SELECT DISTINCT task_id AS "taskId" FROM reminders WHERE state = 'scheduled' AND provisional`,
    );
    for (const { taskId } of tasks) {
      await this.replan(taskId);
    }
    return tasks.length;
  }

  /**
   * Open assignments without any scheduled row: the planner keeps one report cycle and one
   * yearly occurrence ahead, so these are the ones whose next cycle or occurrence is due now.
   */
  async planNextCycles(): Promise<number> {
    if (!this.policy.progressReports.enabled && this.policy.ladder.length === 0) {
      return 0;
    }
    let replanned = 0;
    for (let after = ZERO_UUID; ;) {
      const rows = await this.dataSource.query<
        Array<{ id: string; taskId: string; departmentId: string }>
      >(
        `SELECT a.id, a.task_id AS "taskId", a.department_id AS "departmentId"
           FROM task_assignments a JOIN tasks t ON t.id = a.task_id
          WHERE t.status = ANY ($1::text[]) AND a.id > $2
            AND ($3 OR t.recurrence = 'yearly')
            AND NOT EXISTS (SELECT 1 FROM reminders r
                             WHERE r.task_id = a.task_id AND r.department_id = a.department_id
                               AND r.state = 'scheduled')
          ORDER BY a.id LIMIT $4`,
        [OPEN_TASK_STATUSES, after, this.policy.progressReports.enabled, BATCH],
      );
      if (rows.length === 0) {
        return replanned;
      }
      after = rows[rows.length - 1].id;
      for (const row of rows) {
        await this.replan(row.taskId, [row.departmentId]);
      }
      replanned += rows.length;
    }
  }

  /**
   * Every scheduled row whose job Redis does not hold gets it back (jobId = row id, so never
   * twice). Batches are read in id order; up to RECONCILE_CONCURRENCY of them are checked and
   * re-added at once, so reading PostgreSQL overlaps with Redis working.
   */
  async reconcile(): Promise<number> {
    let restored = 0;
    const inFlight = new Set<Promise<void>>();
    for (let after = ZERO_UUID; ;) {
      const rows = await this.dataSource.query<Array<{ id: string; fireAt: Date }>>(
        `SELECT id, fire_at AS "fireAt" FROM reminders
          WHERE state = 'scheduled' AND id > $1 ORDER BY id LIMIT $2`,
        [after, RECONCILE_BATCH],
      );
      if (rows.length === 0) {
        break;
      }
      after = rows[rows.length - 1].id;
      const work: Promise<void> = this.restoreMissing(rows).then((count) => {
        restored += count;
      });
      const tracked = work.finally(() => inFlight.delete(tracked));
      // Marked handled here; a failure still surfaces through race/all below.
      tracked.catch(() => undefined);
      inFlight.add(tracked);
      if (inFlight.size >= RECONCILE_CONCURRENCY) {
        await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    return restored;
  }

  private async restoreMissing(rows: ReadonlyArray<{ id: string; fireAt: Date }>): Promise<number> {
    const missing = await this.jobs.missing(rows.map((row) => row.id));
    if (missing.size > 0) {
      await this.jobs.add(
        rows.filter((row) => missing.has(row.id)),
        this.clock,
      );
    }
    return missing.size;
  }

  /** Fired notices no mail picked up long after their digest window: their compose job was lost. */
  async requestStrandedComposes(): Promise<number> {
    const rows = await this.dataSource.query<Array<{ departmentId: string; day: string }>>(
      `SELECT department_id AS "departmentId",
              to_char(fire_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
         FROM reminders
        WHERE state = 'fired' AND updated_at < now() - make_interval(secs => $1)
        GROUP BY 1, 2`,
      [this.policy.digestWindowSeconds + STRANDED_AFTER_SECONDS],
    );
    for (const row of rows) {
      await this.jobs.compose(row.departmentId, row.day, 0);
    }
    return rows.length;
  }

  private async replan(taskId: string, departmentIds?: string[]): Promise<void> {
    const changes = await this.dataSource.transaction((manager) =>
      this.schedule.replan(manager, taskId, departmentIds),
    );
    await this.schedule.applyJobChanges(changes);
  }

  /** Writes the marks and, for the ones not there before, the changes (audit + events), in one transaction. */
  private async recordOnce(
    kind: 'task_overdue' | 'report_missed',
    facts: ReadonlyArray<{ subject: string; change: Change }>,
  ): Promise<number> {
    if (facts.length === 0) {
      return 0;
    }
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const inserted = await manager.query<Array<{ subject: string }>>(
        `INSERT INTO sweep_marks (kind, subject) SELECT $1, unnest($2::text[])
         ON CONFLICT DO NOTHING RETURNING subject`,
        [kind, facts.map((fact) => fact.subject)],
      );
      const fresh = new Set(inserted.map((row) => row.subject));
      const changes = facts.filter((fact) => fresh.has(fact.subject)).map((fact) => fact.change);
      if (changes.length > 0) {
        await recordChanges(manager, changes);
      }
      return changes.length;
    });
  }
}

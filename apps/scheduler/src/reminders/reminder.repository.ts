import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReminderKind, ReminderState } from '@duban/db';
import type { PlannedReminder, PlannerAssignment, PlannerTask } from '@duban/reminders';

export interface ScheduledRow {
  id: string;
  key: string;
  fireAt: Date;
}

export interface JobRow {
  id: string;
  fireAt: Date;
}

export interface ReminderRow {
  id: string;
  key: string;
  taskId: string;
  departmentId: string;
  kind: ReminderKind;
  fireAt: Date;
  state: ReminderState;
}

/**
 * All SQL of the reminder schedule. Every method runs on the caller's manager (transaction).
 * An UPDATE … RETURNING is wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE.
 */
@Injectable()
export class ReminderRepository {
  /** Serialises re-planning of one task, so concurrent events cannot interleave their diffs. */
  async lockTask(manager: EntityManager, taskId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `reminders:${taskId}`,
    ]);
  }

  async task(manager: EntityManager, taskId: string): Promise<PlannerTask | null> {
    const rows = await manager.query<PlannerTask[]>(
      `SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline, recurrence, status
         FROM tasks WHERE id = $1`,
      [taskId],
    );
    return rows[0] ?? null;
  }

  async assignments(
    manager: EntityManager,
    taskId: string,
    departmentIds?: readonly string[],
  ): Promise<PlannerAssignment[]> {
    return manager.query<PlannerAssignment[]>(
      `SELECT department_id AS "departmentId", role, assigned_at AS "assignedAt",
              acknowledged_at AS "acknowledgedAt"
         FROM task_assignments
        WHERE task_id = $1 AND ($2::uuid[] IS NULL OR department_id = ANY ($2::uuid[]))`,
      [taskId, departmentIds ?? null],
    );
  }

  async scheduled(
    manager: EntityManager,
    taskId: string,
    departmentIds?: readonly string[],
  ): Promise<ScheduledRow[]> {
    return manager.query<ScheduledRow[]>(
      `SELECT id, key, fire_at AS "fireAt" FROM reminders
        WHERE task_id = $1 AND state = 'scheduled'
          AND ($2::uuid[] IS NULL OR department_id = ANY ($2::uuid[]))`,
      [taskId, departmentIds ?? null],
    );
  }

  /**
   * Writes planned rows. A key already present keeps its row; a cancelled one is scheduled
   * again (a deadline moved back). Returns the rows that now need a job: new or revived ones.
   */
  async upsertPlanned(
    manager: EntityManager,
    planned: readonly PlannedReminder[],
  ): Promise<JobRow[]> {
    if (planned.length === 0) {
      return [];
    }
    return manager.query<JobRow[]>(
      `INSERT INTO reminders (key, task_id, department_id, kind, fire_at, provisional)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::boolean[])
       ON CONFLICT (key) DO UPDATE
          SET state = 'scheduled', provisional = EXCLUDED.provisional, updated_at = now()
        WHERE reminders.state = 'cancelled'
           OR (reminders.state = 'scheduled' AND reminders.provisional <> EXCLUDED.provisional)
       RETURNING id, fire_at AS "fireAt"`,
      [
        planned.map((p) => p.key),
        planned.map((p) => p.taskId),
        planned.map((p) => p.departmentId),
        planned.map((p) => p.kind),
        planned.map((p) => p.fireAt.toISOString()),
        planned.map((p) => p.provisional),
      ],
    );
  }

  async cancelIds(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await manager.query<Array<{ id: string }>>(
      `WITH cancelled AS (
         UPDATE reminders SET state = 'cancelled', updated_at = now()
          WHERE id = ANY ($1::uuid[]) AND state = 'scheduled' RETURNING id)
       SELECT id FROM cancelled`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Cancels a task's scheduled rows, optionally only one department's, optionally one kind. */
  async cancelWhere(
    manager: EntityManager,
    where: { taskId: string; departmentId?: string; kind?: ReminderKind },
  ): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `WITH cancelled AS (
         UPDATE reminders SET state = 'cancelled', updated_at = now()
          WHERE task_id = $1 AND state = 'scheduled'
            AND ($2::uuid IS NULL OR department_id = $2) AND ($3::text IS NULL OR kind = $3)
          RETURNING id)
       SELECT id FROM cancelled`,
      [where.taskId, where.departmentId ?? null, where.kind ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** States of the given rows, read outside any transaction after a commit. */
  async states(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, ReminderState>> {
    const rows = await manager.query<Array<{ id: string; state: ReminderState }>>(
      `SELECT id, state FROM reminders WHERE id = ANY ($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.state]));
  }

  async lockReminder(manager: EntityManager, id: string): Promise<ReminderRow | null> {
    const rows = await manager.query<ReminderRow[]>(
      `SELECT id, key, task_id AS "taskId", department_id AS "departmentId", kind,
              fire_at AS "fireAt", state
         FROM reminders WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markFired(manager: EntityManager, id: string, noticeNumber: string | null): Promise<void> {
    await manager.query(
      `UPDATE reminders SET state = 'fired', notice_number = $2, updated_at = now() WHERE id = $1`,
      [id, noticeNumber],
    );
  }

  /** The next 督办单 number of `year`; the counter row stays locked until the caller commits. */
  async nextNoticeNumber(manager: EntityManager, year: number): Promise<number> {
    const [row] = await manager.query<Array<{ lastNumber: number }>>(
      `INSERT INTO notice_counters (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE
          SET last_number = notice_counters.last_number + 1, updated_at = now()
       RETURNING last_number AS "lastNumber"`,
      [year],
    );
    return row.lastNumber;
  }

  /**
   * Whether the department reported on the task for `period`: a report naming the period, or
   * an undated one written between the first of the month and the end of the due day.
   */
  async reportExists(
    manager: EntityManager,
    where: { taskId: string; departmentId: string; period: string; from: Date; until: Date },
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM progress_reports
        WHERE task_id = $1 AND department_id = $2
          AND (period = $3 OR (period IS NULL AND reported_at >= $4 AND reported_at < $5))
        LIMIT 1`,
      [where.taskId, where.departmentId, where.period, where.from, where.until],
    );
    return rows.length > 0;
  }
}

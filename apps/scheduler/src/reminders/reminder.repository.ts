import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockKeys, type ReminderKind, type ReminderState } from '@duban/db';
import type { PlannedReminder, PlannerAssignment, PlannerTask } from '@duban/reminders';

export interface JobRow {
  id: string;
  fireAt: Date;
}

/**
 * One task's part of a re-plan: all its departments (departmentId null), or one of them. A task
 * appears either once with null or once per department, never both (see ReminderScheduleService).
 */
export interface ReplanScope {
  taskId: string;
  departmentId: string | null;
}

/** A scope as the two parallel arrays the SQL unnests. */
function scopeColumns(scope: readonly ReplanScope[]): [string[], Array<string | null>] {
  return [scope.map((s) => s.taskId), scope.map((s) => s.departmentId)];
}

export interface ReminderRow {
  id: string;
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
  /**
   * Serialises re-planning per task, so concurrent events cannot interleave their diffs. The
   * locks of several tasks are taken in one fixed order (by key hash), so two batches holding
   * some of the same tasks wait for each other instead of deadlocking.
   */
  async lockTasks(manager: EntityManager, taskIds: readonly string[]): Promise<void> {
    await lockKeys(
      manager,
      taskIds.map((taskId) => `reminders:${taskId}`),
    );
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

  /**
   * The tasks in scope and their assignments (all of a task's, or the given departments'), in
   * one round trip: a row per scope entry and assignment, or one with no assignment. A task that
   * no longer exists is absent from the map.
   */
  async tasksWithAssignments(
    manager: EntityManager,
    scope: readonly ReplanScope[],
  ): Promise<Map<string, { task: PlannerTask; assignments: PlannerAssignment[] }>> {
    const rows = await manager.query<
      Array<PlannerTask & { departmentId: string | null } & Omit<PlannerAssignment, 'departmentId'>>
    >(
      `SELECT t.id, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.recurrence, t.status,
              a.department_id AS "departmentId", a.role, a.assigned_at AS "assignedAt",
              a.acknowledged_at AS "acknowledgedAt"
         FROM unnest($1::uuid[], $2::uuid[]) AS s (task_id, department_id)
         JOIN tasks t ON t.id = s.task_id
         LEFT JOIN task_assignments a
           ON a.task_id = s.task_id
          AND (s.department_id IS NULL OR a.department_id = s.department_id)`,
      scopeColumns(scope),
    );
    const found = new Map<string, { task: PlannerTask; assignments: PlannerAssignment[] }>();
    for (const { id, deadline, recurrence, status, departmentId, ...assignment } of rows) {
      let entry = found.get(id);
      if (!entry) {
        entry = { task: { id, deadline, recurrence, status }, assignments: [] };
        found.set(id, entry);
      }
      if (departmentId !== null) {
        entry.assignments.push({ departmentId, ...assignment });
      }
    }
    return found;
  }

  /**
   * Makes the scheduled rows in scope match `planned` in one statement: scheduled rows due after
   * `now` that are not planned are cancelled; planned rows are inserted, or revived when
   * cancelled (a deadline moved back). A row is known by its task, department, kind and fire time
   * (the unique index); the two sets of rows are disjoint, so the two writes never meet. Returns
   * the rows that now need a job and the ids whose job must go.
   */
  async sync(
    manager: EntityManager,
    scope: readonly ReplanScope[],
    now: Date,
    planned: readonly PlannedReminder[],
  ): Promise<{ add: JobRow[]; remove: string[] }> {
    const [scopeTasks, scopeDepartments] = scopeColumns(scope);
    const rows = await manager.query<
      Array<{ id: string; fireAt: Date | null; cancelled: boolean }>
    >(
      `WITH scope AS (SELECT * FROM unnest($6::uuid[], $7::uuid[]) AS s (task_id, department_id)),
       planned AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::boolean[])
             AS p (task_id, department_id, kind, fire_at, provisional)),
       cancelled AS (
         UPDATE reminders r SET state = 'cancelled', updated_at = now()
           FROM scope s
          WHERE r.task_id = s.task_id AND r.state = 'scheduled' AND r.fire_at > $8
            AND (s.department_id IS NULL OR r.department_id = s.department_id)
            AND NOT EXISTS (SELECT 1 FROM planned p
                             WHERE p.task_id = r.task_id AND p.department_id = r.department_id
                               AND p.kind = r.kind AND p.fire_at = r.fire_at)
          RETURNING r.id),
       upserted AS (
         INSERT INTO reminders (task_id, department_id, kind, fire_at, provisional)
         SELECT * FROM planned
         ON CONFLICT (task_id, department_id, kind, fire_at) DO UPDATE
            SET state = 'scheduled', provisional = EXCLUDED.provisional, updated_at = now()
          WHERE reminders.state = 'cancelled'
             OR (reminders.state = 'scheduled' AND reminders.provisional <> EXCLUDED.provisional)
         RETURNING id, fire_at)
       SELECT id, fire_at AS "fireAt", false AS cancelled FROM upserted
       UNION ALL
       SELECT id, NULL, true FROM cancelled`,
      [
        planned.map((p) => p.taskId),
        planned.map((p) => p.departmentId),
        planned.map((p) => p.kind),
        planned.map((p) => p.fireAt.toISOString()),
        planned.map((p) => p.provisional),
        scopeTasks,
        scopeDepartments,
        now,
      ],
    );
    return {
      add: rows.flatMap((row) =>
        row.cancelled || !row.fireAt ? [] : [{ id: row.id, fireAt: row.fireAt }],
      ),
      remove: rows.filter((row) => row.cancelled).map((row) => row.id),
    };
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
      `SELECT id, task_id AS "taskId", department_id AS "departmentId", kind,
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

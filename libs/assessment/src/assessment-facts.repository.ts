import type { EntityManager } from 'typeorm';
import type { AssignmentRole, IsoDate, QualityRating } from '@duban/contracts';

/**
 * The assessment's facts, written by its event handlers inside applyEventOnce's transaction (so
 * each event changes them once). They hold exactly what scoring needs, indexed by year, so the
 * annual run reads one year's slice instead of rescanning tasks, reports and the audit trail.
 */

/**
 * Refreshes a task's deadline and recurrence. The tasks row is the truth (events may be applied
 * out of order by a concurrent worker, the row is always current); an event about a task the
 * database does not hold falls back to the deadline it carried.
 */
export async function refreshTaskFact(
  manager: EntityManager,
  taskId: string,
  deadlineFromEvent: IsoDate | null,
): Promise<void> {
  await manager.query(
    `INSERT INTO assessment_task_facts (task_id, deadline, recurrence, updated_at)
     SELECT $1::uuid, COALESCE(t.deadline, d.deadline), COALESCE(t.recurrence, 'none'), now()
     FROM (SELECT $2::date AS deadline) d
     LEFT JOIN tasks t ON t.id = $1::uuid
     ON CONFLICT (task_id) DO UPDATE
       SET deadline = EXCLUDED.deadline, recurrence = EXCLUDED.recurrence, updated_at = now()`,
    [taskId, deadlineFromEvent],
  );
}

/**
 * A department takes a role on a task. The first allocation of a task (from the plan, or a
 * department added before any handover) counts from the start. A handover starts on the day of the
 * event, so points follow the assignment in force on the deadline: it is recognised by a closed row
 * of the task, or, for the lead, by another department still holding the lead (events of one
 * handover may be applied in either order).
 */
export async function openAssignmentFact(
  manager: EntityManager,
  input: {
    taskId: string;
    departmentId: string;
    role: AssignmentRole;
    eventId: string;
    day: IsoDate;
  },
): Promise<void> {
  const open = await manager.query<{ id: string; role: AssignmentRole }[]>(
    `SELECT id, role FROM assessment_assignment_facts
     WHERE task_id = $1 AND department_id = $2 AND valid_to IS NULL FOR UPDATE`,
    [input.taskId, input.departmentId],
  );
  const current = open[0];
  if (current?.role === input.role) {
    return;
  }
  if (current !== undefined) {
    // A change of role on the same task: the old role ends today, the new one starts today.
    await closeAssignmentFact(manager, input.taskId, input.departmentId, input.day);
  }
  await manager.query(
    `INSERT INTO assessment_assignment_facts (task_id, department_id, role, valid_from, event_id)
     SELECT $1::uuid, $2::uuid, $3::varchar,
            CASE WHEN EXISTS (SELECT 1 FROM assessment_assignment_facts
                              WHERE task_id = $1
                                AND (valid_to IS NOT NULL
                                     OR ($3::varchar = 'lead' AND role = 'lead'
                                         AND department_id <> $2::uuid)))
                 THEN $4::date END,
            $5::uuid`,
    [input.taskId, input.departmentId, input.role, input.day, input.eventId],
  );
}

/** The department's open assignment on the task ends on `day` (it no longer holds it that day). */
export async function closeAssignmentFact(
  manager: EntityManager,
  taskId: string,
  departmentId: string,
  day: IsoDate,
  /**
   * Close only a fact of this role. An unassignment names the role it ends: when the department
   * was given another role meanwhile (a role change whose TaskAssigned was applied first), that
   * newer fact must stay open.
   */
  role?: AssignmentRole,
): Promise<void> {
  await manager.query(
    `UPDATE assessment_assignment_facts
     SET valid_to = GREATEST($3::date, COALESCE(valid_from, $3::date))
     WHERE task_id = $1 AND department_id = $2 AND valid_to IS NULL AND ($4::text IS NULL OR role = $4)`,
    [taskId, departmentId, day, role ?? null],
  );
}

/**
 * The office approved a completion. The event does not say which year of a yearly task it closes:
 * it closes the open occurrence, of the approval's year or the year before, whose deadline is
 * nearest the approval (a 31 December task approved on 10 January closes last year's, late; one
 * approved on 25 December closes this year's, on time).
 */
export async function recordCompletionFact(
  manager: EntityManager,
  input: {
    taskId: string;
    completionId: string;
    approvedOn: IsoDate;
    rating: QualityRating | null;
    eventId: string;
  },
): Promise<void> {
  await manager.query(
    `WITH task AS (
       SELECT deadline, recurrence FROM assessment_task_facts WHERE task_id = $1
     ), candidate AS (
       SELECT y AS year
       FROM task, generate_series(extract(year FROM $3::date)::int - 1,
                                  extract(year FROM $3::date)::int) AS y
       WHERE task.recurrence = 'yearly' AND task.deadline IS NOT NULL
         AND y >= extract(year FROM task.deadline)::int
         AND NOT EXISTS (SELECT 1 FROM assessment_completion_facts c
                         WHERE c.task_id = $1 AND c.occurrence_year = y AND c.completion_id <> $2)
       -- Distance in days to that year's deadline (day clipped to 28: close enough to compare).
       ORDER BY abs($3::date - make_date(y, extract(month FROM task.deadline)::int,
                                          LEAST(extract(day FROM task.deadline)::int, 28))), y
       LIMIT 1
     )
     INSERT INTO assessment_completion_facts
       (completion_id, task_id, approved_on, rating, occurrence_year, event_id)
     VALUES ($2, $1, $3, $4,
             COALESCE((SELECT year FROM candidate),
                      (SELECT extract(year FROM deadline)::int FROM task
                       WHERE recurrence = 'none' AND deadline IS NOT NULL),
                      extract(year FROM $3::date)::int),
             $5)
     ON CONFLICT (completion_id) DO UPDATE
       SET approved_on = EXCLUDED.approved_on, rating = EXCLUDED.rating,
           occurrence_year = EXCLUDED.occurrence_year, event_id = EXCLUDED.event_id`,
    [input.taskId, input.completionId, input.approvedOn, input.rating, input.eventId],
  );
}

/** A completion taken back (退办 after approval, or reopened): its points go with it. */
export async function withdrawCompletionFact(
  manager: EntityManager,
  completionId: string,
): Promise<void> {
  await manager.query(`DELETE FROM assessment_completion_facts WHERE completion_id = $1`, [
    completionId,
  ]);
}

/** A late or missed progress report; the event id keeps a redelivered event from counting twice. */
export async function recordReportFact(
  manager: EntityManager,
  input: {
    eventId: string;
    taskId: string;
    departmentId: string;
    period: string;
    state: 'late' | 'missed';
    dueOn: IsoDate;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO assessment_report_facts (event_id, task_id, department_id, period, state, due_on)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
    [input.eventId, input.taskId, input.departmentId, input.period, input.state, input.dueOn],
  );
}

/**
 * The due date of a monthly report period (`YYYY-MM`): the 28th, the default reporting day. A late
 * report's event names its period, not its due date; the date decides the year it counts in.
 */
export function reportDueDate(period: string): IsoDate {
  return `${period}-28`;
}

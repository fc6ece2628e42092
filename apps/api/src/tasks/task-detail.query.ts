import type { DataSource } from 'typeorm';

type Row = Record<string, unknown>;

export interface TaskDetail extends Row {
  assignments: Row[];
  progress: Row[];
  completions: Row[];
  extensions: Row[];
}

/** Everything the task page shows, as raw rows in a handful of indexed queries. */
export async function taskDetail(dataSource: DataSource, taskId: string): Promise<TaskDetail> {
  const [task] = await dataSource.query<Row[]>(
    `SELECT t.id, t.number_path AS number, t.level, t.title, t.body, to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
            t.deadline_phrase AS "deadlinePhrase", t.recurrence, t.status, t.targets, t.completed_at AS "completedAt",
            t.quality_rating AS "qualityRating", t.row_version AS "rowVersion", t.parent_id AS "parentId",
            json_build_object('id', p.id, 'title', p.title, 'docNumber', p.doc_number) AS plan
       FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE t.id = $1`,
    [taskId],
  );
  const [assignments, progress, completions, extensions] = await Promise.all([
    dataSource.query<Row[]>(
      `SELECT a.department_id AS "departmentId", d.name, a.role, a.assigned_at AS "assignedAt", a.acknowledged_at AS "acknowledgedAt"
         FROM task_assignments a JOIN departments d ON d.id = a.department_id WHERE a.task_id = $1 ORDER BY a.role, d.name`,
      [taskId],
    ),
    dataSource.query<Row[]>(
      `SELECT r.id, r.department_id AS "departmentId", d.name AS department, r.period, r.text, r.percent,
              r.indicator_values AS "indicatorValues", r.state, r.reported_at AS "reportedAt"
         FROM progress_reports r JOIN departments d ON d.id = r.department_id
        WHERE r.task_id = $1 ORDER BY r.reported_at DESC LIMIT 50`,
      [taskId],
    ),
    dataSource.query<Row[]>(
      `SELECT id, department_id AS "departmentId", evidence, state, rating, decision_reason AS "decisionReason",
              declared_at AS "declaredAt", decided_at AS "decidedAt"
         FROM task_completions WHERE task_id = $1 ORDER BY declared_at DESC`,
      [taskId],
    ),
    dataSource.query<Row[]>(
      `SELECT id, department_id AS "departmentId", to_char(previous_deadline, 'YYYY-MM-DD') AS "previousDeadline",
              to_char(requested_deadline, 'YYYY-MM-DD') AS "requestedDeadline", reason, progress, state,
              decision_note AS "decisionNote", created_at AS "createdAt", decided_at AS "decidedAt"
         FROM extension_requests WHERE task_id = $1 ORDER BY created_at DESC`,
      [taskId],
    ),
  ]);
  return { ...task, assignments, progress, completions, extensions };
}

/** The audit trail of a task: who, what, when, before and after. */
export function taskHistory(dataSource: DataSource, taskId: string): Promise<Row[]> {
  return dataSource.query<Row[]>(
    `SELECT id, at, actor, actor_user_id AS "actorUserId", action, before, after, event_ids AS "eventIds"
       FROM audit_log WHERE entity_type = 'task' AND entity_id = $1 ORDER BY at, id`,
    [taskId],
  );
}

import type { DataSource } from 'typeorm';
import { OPEN_TASK_STATUSES_SQL, preparedStatement, queryPrepared } from '@duban/db';
import { ASSIGNMENT_COPY_COLUMNS, TASK_COLUMNS, type TaskColumns } from '../common/task-columns';
import type { BoardTaskDto, DepartmentCountsDto } from './overdue-board.dto';
import { lightSqlCondition, lightSqlExpression, type TrafficLight } from './traffic-light';

export interface BoardWindow {
  asOf: string;
  /** Last date still yellow: asOf + N working days. Later deadlines are green. */
  yellowUntil: string;
  departmentId?: string;
  planId?: string;
}

/**
 * Tasks open as of the date: still open, or completed after it. A board for a past date judges
 * the plan's tasks by today's deadlines (moved deadlines are in the audit log, not replayed).
 */
function openAsOf(
  window: BoardWindow,
  params: unknown[],
  task: TaskColumns = TASK_COLUMNS,
): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const asOf = param(window.asOf);
  const clauses = [
    `(${task.status} IN (${OPEN_TASK_STATUSES_SQL}) OR (${task.status} = 'completed' AND ${task.completedAt} >= (${asOf}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))`,
  ];
  if (window.planId) {
    clauses.push(`t.plan_id = ${param(window.planId)}`);
  }
  if (window.departmentId) {
    clauses.push(`a.department_id = ${param(window.departmentId)}`);
  }
  return clauses.join(' AND ');
}

export type DepartmentCounts = DepartmentCountsDto;

/**
 * Open assignments per department with their traffic lights, worst first. Reads only the
 * assignments (their task copies), so one department's counts are one range of its index; the
 * tasks are joined only to filter by plan.
 */
export function departmentCounts(
  dataSource: DataSource,
  window: BoardWindow,
): Promise<DepartmentCounts[]> {
  const params: unknown[] = [];
  const where = openAsOf(window, params, ASSIGNMENT_COPY_COLUMNS);
  params.push(window.yellowUntil);
  const yellowUntil = `$${params.length}`;
  const deadline = ASSIGNMENT_COPY_COLUMNS.deadline;
  const planJoin = window.planId ? 'JOIN tasks t ON t.id = a.task_id' : '';
  // Prepared (the text varies only with which filters are set): planning is a good part of the cost.
  return queryPrepared<DepartmentCounts>(
    dataSource,
    preparedStatement(`SELECT d.id AS "departmentId", d.name,
            count(*)::int AS open,
            count(*) FILTER (WHERE ${lightSqlCondition('red', deadline, '$1', yellowUntil)})::int AS red,
            count(*) FILTER (WHERE ${lightSqlCondition('yellow', deadline, '$1', yellowUntil)})::int AS yellow,
            count(*) FILTER (WHERE ${lightSqlCondition('green', deadline, '$1', yellowUntil)})::int AS green,
            count(*) FILTER (WHERE a.acknowledged_at IS NULL)::int AS unacknowledged
       FROM task_assignments a
       ${planJoin}
       JOIN departments d ON d.id = a.department_id
      WHERE ${where}
      GROUP BY d.id, d.name
      ORDER BY red DESC, yellow DESC, d.name`),
    params,
  );
}

export type BoardTask = BoardTaskDto;

/**
 * Open tasks with days overdue and light, most overdue first. One department's (every department
 * user's own board) are picked from its assignments' copies in its index, in deadline order, so
 * only the page's tasks are read, not every task the department holds; with a plan filter, which
 * only the task knows, or for the whole office, the tasks are read in deadline order up to the limit.
 */
export function boardTasks(
  dataSource: DataSource,
  window: BoardWindow,
  light: TrafficLight | undefined,
  limit: number,
): Promise<BoardTask[]> {
  const params: unknown[] = [];
  const fromCopies = window.departmentId !== undefined && window.planId === undefined;
  const where = openAsOf(window, params, fromCopies ? ASSIGNMENT_COPY_COLUMNS : TASK_COLUMNS);
  params.push(window.yellowUntil);
  const yellowUntil = `$${params.length}`;
  const lightSql = lightSqlExpression('t.deadline', '$1', yellowUntil);
  params.push(limit);
  const limitParam = `$${params.length}`;
  // The page's tasks are picked first (an index range in deadline order, stopping at the limit)
  // and only they are joined and aggregated: grouping before the limit reads every open task.
  const source = fromCopies
    ? `(SELECT a.task_id FROM task_assignments a
         WHERE ${where}${light ? ` AND ${lightSqlCondition(light, ASSIGNMENT_COPY_COLUMNS.deadline, '$1', yellowUntil)}` : ''}
         ORDER BY a.task_deadline NULLS LAST, a.task_id
         LIMIT ${limitParam}) mine
       JOIN tasks t ON t.id = mine.task_id`
    : `(SELECT t.id AS task_id FROM tasks t
         WHERE EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND ${where})${light ? ` AND ${lightSqlCondition(light, 't.deadline', '$1', yellowUntil)}` : ''}
         ORDER BY t.deadline NULLS LAST, t.id
         LIMIT ${limitParam}) mine
       JOIN tasks t ON t.id = mine.task_id`;
  return queryPrepared<BoardTask>(
    dataSource,
    preparedStatement(`SELECT t.id AS "taskId", t.number_path AS number, t.title, p.title AS "planTitle",
            to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
            GREATEST(0, $1::date - t.deadline)::int AS "daysOverdue",
            ${lightSql} AS light,
            COALESCE(array_agg(d.name ORDER BY d.name) FILTER (WHERE a2.role = 'lead'), '{}') AS lead,
            COALESCE(array_agg(d.name ORDER BY d.name) FILTER (WHERE a2.role = 'support'), '{}') AS support,
            COALESCE(array_agg(d.name ORDER BY d.name) FILTER (WHERE a2.acknowledged_at IS NULL), '{}') AS unacknowledged
       FROM ${source}
       JOIN plans p ON p.id = t.plan_id
       JOIN task_assignments a2 ON a2.task_id = t.id
       JOIN departments d ON d.id = a2.department_id
      GROUP BY t.id, p.title
      ORDER BY t.deadline NULLS LAST, t.id
      LIMIT ${limitParam}`),
    params,
  );
}

/** Open tasks by light over the whole board, each task counted once. */
export async function taskTotals(
  dataSource: DataSource,
  window: BoardWindow,
): Promise<Record<TrafficLight | 'open', number>> {
  const params: unknown[] = [];
  const where = openAsOf(window, params);
  params.push(window.yellowUntil);
  const yellowUntil = `$${params.length}`;
  const [row] = await queryPrepared<Record<TrafficLight | 'open', number>>(
    dataSource,
    preparedStatement(`SELECT count(*)::int AS open,
            count(*) FILTER (WHERE ${lightSqlCondition('red', 't.deadline', '$1', yellowUntil)})::int AS red,
            count(*) FILTER (WHERE ${lightSqlCondition('yellow', 't.deadline', '$1', yellowUntil)})::int AS yellow,
            count(*) FILTER (WHERE ${lightSqlCondition('green', 't.deadline', '$1', yellowUntil)})::int AS green
       FROM tasks t
      WHERE EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND ${where})`),
    params,
  );
  return row;
}

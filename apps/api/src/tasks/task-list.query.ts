import { BadRequestException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { OPEN_TASK_STATUSES, OPEN_TASK_STATUSES_SQL } from '@duban/db';
import { ASSIGNMENT_COPY_COLUMNS, TASK_COLUMNS, type TaskColumns } from '../common/task-columns';
import {
  type LightWindow,
  lightSqlCondition,
  lightSqlExpression,
} from '../overdue-board/traffic-light';
import type { TaskListQueryDto, TaskPageDto, TaskRowDto } from './task.dto';

/** The placeholders ($n) of the day the list is read for and its last yellow date. */
type Placeholders = Pick<LightWindow, 'asOf' | 'yellowUntil'>;

/** The last row of a page: its deadline (null sorts last) and id. */
interface Cursor {
  deadline: string | null;
  id: string;
}

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.deadline, cursor.id])).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const [deadline, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [
      unknown,
      unknown,
    ];
    const validDeadline =
      deadline === null || (typeof deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(deadline));
    if (validDeadline && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
      return { deadline, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadRequestException('cursor is not one this API gave out');
}

/**
 * The task ledger with filters, in deadline order, one page at a time (keyset cursor, so a page
 * costs the same deep in the list as at its start). Raw rows: lists never hydrate entities.
 *
 * One department's list (every department user's own) starts from that department's assignments,
 * never from the tasks in deadline order: walking the deadline index and probing each task for the
 * department reads on until the page is full, a third of 1M tasks for a department of 1,500 in
 * bench:api-mixed (3.3 s a page). Its assignments carry copies of the task's deadline and status
 * (migration AssignmentTaskCopies), so status, deadline and cursor conditions are answered from the
 * department index and only the page's tasks are read; a text or plan filter, which only the task
 * knows, reads the department's tasks by id instead.
 */
export async function listTasks(
  dataSource: DataSource,
  filter: TaskListQueryDto,
  today: Pick<LightWindow, 'asOf' | 'yellowUntil'>,
): Promise<TaskPageDto> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const limit = filter.limit ?? 50;
  assertRoleWithDepartment(filter);
  // Bound once, first: the row's light (always selected) and the light and overdue filters share them.
  const dates: Placeholders = { asOf: param(today.asOf), yellowUntil: param(today.yellowUntil) };
  const where: string[] = [];
  let source = 'tasks t';
  if (filter.departmentId) {
    const mine = [`a.department_id = ${param(filter.departmentId)}`];
    if (filter.role) {
      mine.push(`a.role = ${param(filter.role)}`);
    }
    if (!filter.q && !filter.planId) {
      // The page's task ids from the department index alone (one row per task and department).
      const page = [...mine, ...orderedConditions(filter, ASSIGNMENT_COPY_COLUMNS, param, dates)];
      source = `(SELECT a.task_id FROM task_assignments a WHERE ${page.join(' AND ')}
                  ORDER BY a.task_deadline, a.task_id LIMIT ${limit + 1}) page
                JOIN tasks t ON t.id = page.task_id`;
    } else {
      where.push(
        `t.id = ANY (ARRAY(SELECT a.task_id FROM task_assignments a WHERE ${mine.join(' AND ')}))`,
        ...orderedConditions(filter, TASK_COLUMNS, param, dates),
      );
    }
  } else {
    where.push(...orderedConditions(filter, TASK_COLUMNS, param, dates));
  }
  if (filter.planId) {
    where.push(`t.plan_id = ${param(filter.planId)}`);
  }
  if (filter.q) {
    const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(t.title ILIKE ${like} OR t.number_path ILIKE ${like} OR t.body ILIKE ${like})`);
  }
  const light = lightSqlExpression('t.deadline', dates.asOf, dates.yellowUntil);
  const rows = await dataSource.query<TaskRowDto[]>(
    `SELECT t.id, t.plan_id AS "planId", p.title AS "planTitle", t.number_path AS number, t.title,
            to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.deadline_phrase AS "deadlinePhrase", t.status,
            CASE WHEN t.status IN (${OPEN_TASK_STATUSES_SQL}) THEN ${light} END AS light,
            t.row_version AS "rowVersion",
            COALESCE((SELECT json_agg(json_build_object('departmentId', a.department_id, 'name', d.name, 'role', a.role,
                                                        'acknowledged', a.acknowledged_at IS NOT NULL)
                                      ORDER BY a.role, d.name)
                        FROM task_assignments a JOIN departments d ON d.id = a.department_id
                       WHERE a.task_id = t.id), '[]') AS assignments
       FROM ${source} JOIN plans p ON p.id = t.plan_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY t.deadline, t.id
      LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ deadline: last.deadline, id: last.id }) : null,
  };
}

/** A role (lead/support) is a department's: refused without one, before any row is read. */
export function assertRoleWithDepartment(filter: Pick<TaskListQueryDto, 'role' | 'departmentId'>) {
  if (filter.role && !filter.departmentId) {
    throw new BadRequestException(
      'role filters the tasks of one department: give departmentId too',
    );
  }
}

/** Status, deadline and cursor conditions: what both a task and its assignments' copies answer. */
function orderedConditions(
  filter: TaskListQueryDto,
  c: TaskColumns,
  param: (value: unknown) => string,
  dates: Placeholders,
): string[] {
  const where: string[] = [];
  if (filter.status) {
    where.push(`${c.status} = ${param(filter.status)}`);
  }
  if (filter.deadlineFrom) {
    where.push(`${c.deadline} >= ${param(filter.deadlineFrom)}`);
  }
  if (filter.deadlineTo) {
    where.push(`${c.deadline} <= ${param(filter.deadlineTo)}`);
  }
  if (filter.overdue) {
    where.push(
      `${c.status} = ANY(${param(OPEN_TASK_STATUSES)}) AND ${c.deadline} < ${dates.asOf}::date`,
    );
  }
  if (filter.light) {
    where.push(
      `${c.status} = ANY(${param(OPEN_TASK_STATUSES)}) AND ${lightSqlCondition(filter.light, c.deadline, dates.asOf, dates.yellowUntil)}`,
    );
  }
  if (filter.cursor) {
    const cursor = decodeCursor(filter.cursor);
    // Deadline order with undated tasks last (PostgreSQL's ascending order), served by the
    // (deadline, id) index: after a dated row come later dated rows, then every undated one.
    where.push(
      cursor.deadline === null
        ? `${c.deadline} IS NULL AND ${c.id} > ${param(cursor.id)}::uuid`
        : `((${c.deadline}, ${c.id}) > (${param(cursor.deadline)}::date, ${param(cursor.id)}::uuid) OR ${c.deadline} IS NULL)`,
    );
  }
  return where;
}

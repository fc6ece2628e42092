import { BadRequestException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { OPEN_TASK_STATUSES } from '@duban/db';
import type { TaskListQueryDto, TaskPageDto, TaskRowDto } from './task.dto';

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
 */
export async function listTasks(
  dataSource: DataSource,
  filter: TaskListQueryDto,
  today: string,
): Promise<TaskPageDto> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.planId) {
    where.push(`t.plan_id = ${param(filter.planId)}`);
  }
  if (filter.departmentId) {
    const role = filter.role ? ` AND a.role = ${param(filter.role)}` : '';
    where.push(
      `EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND a.department_id = ${param(filter.departmentId)}${role})`,
    );
  } else if (filter.role) {
    throw new BadRequestException(
      'role filters the tasks of one department: give departmentId too',
    );
  }
  if (filter.status) {
    where.push(`t.status = ${param(filter.status)}`);
  }
  if (filter.deadlineFrom) {
    where.push(`t.deadline >= ${param(filter.deadlineFrom)}`);
  }
  if (filter.deadlineTo) {
    where.push(`t.deadline <= ${param(filter.deadlineTo)}`);
  }
  if (filter.overdue) {
    where.push(`t.status = ANY(${param(OPEN_TASK_STATUSES)}) AND t.deadline < ${param(today)}`);
  }
  if (filter.q) {
    const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(t.title ILIKE ${like} OR t.number_path ILIKE ${like} OR t.body ILIKE ${like})`);
  }
  if (filter.cursor) {
    const cursor = decodeCursor(filter.cursor);
    // Deadline order with undated tasks last (PostgreSQL's ascending order), served by the
    // (deadline, id) index: after a dated row come later dated rows, then every undated one.
    where.push(
      cursor.deadline === null
        ? `t.deadline IS NULL AND t.id > ${param(cursor.id)}::uuid`
        : `((t.deadline, t.id) > (${param(cursor.deadline)}::date, ${param(cursor.id)}::uuid) OR t.deadline IS NULL)`,
    );
  }
  const limit = filter.limit ?? 50;
  const rows = await dataSource.query<TaskRowDto[]>(
    `SELECT t.id, t.plan_id AS "planId", p.title AS "planTitle", t.number_path AS number, t.title,
            to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.deadline_phrase AS "deadlinePhrase", t.status,
            t.row_version AS "rowVersion",
            COALESCE((SELECT json_agg(json_build_object('departmentId', a.department_id, 'name', d.name, 'role', a.role,
                                                        'acknowledged', a.acknowledged_at IS NOT NULL)
                                      ORDER BY a.role, d.name)
                        FROM task_assignments a JOIN departments d ON d.id = a.department_id
                       WHERE a.task_id = t.id), '[]') AS assignments
       FROM tasks t JOIN plans p ON p.id = t.plan_id
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

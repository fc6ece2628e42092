import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { shanghaiInstantOf } from '@duban/calendar';
import type { ReminderKind, TaskStatus } from '@duban/db';

export interface NoticeSeed {
  departmentId: string;
  role?: 'lead' | 'support';
  kind?: ReminderKind;
  deadline?: string;
  /** Asia/Shanghai day the reminder fired (09:00 that day). */
  day?: string;
  noticeNumber?: string | null;
  title?: string;
  taskStatus?: TaskStatus;
}

export interface SeededNotice {
  reminderId: string;
  taskId: string;
}

export const DAY = '2026-11-19';

export async function seedDepartment(
  dataSource: DataSource,
  options: { name?: string; emails?: string[] } = {},
): Promise<string> {
  const [row] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO departments (name, emails) VALUES ($1, $2::text[]) RETURNING id`,
    [options.name ?? `市部门${randomUUID().slice(0, 8)}`, options.emails ?? []],
  );
  return row.id;
}

/** Many departments at once, each with one mail address `<n>@<domain>`. */
export async function seedDepartments(
  dataSource: DataSource,
  count: number,
  domain = 'dept.example.gov.cn',
): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const rows = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO departments (name, emails)
     SELECT '部门' || $1 || '-' || n, ARRAY['d' || $1 || '-' || n || '@' || $2]
       FROM generate_series(1, $3) AS n
     RETURNING id`,
    [tag, domain, count],
  );
  return rows.map((row) => row.id);
}

/**
 * Reminders already in `fired` state, as the scheduler leaves them: one plan, one task per seed
 * with its assignment, and the reminder row. Written in four statements however many seeds.
 */
export async function seedFiredNotices(
  dataSource: DataSource,
  seeds: readonly NoticeSeed[],
): Promise<SeededNotice[]> {
  const planId = randomUUID();
  await dataSource.query(
    `INSERT INTO plans (id, title, source_text, source_hash, status)
     VALUES ($1::uuid, $2, '', $3, 'active')`,
    [planId, '关于推进工业高质量发展的实施方案', planId.replace(/-/g, '').padEnd(64, '0')],
  );
  const full = seeds.map((seed, i) => ({
    taskId: randomUUID(),
    reminderId: randomUUID(),
    number: `一.${i + 1}`,
    title: seed.title ?? `推进重点任务第${i + 1}项`,
    status: seed.taskStatus ?? 'open',
    deadline: seed.deadline ?? '2026-11-16',
    departmentId: seed.departmentId,
    role: seed.role ?? 'lead',
    kind: seed.kind ?? 'notice_orange',
    fireAt: shanghaiInstantOf(seed.day ?? DAY, '09:00').toISOString(),
    noticeNumber: seed.noticeNumber === undefined ? `督办〔2026〕${i + 1}号` : seed.noticeNumber,
  }));
  const column = <K extends keyof (typeof full)[number]>(key: K) => full.map((row) => row[key]);
  await dataSource.query(
    `INSERT INTO tasks (id, plan_id, number_path, level, title, status, deadline)
     SELECT t.id, $1, t.number, 2, t.title, t.status, t.deadline::date
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
            AS t(id, number, title, status, deadline)`,
    [
      planId,
      column('taskId'),
      column('number'),
      column('title'),
      column('status'),
      column('deadline'),
    ],
  );
  await dataSource.query(
    `INSERT INTO task_assignments (task_id, department_id, role)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
    [column('taskId'), column('departmentId'), column('role')],
  );
  await dataSource.query(
    `INSERT INTO reminders (id, task_id, department_id, kind, fire_at, state, notice_number)
     SELECT r.id, r.task_id, r.department_id, r.kind, r.fire_at::timestamptz, 'fired', r.notice_number
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])
            AS r(id, task_id, department_id, kind, fire_at, notice_number)`,
    [
      column('reminderId'),
      column('taskId'),
      column('departmentId'),
      column('kind'),
      column('fireAt'),
      column('noticeNumber'),
    ],
  );
  return full.map(({ reminderId, taskId }) => ({ reminderId, taskId }));
}

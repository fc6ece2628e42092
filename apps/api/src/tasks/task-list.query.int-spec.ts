import { createTestDatabase, seededRandom, type TestDatabase } from '@duban/testing';
import { TASK_STATUSES } from '@duban/db';
import type { TaskListQueryDto } from './task.dto';
import { listTasks } from './task-list.query';

/**
 * The list answers each filter from the tasks, from a department's assignment copies, or from a
 * department's task ids (task-list.query says when). Whichever way, walking every page must give
 * exactly the tasks a plain reading of the rows selects, in deadline order with undated tasks
 * last, ties broken by id.
 */
describe('listTasks: every filter, walked page by page, against the rows read plainly', () => {
  let db: TestDatabase;
  let plans: string[];
  let departments: string[];
  const today = '2026-06-15';
  // Seven working days on from Monday 2026-06-15 (no holiday between): the last yellow date.
  const yellowUntil = '2026-06-24';
  const lightOf = (deadline: string | null) =>
    deadline === null || deadline > yellowUntil ? 'green' : deadline < today ? 'red' : 'yellow';

  interface Row {
    id: string;
    plan_id: string;
    title: string;
    deadline: string | null;
    status: string;
    assignments: Array<{ department_id: string; role: string }>;
  }
  let rows: Row[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const random = seededRandom(20261204);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    plans = (
      await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO plans (title, source_text, source_hash)
         SELECT '方案' || g, '', lpad(g::text, 64, 'f') FROM generate_series(1, 2) g RETURNING id`,
      )
    ).map((r) => r.id);
    departments = (
      await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO departments (name) SELECT '单位' || g FROM generate_series(1, 5) g RETURNING id`,
      )
    ).map((r) => r.id);
    // Few distinct deadlines, so ties (broken by id) run across page boundaries.
    const deadlines = [null, '2026-03-31', '2026-06-15', '2026-06-30', '2026-12-31'];
    for (let i = 0; i < 160; i += 1) {
      const deadline = pick(deadlines);
      const status = pick(TASK_STATUSES);
      const [task] = await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status, completed_at)
         VALUES ($1, $2, 1, $3, $4, $5::varchar, CASE WHEN $5::varchar = 'completed' THEN now() END) RETURNING id`,
        [pick(plans), `n${i}`, i % 4 === 0 ? `推进水利工程${i}` : `任务${i}`, deadline, status],
      );
      const assigned = departments.filter(() => random() < 0.45);
      for (const [k, departmentId] of assigned.entries()) {
        await db.dataSource.query(
          `INSERT INTO task_assignments (task_id, department_id, role) VALUES ($1, $2, $3)`,
          [task.id, departmentId, k === 0 ? 'lead' : 'support'],
        );
      }
    }
    rows = await db.dataSource.query<Row[]>(
      `SELECT t.id, t.plan_id, t.title, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.status,
              COALESCE((SELECT json_agg(json_build_object('department_id', a.department_id, 'role', a.role))
                          FROM task_assignments a WHERE a.task_id = t.id), '[]') AS assignments
         FROM tasks t`,
    );
  });
  afterAll(async () => {
    await db.drop();
  });

  const inOrder = (a: Row, b: Row) => {
    if (a.deadline !== b.deadline) {
      if (a.deadline === null) return 1;
      if (b.deadline === null) return -1;
      return a.deadline < b.deadline ? -1 : 1;
    }
    return a.id < b.id ? -1 : 1;
  };

  const expected = (f: TaskListQueryDto) =>
    rows
      .filter(
        (r) =>
          (!f.planId || r.plan_id === f.planId) &&
          (!f.departmentId ||
            r.assignments.some(
              (a) => a.department_id === f.departmentId && (!f.role || a.role === f.role),
            )) &&
          (!f.status || r.status === f.status) &&
          (!f.deadlineFrom || (r.deadline !== null && r.deadline >= f.deadlineFrom)) &&
          (!f.deadlineTo || (r.deadline !== null && r.deadline <= f.deadlineTo)) &&
          (!f.overdue ||
            (['open', 'completion_pending'].includes(r.status) &&
              r.deadline !== null &&
              r.deadline < today)) &&
          (!f.light ||
            (['open', 'completion_pending'].includes(r.status) &&
              lightOf(r.deadline) === f.light)) &&
          (!f.q || r.title.includes(f.q)),
      )
      .sort(inOrder)
      .map((r) => r.id);

  const walked = async (f: TaskListQueryDto) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listTasks(
        db.dataSource,
        { ...f, limit: 4, ...(cursor ? { cursor } : {}) },
        { asOf: today, yellowUntil },
      );
      ids.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  const filters = (): Array<[string, TaskListQueryDto]> => {
    const [d1, d2, d3] = departments;
    return [
      ['no filter', {}],
      ['one department', { departmentId: d1 }],
      ['another department', { departmentId: d2 }],
      ['its lead tasks', { departmentId: d1, role: 'lead' }],
      ['its supporting tasks, open', { departmentId: d2, role: 'support', status: 'open' }],
      ['its overdue tasks', { departmentId: d3, overdue: true }],
      [
        'its tasks due in a range',
        { departmentId: d1, deadlineFrom: '2026-06-15', deadlineTo: '2026-12-31' },
      ],
      ['its tasks matching a text', { departmentId: d1, q: '水利' }],
      ['its tasks of one plan, open', { departmentId: d2, planId: plans[0], status: 'open' }],
      ['one plan', { planId: plans[1] }],
      ['a text', { q: '水利' }],
      ['overdue', { overdue: true }],
      ['red', { light: 'red' }],
      ['yellow', { light: 'yellow' }],
      ['green', { light: 'green' }],
      ['its yellow tasks', { departmentId: d2, light: 'yellow' }],
      ['its green tasks of a text', { departmentId: d1, light: 'green', q: '任务' }],
      ['completed from a date', { status: 'completed', deadlineFrom: '2026-06-30' }],
    ];
  };

  it('has data that exercises every filter', () => {
    for (const [name, f] of filters()) {
      expect([name, expected(f).length > 0]).toEqual([name, true]);
    }
  });

  it.each([...Array(18).keys()])(
    'filter %i gives the plain reading, page after page',
    async (i) => {
      const [name, f] = filters()[i];
      expect([name, await walked(f)]).toEqual([name, expected(f)]);
    },
  );

  it("gives each open row the board's light and a closed one none", async () => {
    const page = await listTasks(db.dataSource, { limit: 200 }, { asOf: today, yellowUntil });
    expect(page.items).toHaveLength(rows.length);
    for (const item of page.items) {
      const open = ['open', 'completion_pending'].includes(item.status);
      expect([item.id, item.light]).toEqual([item.id, open ? lightOf(item.deadline) : null]);
      expect(item.assignments.every((a) => typeof a.acknowledged === 'boolean')).toBe(true);
    }
  });

  it('a department page reads the task, not a stale copy: a moved deadline moves the row', async () => {
    const [d1] = departments;
    const before = await walked({ departmentId: d1 });
    const moved = before[0];
    await db.dataSource.query(`UPDATE tasks SET deadline = '2027-01-31' WHERE id = $1`, [moved]);
    rows.find((r) => r.id === moved)!.deadline = '2027-01-31';
    const after = await walked({ departmentId: d1 });
    expect(after).toEqual(expected({ departmentId: d1 }));
    expect(after.indexOf(moved)).toBeGreaterThan(0);
  });
});

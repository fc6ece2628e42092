import { Clock } from '../../apps/api/src/common/clock';
import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

interface Counts {
  departmentId: string;
  open: number;
  red: number;
  yellow: number;
  green: number;
  unacknowledged: number;
}
interface BoardBody {
  asOf: string;
  yellowUntil: string;
  totals: { open: number; red: number; yellow: number; green: number };
  departments: Counts[];
}

/**
 * The board's counts against a table worked out by hand. Department A has six tasks around
 * Monday 2026-03-02 (yellow until 2026-03-11, seven working days on); B supports one of them.
 */
describe('overdue board: counts per department and in total, by traffic light', () => {
  let api: ApiHarness;
  let office: string;
  let departmentA: string;
  let departmentB: string;
  let tokenA: string;
  const task: Record<string, { id: string; rowVersion: number }> = {};
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const board = async (token: string, query: Record<string, string> = {}) =>
    (await api.http().get('/api/v1/board').query(query).set(bearer(token)).expect(200))
      .body as BoardBody;
  const countsOf = (body: BoardBody, departmentId: string) => {
    const found = body.departments.find((d) => d.departmentId === departmentId);
    if (!found) {
      return undefined;
    }
    const { open, red, yellow, green, unacknowledged } = found;
    return { open, red, yellow, green, unacknowledged };
  };

  beforeAll(async () => {
    api = await startApi();
    jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(new Date('2026-03-02T10:00:00+08:00'));
    office = await api.tokenFor((await makeUser(api.db.dataSource, 'supervisor')).username);
    departmentA = (await makeDepartment(api.db.dataSource)).id;
    departmentB = (await makeDepartment(api.db.dataSource)).id;
    tokenA = await api.tokenFor(
      (await makeUser(api.db.dataSource, 'department', departmentA)).username,
    );
    const [plan] = await api.db.dataSource.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('看板方案', '正文', repeat('c', 64)) RETURNING id`,
    );
    const rows: [string, string | null, string][] = [
      ['red', '2026-02-20', 'open'],
      ['yellow', '2026-03-05', 'open'],
      ['green', '2026-04-30', 'open'],
      ['undated', null, 'open'],
      ['doneLate', '2026-02-10', 'open'],
      ['cancelled', '2026-02-01', 'cancelled'],
    ];
    for (const [name, deadline, status] of rows) {
      const [created] = await api.db.dataSource.query<{ id: string; rowVersion: number }[]>(
        `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status)
         VALUES ($1, $2, 1, $2, $3, $4) RETURNING id, row_version AS "rowVersion"`,
        [plan.id, name, deadline, status],
      );
      task[name] = created;
      await api.db.dataSource.query(
        `INSERT INTO task_assignments (task_id, department_id, role) VALUES ($1, $2, 'lead')`,
        [created.id, departmentA],
      );
    }
    await api.db.dataSource.query(
      `INSERT INTO task_assignments (task_id, department_id, role, acknowledged_at) VALUES ($1, $2, 'support', now())`,
      [task.red.id, departmentB],
    );
    // Completed on 2026-03-01, after the assignments were made: the copies must follow.
    await api.db.dataSource.query(
      `UPDATE tasks SET status = 'completed', completed_at = '2026-03-01T03:00:00Z' WHERE id = $1`,
      [task.doneLate.id],
    );
  });
  afterAll(async () => {
    await api.close();
  });

  it("gives a department's board its own counts as the totals", async () => {
    const expected = { open: 4, red: 1, yellow: 1, green: 2 };
    const asOffice = await board(office, { departmentId: departmentA });
    expect(asOffice.yellowUntil).toBe('2026-03-11');
    expect(asOffice.totals).toEqual(expected);
    expect(asOffice.departments).toHaveLength(1);
    expect(countsOf(asOffice, departmentA)).toEqual({ ...expected, unacknowledged: 4 });
    // A department user sees its own board whatever it asks for.
    const asDepartment = await board(tokenA, { departmentId: departmentB });
    expect(asDepartment.totals).toEqual(expected);
    expect(asDepartment.departments.map((d) => d.departmentId)).toEqual([departmentA]);
  });

  it('counts a task completed after a past date as open on that date', async () => {
    // 2026-02-25: yellow until 2026-03-05 (Saturday 02-28 is a working day after the Spring
    // Festival); the late task (due 02-10, completed 03-01) is red.
    const past = await board(office, { departmentId: departmentA, asOf: '2026-02-25' });
    expect(past.yellowUntil).toBe('2026-03-05');
    expect(past.totals).toEqual({ open: 5, red: 2, yellow: 1, green: 2 });
    expect(countsOf(past, departmentA)).toEqual({
      open: 5,
      red: 2,
      yellow: 1,
      green: 2,
      unacknowledged: 5,
    });
  });

  it('counts each task once in the office totals and each assignment in its department', async () => {
    const whole = await board(office);
    expect(countsOf(whole, departmentA)).toEqual({
      open: 4,
      red: 1,
      yellow: 1,
      green: 2,
      unacknowledged: 4,
    });
    expect(countsOf(whole, departmentB)).toEqual({
      open: 1,
      red: 1,
      yellow: 0,
      green: 0,
      unacknowledged: 0,
    });
  });

  it('lists the open tasks with days overdue and light, by deadline, undated last', async () => {
    const [nameA, nameB] = await Promise.all(
      [departmentA, departmentB].map(async (id) => {
        const [row] = await api.db.dataSource.query<{ name: string }[]>(
          `SELECT name FROM departments WHERE id = $1`,
          [id],
        );
        return row.name;
      }),
    );
    const tasksOf = async (token: string, query: Record<string, string> = {}) =>
      (
        (await api.http().get('/api/v1/board/tasks').query(query).set(bearer(token)).expect(200))
          .body as {
          tasks: Array<{
            number: string;
            deadline: string | null;
            daysOverdue: number;
            light: string;
            lead: string[];
            support: string[];
            unacknowledged: string[];
          }>;
        }
      ).tasks.map((t) => [t.number, t.deadline, t.daysOverdue, t.light]);
    // As of Monday 2026-03-02: the late task was completed the day before, the cancelled one never counts.
    const today = [
      ['red', '2026-02-20', 10, 'red'],
      ['yellow', '2026-03-05', 0, 'yellow'],
      ['green', '2026-04-30', 0, 'green'],
      ['undated', null, 0, 'green'],
    ];
    expect(await tasksOf(office, { departmentId: departmentA })).toEqual(today);
    expect(await tasksOf(tokenA)).toEqual(today);
    expect(await tasksOf(office)).toEqual(today);
    expect(await tasksOf(office, { departmentId: departmentB })).toEqual([today[0]]);
    expect(await tasksOf(tokenA, { light: 'green' })).toEqual(today.slice(2));
    expect(await tasksOf(tokenA, { limit: '2' })).toEqual(today.slice(0, 2));
    // As of 2026-02-25 the late task is still open: due 02-10, 15 days overdue.
    expect(await tasksOf(tokenA, { asOf: '2026-02-25', light: 'red' })).toEqual([
      ['doneLate', '2026-02-10', 15, 'red'],
      ['red', '2026-02-20', 5, 'red'],
    ]);
    const [red] = (
      (
        await api
          .http()
          .get('/api/v1/board/tasks')
          .query({ departmentId: departmentB })
          .set(bearer(office))
          .expect(200)
      ).body as { tasks: Array<{ lead: string[]; support: string[]; unacknowledged: string[] }> }
    ).tasks;
    expect(red).toMatchObject({ lead: [nameA], support: [nameB], unacknowledged: [nameA] });
  });

  it('moves a task between lights as soon as its deadline is changed', async () => {
    await api
      .http()
      .patch(`/api/v1/tasks/${task.green.id}`)
      .set(bearer(office))
      .send({ rowVersion: task.green.rowVersion, deadline: '2026-03-04' })
      .expect(200);
    const after = await board(tokenA);
    expect(after.totals).toEqual({ open: 4, red: 1, yellow: 2, green: 1 });
  });
});

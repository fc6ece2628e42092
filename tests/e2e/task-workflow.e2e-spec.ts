import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Clock } from '../../apps/api/src/common/clock';
import { makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

interface ImportBody {
  id: string;
  rowVersion: number;
  unresolved: string[];
  planId: string;
  draft: { departments: Record<string, { suggestions: { id: string }[] }> };
}
interface TaskRow {
  id: string;
  number: string;
  rowVersion: number;
  assignments: { departmentId: string; name: string; role: string }[];
}

const SEED = '000_78e5d42a01ff2626';
const fixture = (...parts: string[]) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'plans', ...parts), 'utf8');

describe('task workflow on a seed plan: import → review → commit → acknowledge → progress → completion', () => {
  let api: ApiHarness;
  let admin: string;
  let office: string;
  let leader: string;
  let planId: string;
  let tasks: TaskRow[];
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setToday = (isoDate: string) =>
    jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(new Date(`${isoDate}T10:00:00+08:00`));
  const tables = [
    'tasks',
    'task_assignments',
    'progress_reports',
    'task_completions',
    'extension_requests',
    'outbox',
    'audit_log',
  ];
  const counts = () => Promise.all(tables.map((t) => api.count(t)));
  const departmentToken = async (name: string) => {
    const [dept] = await api.db.dataSource.query<{ id: string }[]>(
      'SELECT id FROM departments WHERE name = $1',
      [name],
    );
    return api.tokenFor((await makeUser(api.db.dataSource, 'department', dept.id)).username);
  };

  beforeAll(async () => {
    api = await startApi();
    admin = await api.tokenFor((await makeUser(api.db.dataSource, 'admin')).username);
    office = await api.tokenFor((await makeUser(api.db.dataSource, 'supervisor')).username);
    leader = await api.tokenFor((await makeUser(api.db.dataSource, 'leader')).username);
    await api.http().post('/api/v1/departments/directory/load').set(bearer(admin)).expect(200);
    // Imported in February: reports are taken from the month of the assignment on.
    setToday('2018-02-01');

    const draft = (
      await api
        .http()
        .post('/api/v1/plan-imports')
        .set(bearer(office))
        .send({ text: fixture(`${SEED}.txt`) })
        .expect(201)
    ).body as ImportBody;
    // Review: the office confirms each name the directory did not answer to with its best suggestion.
    const resolve = draft.unresolved.map((written) => ({
      written,
      departmentId: draft.draft.departments[written].suggestions[0].id,
    }));
    const reviewed = (
      await api
        .http()
        .patch(`/api/v1/plan-imports/${draft.id}`)
        .set(bearer(office))
        .send({ rowVersion: draft.rowVersion, resolve })
        .expect(200)
    ).body as ImportBody;
    const committed = (
      await api
        .http()
        .post(`/api/v1/plan-imports/${draft.id}/commit`)
        .set(bearer(office))
        .send({ rowVersion: reviewed.rowVersion })
        .expect(200)
    ).body as ImportBody;
    planId = committed.planId;
    const page = await api
      .http()
      .get('/api/v1/tasks')
      .query({ planId, limit: 200 })
      .set(bearer(office))
      .expect(200);
    tasks = (page.body as { items: TaskRow[] }).items;
  });
  afterAll(() => api.close());

  it('commits every task of the seed with one TaskAssigned event per assignment', async () => {
    const truth = JSON.parse(fixture('truth', `${SEED}.json`)) as { tasks: unknown[] };
    expect(tasks.length).toBe(truth.tasks.length);
    const assignments = tasks.reduce((n, t) => n + t.assignments.length, 0);
    const [{ count }] = await api.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM outbox WHERE type = 'TaskAssigned'`,
    );
    expect(count).toBe(assignments);
    expect(assignments).toBeGreaterThan(tasks.length);
  });

  it('walks one task through acknowledgement, a late report, a returned and an approved completion', async () => {
    const task = tasks.find(
      (t) =>
        t.assignments.some((a) => a.role === 'lead') &&
        t.assignments.some((a) => a.role === 'support'),
    );
    if (!task) {
      throw new Error('the seed has a task with lead and support');
    }
    const lead = task.assignments.find((a) => a.role === 'lead')?.name ?? '';
    const support = task.assignments.find((a) => a.role === 'support')?.name ?? '';
    const leadToken = await departmentToken(lead);
    const supportToken = await departmentToken(support);
    const eventsBefore = await api.db.dataSource.query<{ seq: string }[]>(
      'SELECT max(seq)::text AS seq FROM outbox',
    );

    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/acknowledge`)
      .set(bearer(leadToken))
      .expect(200);
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/acknowledge`)
      .set(bearer(leadToken))
      .expect(409);

    setToday('2018-03-20'); // reports are due by the 28th: February's is late now, March's is on time
    const late = await api
      .http()
      .post(`/api/v1/tasks/${task.id}/progress`)
      .set(bearer(supportToken))
      .send({ text: '配合推进中', percent: 30, period: '2018-02' })
      .expect(201);
    expect(late.body).toMatchObject({ state: 'late', period: '2018-02' });
    const onTime = await api
      .http()
      .post(`/api/v1/tasks/${task.id}/progress`)
      .set(bearer(leadToken))
      .send({ text: '已完成主体工作', percent: 90 })
      .expect(201);
    expect(onTime.body).toMatchObject({ state: 'on_time', period: '2018-03' });

    // Only the lead declares completion; a supporting department gets 409 and nothing is written.
    let before = await counts();
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/completion`)
      .set(bearer(supportToken))
      .send({ evidence: '配合材料' })
      .expect(409);
    expect(await counts()).toEqual(before);

    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/completion`)
      .set(bearer(leadToken))
      .send({ evidence: '验收报告' })
      .expect(201);
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/completion/return`)
      .set(bearer(office))
      .send({ reason: '佐证材料不全' })
      .expect(200);
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/completion`)
      .set(bearer(leadToken))
      .send({ evidence: '补充后的验收报告' })
      .expect(201);
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/completion/approve`)
      .set(bearer(office))
      .send({ rating: 'excellent' })
      .expect(200);

    before = await counts();
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/completion/approve`)
      .set(bearer(office))
      .send({ rating: 'good' })
      .expect(409);
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/progress`)
      .set(bearer(leadToken))
      .send({ text: 'x', percent: 100 })
      .expect(409);
    expect(await counts()).toEqual(before);

    const events = await api.db.dataSource.query<{ type: string }[]>(
      'SELECT type FROM outbox WHERE seq > $1 ORDER BY seq',
      [eventsBefore[0].seq],
    );
    expect(events.map((e) => e.type)).toEqual([
      'AssignmentAcknowledged',
      'ProgressReported',
      'ProgressReported',
      'CompletionDeclared',
      'TaskReopened',
      'CompletionDeclared',
      'TaskCompleted',
    ]);
    const detail = await api.http().get(`/api/v1/tasks/${task.id}`).set(bearer(leader)).expect(200);
    expect(detail.body).toMatchObject({ status: 'completed', qualityRating: 'excellent' });
    const history = await api
      .http()
      .get(`/api/v1/tasks/${task.id}/history`)
      .set(bearer(leadToken))
      .expect(200);
    expect((history.body as { action: string }[]).map((h) => h.action)).toEqual([
      'task.create',
      'assignment.acknowledge',
      'progress.report',
      'progress.report',
      'completion.declare',
      'completion.return',
      'completion.declare',
      'completion.approve',
    ]);
  });

  it('pages through the ledger with cursors: the pages join into the one long list', async () => {
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = {
        planId,
        limit: 7,
        ...(cursor ? { cursor } : {}),
      };
      const page = (
        await api.http().get('/api/v1/tasks').query(query).set(bearer(office)).expect(200)
      ).body as { items: TaskRow[]; nextCursor: string | null };
      walked.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(tasks.map((t) => t.id));
    await api
      .http()
      .get('/api/v1/tasks')
      .query({ cursor: 'bm90IGEgY3Vyc29y' })
      .set(bearer(office))
      .expect(400);
  });

  it('keeps departments to their own tasks and leaders read-only', async () => {
    const task = tasks[0];
    const assigned = new Set(task.assignments.map((a) => a.name));
    const [outsider] = await api.db.dataSource.query<{ name: string }[]>(
      `SELECT name FROM departments WHERE NOT (name = ANY($1)) AND kind = 'government' ORDER BY name LIMIT 1`,
      [[...assigned]],
    );
    const outsiderToken = await departmentToken(outsider.name);
    const before = await counts();
    // A task the department is not assigned to is answered as if it did not exist.
    await api.http().get(`/api/v1/tasks/${task.id}`).set(bearer(outsiderToken)).expect(404);
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/progress`)
      .set(bearer(outsiderToken))
      .send({ text: 'x', percent: 1 })
      .expect(404);
    await api.http().post(`/api/v1/tasks/${task.id}/acknowledge`).set(bearer(leader)).expect(403);
    await api
      .http()
      .patch(`/api/v1/tasks/${task.id}`)
      .set(bearer(leader))
      .send({ rowVersion: 1, deadline: '2030-01-01' })
      .expect(403);
    await api
      .http()
      .patch(`/api/v1/tasks/${task.id}`)
      .set(bearer(outsiderToken))
      .send({ rowVersion: 1, deadline: '2030-01-01' })
      .expect(403);
    expect(await counts()).toEqual(before);
    // The outsider's own list has none of this task's plan tasks unless assigned.
    const list = await api
      .http()
      .get('/api/v1/tasks')
      .query({ planId, limit: 200 })
      .set(bearer(outsiderToken))
      .expect(200);
    expect(
      (list.body as { items: TaskRow[] }).items.every((t) =>
        t.assignments.some((a) => a.name === outsider.name),
      ),
    ).toBe(true);
  });

  it('moves a deadline through an extension and refuses stale edits and bad input', async () => {
    // Another task than the one completed above: the first dated task with a lead.
    const task = tasks.filter((t) => t.assignments.some((a) => a.role === 'lead'))[3];
    const leadToken = await departmentToken(
      task.assignments.find((a) => a.role === 'lead')?.name ?? '',
    );
    const fresh = (await api.http().get(`/api/v1/tasks/${task.id}`).set(bearer(office)).expect(200))
      .body as { rowVersion: number };
    const edited = await api
      .http()
      .patch(`/api/v1/tasks/${task.id}`)
      .set(bearer(office))
      .send({ rowVersion: fresh.rowVersion, deadline: '2018-06-30' })
      .expect(200);
    const stored = (
      await api.http().get(`/api/v1/tasks/${task.id}`).set(bearer(office)).expect(200)
    ).body as { rowVersion: number };
    expect(edited.body).toMatchObject({
      id: task.id,
      deadline: '2018-06-30',
      rowVersion: stored.rowVersion,
    });
    expect(stored.rowVersion).toBe(fresh.rowVersion + 1);
    let before = await counts();
    await api
      .http()
      .patch(`/api/v1/tasks/${task.id}`)
      .set(bearer(office))
      .send({ rowVersion: fresh.rowVersion, deadline: '2018-07-31' })
      .expect(409);
    await api
      .http()
      .patch(`/api/v1/tasks/${task.id}`)
      .set(bearer(office))
      .send({ rowVersion: 'x', deadline: '2018-13-40' })
      .expect(400);
    await api.http().get('/api/v1/tasks/not-a-uuid').set(bearer(office)).expect(400);
    await api
      .http()
      .get('/api/v1/tasks/7d0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a')
      .set(bearer(office))
      .expect(404);
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/progress`)
      .set(bearer(leadToken))
      .send({ text: '', percent: 101 })
      .expect(400);
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/extensions`)
      .set(bearer(leadToken))
      .send({ requestedDeadline: '2018-05-01', reason: 'r', progress: 'p' })
      .expect(422);
    expect(await counts()).toEqual(before);

    const request = await api
      .http()
      .post(`/api/v1/tasks/${task.id}/extensions`)
      .set(bearer(leadToken))
      .send({ requestedDeadline: '2018-09-30', reason: '用地审批', progress: '70%' })
      .expect(201);
    before = await counts();
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/extensions`)
      .set(bearer(leadToken))
      .send({ requestedDeadline: '2018-10-31', reason: 'again', progress: 'p' })
      .expect(409);
    expect(await counts()).toEqual(before);
    await api
      .http()
      .post(`/api/v1/extensions/${(request.body as { id: string }).id}/approve`)
      .set(bearer(office))
      .send({ note: '同意' })
      .expect(200);
    await api
      .http()
      .post(`/api/v1/extensions/${(request.body as { id: string }).id}/approve`)
      .set(bearer(office))
      .send({})
      .expect(409);
    const detail = await api.http().get(`/api/v1/tasks/${task.id}`).set(bearer(office)).expect(200);
    expect((detail.body as { deadline: string }).deadline).toBe('2018-09-30');
    const types = await api.db.dataSource.query<{ type: string }[]>(
      `SELECT type FROM outbox WHERE aggregate_id = $1 AND type <> 'TaskAssigned' ORDER BY seq`,
      [task.id],
    );
    expect(types.map((t) => t.type)).toEqual([
      'TaskDeadlineChanged',
      'ExtensionRequested',
      'ExtensionApproved',
      'TaskDeadlineChanged',
    ]);

    setToday('2018-10-01');
    await api
      .http()
      .post(`/api/v1/tasks/${task.id}/extensions`)
      .set(bearer(leadToken))
      .send({ requestedDeadline: '2018-12-31', reason: 'late', progress: 'p' })
      .expect(409);
  });

  it('shows the overdue board by traffic light as of a date, and exports the ledger', async () => {
    const board = await api
      .http()
      .get('/api/v1/board')
      .query({ asOf: '2021-01-04', planId })
      .set(bearer(office))
      .expect(200);
    const body = board.body as {
      totals: { open: number; red: number; yellow: number; green: number };
      departments: { red: number }[];
      yellowUntil: string;
    };
    // Every deadline of the seed (or moved above) falls before 2021: on 2021-01-04 all open dated tasks are red.
    const [{ dated, undated }] = await api.db.dataSource.query<
      [{ dated: number; undated: number }]
    >(
      `SELECT count(*) FILTER (WHERE deadline IS NOT NULL)::int AS dated, count(*) FILTER (WHERE deadline IS NULL)::int AS undated
         FROM tasks t WHERE plan_id = $1 AND status <> 'completed' AND EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id)`,
      [planId],
    );
    expect(body.totals).toEqual({ open: dated + undated, red: dated, yellow: 0, green: undated });
    expect(body.yellowUntil).toBe('2021-01-13'); // 7 working days after Monday 2021-01-04
    expect(body.departments[0].red).toBeGreaterThan(0);

    const xlsx = await api
      .http()
      .get(`/api/v1/plans/${planId}/ledger.xlsx`)
      .set(bearer(leader))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; the bytes are the same.
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('台账')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '编号',
      '任务',
      '牵头单位',
      '配合单位',
      '完成时限',
      '最新进展',
      '状态',
    ]);
    expect(sheet.rowCount).toBe(2 + tasks.length);

    const csv = await api
      .http()
      .get(`/api/v1/plans/${planId}/ledger.csv`)
      .set(bearer(office))
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(1 + tasks.length);
  });
});

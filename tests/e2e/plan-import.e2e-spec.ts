import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

interface ImportBody {
  id: string;
  state: string;
  rowVersion: number;
  taskCount: number;
  unresolved: string[];
  planId: string | null;
  draft: {
    title: string | null;
    tasks: {
      number: string;
      lead: string[];
      support: string[];
      deadline: { date: string | null } | null;
    }[];
    departments: Record<
      string,
      { departmentId: string | null; method: string; suggestions: { name: string }[] }
    >;
  };
}

const PLAN = `梧州市加快新能源产业发展实施方案
一、主要任务
(一)加快新能源汽车产业发展。到2026年底前,力争新能源汽车产量达到5万辆。(市发展改革委、工信委牵头,市科技局配合)
(二)建设充电基础设施。2027年6月底前建成充电站50个。(市新能源办牵头,市发展改革委配合)
二、保障措施
(一)加强组织领导。各部门要高度重视。(市发展改革委牵头)
`;

describe('plan import: upload, review, commit', () => {
  let api: ApiHarness;
  let office: string;
  let ids: Record<string, string>;
  const auth = () => ({ Authorization: `Bearer ${office}` });

  beforeAll(async () => {
    api = await startApi();
    const ds = api.db.dataSource;
    ids = {};
    for (const name of ['市发展改革委', '市工信委', '市科技局', '市能源局']) {
      ids[name] = (await makeDepartment(ds, { name })).id;
    }
    office = await api.tokenFor((await makeUser(ds, 'supervisor')).username);
  });
  afterAll(() => api.close());

  const tables = ['plan_imports', 'plans', 'tasks', 'task_assignments', 'outbox', 'audit_log'];
  const counts = () => Promise.all(tables.map((t) => api.count(t)));

  it('drafts the ledger, lets the office map an unknown name and fix a deadline, then commits with TaskAssigned events', async () => {
    const created = await api
      .http()
      .post('/api/v1/plan-imports')
      .set(auth())
      .send({ text: PLAN, fileName: 'plan.txt' })
      .expect(201);
    const draft = created.body as ImportBody;
    expect(draft.taskCount).toBe(3);
    expect(draft.draft.tasks.map((t) => [t.number, t.lead, t.support])).toEqual([
      ['一.(一)', ['市发展改革委', '市工信委'], ['市科技局']],
      ['一.(二)', ['市新能源办'], ['市发展改革委']],
      ['二.(一)', ['市发展改革委'], []],
    ]);
    expect(draft.draft.tasks[0].deadline?.date).toBe('2026-12-31');
    expect(draft.unresolved).toEqual(['市新能源办']);
    expect(draft.draft.departments['市工信委']).toMatchObject({ departmentId: ids['市工信委'] });
    expect(draft.draft.departments['市新能源办'].suggestions.length).toBeGreaterThan(0);

    // Committing with a name unmapped is refused and writes nothing.
    const before = await counts();
    const refused = await api
      .http()
      .post(`/api/v1/plan-imports/${draft.id}/commit`)
      .set(auth())
      .send({ rowVersion: draft.rowVersion })
      .expect(422);
    expect((refused.body as { unresolved: string[] }).unresolved).toEqual(['市新能源办']);
    expect(await counts()).toEqual(before);

    const edited = await api
      .http()
      .patch(`/api/v1/plan-imports/${draft.id}`)
      .set(auth())
      .send({
        rowVersion: draft.rowVersion,
        resolve: [{ written: '市新能源办', departmentId: ids['市能源局'], remember: true }],
        tasks: [
          { number: '二.(一)', include: false },
          { number: '一.(二)', deadline: '2027-06-30' },
        ],
      })
      .expect(200);
    const reviewed = edited.body as ImportBody;
    expect(reviewed).toMatchObject({
      unresolved: [],
      taskCount: 2,
      rowVersion: draft.rowVersion + 1,
    });

    // An edit based on the old version is stale.
    await api
      .http()
      .patch(`/api/v1/plan-imports/${draft.id}`)
      .set(auth())
      .send({ rowVersion: draft.rowVersion, title: 'x' })
      .expect(409);

    const committed = await api
      .http()
      .post(`/api/v1/plan-imports/${draft.id}/commit`)
      .set(auth())
      .send({ rowVersion: reviewed.rowVersion })
      .expect(200);
    const planId = (committed.body as ImportBody).planId;
    expect(committed.body).toMatchObject({ state: 'committed' });

    const tasks = await api.db.dataSource.query<
      { number_path: string; deadline: string; title: string }[]
    >(
      `SELECT number_path, to_char(deadline, 'YYYY-MM-DD') AS deadline, title FROM tasks WHERE plan_id = $1 ORDER BY number_path`,
      [planId],
    );
    expect(tasks).toEqual([
      { number_path: '一.(一)', deadline: '2026-12-31', title: '加快新能源汽车产业发展' },
      { number_path: '一.(二)', deadline: '2027-06-30', title: '建设充电基础设施' },
    ]);
    const assignments = await api.db.dataSource.query<
      { number_path: string; name: string; role: string }[]
    >(
      `SELECT t.number_path, d.name, a.role FROM task_assignments a JOIN tasks t ON t.id = a.task_id
       JOIN departments d ON d.id = a.department_id WHERE t.plan_id = $1 ORDER BY 1, 3, 2`,
      [planId],
    );
    expect(assignments).toEqual([
      { number_path: '一.(一)', name: '市发展改革委', role: 'lead' },
      { number_path: '一.(一)', name: '市工信委', role: 'lead' },
      { number_path: '一.(一)', name: '市科技局', role: 'support' },
      { number_path: '一.(二)', name: '市能源局', role: 'lead' },
      { number_path: '一.(二)', name: '市发展改革委', role: 'support' },
    ]);
    const events = await api.db.dataSource.query<{ type: string; count: number }[]>(
      `SELECT type, count(*)::int AS count FROM outbox GROUP BY type ORDER BY type`,
    );
    expect(events).toEqual([
      { type: 'PlanCommitted', count: 1 },
      { type: 'TaskAssigned', count: 5 },
    ]);
    // The confirmed spelling is remembered for the next import.
    const [energy] = await api.db.dataSource.query<{ aliases: string[] }[]>(
      `SELECT aliases FROM departments WHERE id = $1`,
      [ids['市能源局']],
    );
    expect(energy.aliases).toEqual(['市新能源办']);

    // The same document again is refused; as a new version it is accepted and resolves the alias.
    await api
      .http()
      .post('/api/v1/plan-imports')
      .set(auth())
      .send({ text: PLAN.replace(/\n/g, '\r\n') })
      .expect(409);
    const again = await api
      .http()
      .post('/api/v1/plan-imports')
      .set(auth())
      .send({ text: PLAN, newVersion: true })
      .expect(201);
    expect((again.body as ImportBody).unresolved).toEqual([]);
    const second = await api
      .http()
      .post(`/api/v1/plan-imports/${(again.body as ImportBody).id}/commit`)
      .set(auth())
      .send({ rowVersion: 1 })
      .expect(200);
    const [version] = await api.db.dataSource.query<{ version: number }[]>(
      'SELECT version FROM plans WHERE id = $1',
      [(second.body as ImportBody).planId],
    );
    expect(version.version).toBe(2);
    await api
      .http()
      .post(`/api/v1/plan-imports/${(again.body as ImportBody).id}/commit`)
      .set(auth())
      .send({ rowVersion: 2 })
      .expect(409);
  });

  it('answers 409, not 500, when two drafts of one new document are committed at the same moment', async () => {
    const text = PLAN.replace('梧州市', '柳州市');
    const drafts = await Promise.all(
      [1, 2].map(
        async () =>
          (await api.http().post('/api/v1/plan-imports').set(auth()).send({ text }).expect(201))
            .body as ImportBody,
      ),
    );
    for (const draft of drafts) {
      await api
        .http()
        .patch(`/api/v1/plan-imports/${draft.id}`)
        .set(auth())
        .send({
          rowVersion: 1,
          resolve: [{ written: '市新能源办', departmentId: ids['市能源局'] }],
        })
        .expect(200);
    }
    const statuses = await Promise.all(
      drafts.map(
        async (draft) =>
          (
            await api
              .http()
              .post(`/api/v1/plan-imports/${draft.id}/commit`)
              .set(auth())
              .send({ rowVersion: 2 })
          ).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    const [{ count }] = await api.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM plans WHERE title LIKE '柳州市%'`,
    );
    expect(count).toBe(1);
  });

  it('imports a seed plan uploaded as a .txt file', async () => {
    const file = join(__dirname, '..', 'fixtures', 'plans', '000_78e5d42a01ff2626.txt');
    const truth = JSON.parse(
      readFileSync(
        join(__dirname, '..', 'fixtures', 'plans', 'truth', '000_78e5d42a01ff2626.json'),
        'utf8',
      ),
    ) as { tasks: unknown[] };
    const response = await api
      .http()
      .post('/api/v1/plan-imports/upload')
      .set(auth())
      .attach('file', file)
      .expect(201);
    expect((response.body as ImportBody).taskCount).toBe(truth.tasks.length);
  });

  it('lists the latest imports, serves the source the spans point into, and adds a task in review', async () => {
    const text = `\uFEFF${PLAN.replace('梧州市', '藤县')}`;
    const created = (
      await api.http().post('/api/v1/plan-imports').set(auth()).send({ text }).expect(201)
    ).body as ImportBody & { draft: { tasks: { span: { start: number; end: number } | null }[] } };
    const source = await api
      .http()
      .get(`/api/v1/plan-imports/${created.id}/source`)
      .set(auth())
      .expect(200);
    // The byte-order mark is not part of the text the parser read, so spans land on the item.
    const first = created.draft.tasks[0];
    expect(
      (source.body as { text: string }).text.slice(first.span?.start, first.span?.end),
    ).toMatch(/^\(一\)加快新能源汽车产业发展。/);
    const edited = await api
      .http()
      .patch(`/api/v1/plan-imports/${created.id}`)
      .set(auth())
      .send({
        rowVersion: created.rowVersion,
        add: [{ title: '建立项目库', deadline: '2026-12-31', lead: ['市科技局'] }],
      })
      .expect(200);
    const added = (edited.body as ImportBody).draft.tasks.at(-1);
    expect(added).toMatchObject({ number: '补充.1', lead: ['市科技局'], span: null });
    expect((edited.body as ImportBody).taskCount).toBe(created.taskCount + 1);

    // A dropped item is not counted in the list.
    await api
      .http()
      .patch(`/api/v1/plan-imports/${created.id}`)
      .set(auth())
      .send({
        rowVersion: (edited.body as ImportBody).rowVersion,
        tasks: [{ number: created.draft.tasks[0].number, include: false }],
      })
      .expect(200);
    const list = await api
      .http()
      .get('/api/v1/plan-imports?state=draft&limit=2')
      .set(auth())
      .expect(200);
    const items = list.body as { id: string; state: string; taskCount: number; title: string }[];
    expect(items.length).toBeLessThanOrEqual(2);
    expect(items[0]).toMatchObject({
      id: created.id,
      state: 'draft',
      taskCount: created.taskCount,
      title: created.draft.title,
    });
    await api.http().get('/api/v1/plan-imports?limit=500').set(auth()).expect(400);
  });

  it.each([
    ['empty text', { text: '   ' }, 422],
    ['text with no numbered task', { text: '这是一段没有编号条目的文字,只是一段说明。' }, 422],
    ['a missing field', {}, 400],
  ])('refuses %s and writes nothing', async (_what, body, status) => {
    const before = await counts();
    await api.http().post('/api/v1/plan-imports').set(auth()).send(body).expect(status);
    expect(await counts()).toEqual(before);
  });

  it('refuses binary and oversized uploads, a bad .docx, and department users, writing nothing', async () => {
    const before = await counts();
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await api
      .http()
      .post('/api/v1/plan-imports/upload')
      .set(auth())
      .attach('file', binary, 'plan.txt')
      .expect(422);
    await api
      .http()
      .post('/api/v1/plan-imports/upload')
      .set(auth())
      .attach('file', Buffer.from('not a zip'), 'plan.docx')
      .expect(422);
    await api
      .http()
      .post('/api/v1/plan-imports/upload')
      .set(auth())
      .attach('file', Buffer.alloc(6 * 1024 * 1024, 0x41), 'big.txt')
      .expect(413);
    await api
      .http()
      .post('/api/v1/plan-imports')
      .set(auth())
      .send({ text: 'x'.repeat(6 * 1024 * 1024) })
      .expect(413);
    const department = await makeUser(api.db.dataSource, 'department', ids['市科技局']);
    const token = await api.tokenFor(department.username);
    await api
      .http()
      .post('/api/v1/plan-imports')
      .set({ Authorization: `Bearer ${token}` })
      .send({ text: PLAN })
      .expect(403);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a deadline that is no calendar day', { number: '一.(二)', deadline: '2026-02-30' }],
    ['a deadline with a time', { number: '一.(二)', deadline: '2026-12-05T10:00:00Z' }],
    ['a title with a line break', { number: '一.(二)', title: '标题\r\nBcc: x' }],
    ['a lead name with a control character', { number: '一.(二)', lead: ['市能源局\u0007'] }],
  ])('refuses a review edit with %s (400), changing nothing', async (_what, task) => {
    const draft = (
      await api
        .http()
        .post('/api/v1/plan-imports')
        .set(auth())
        .send({ text: PLAN.replace('梧州市', '钦州市') })
        .expect(201)
    ).body as ImportBody;
    await api
      .http()
      .patch(`/api/v1/plan-imports/${draft.id}`)
      .set(auth())
      .send({ rowVersion: draft.rowVersion, tasks: [task] })
      .expect(400);
    const [{ row_version }] = await api.db.dataSource.query<[{ row_version: number }]>(
      'SELECT row_version FROM plan_imports WHERE id = $1',
      [draft.id],
    );
    expect(row_version).toBe(draft.rowVersion);
    await api.http().delete(`/api/v1/plan-imports/${draft.id}`).set(auth()).expect(204);
  });
});

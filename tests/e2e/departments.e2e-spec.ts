import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

interface DepartmentBody {
  id: string;
  name: string;
  aliases: string[];
  emails: string[];
  kind: string;
}

describe('departments', () => {
  let api: ApiHarness;
  let admin: string;
  let supervisor: string;
  let leader: string;
  let department: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    const ds = api.db.dataSource;
    const own = await makeDepartment(ds, { name: '市科技局' });
    [admin, supervisor, leader, department] = await Promise.all(
      [
        makeUser(ds, 'admin'),
        makeUser(ds, 'supervisor'),
        makeUser(ds, 'leader'),
        makeUser(ds, 'department', own.id),
      ].map(async (user) => api.tokenFor((await user).username)),
    );
  });
  afterAll(() => api.close());

  it('lets the office create, change and find a department by alias; every change is audited', async () => {
    const created = await api
      .http()
      .post('/api/v1/departments')
      .set(auth(supervisor))
      .send({ name: '市发展改革委', shortNames: ['发展改革委'], emails: ['fgw@wuzhou.gov.cn'] })
      .expect(201);
    const id = (created.body as DepartmentBody).id;
    const patched = await api
      .http()
      .patch(`/api/v1/departments/${id}`)
      .set(auth(supervisor))
      .send({ aliases: ['市發展改革委', '市發展改革委'] })
      .expect(200);
    expect((patched.body as DepartmentBody).aliases).toEqual(['市發展改革委']);
    const found = await api
      .http()
      .get('/api/v1/departments')
      .query({ q: '市發展改革委' })
      .set(auth(department))
      .expect(200);
    expect((found.body as DepartmentBody[]).map((d) => d.name)).toEqual(['市发展改革委']);
    const audit = await api.db.dataSource.query<{ action: string }[]>(
      'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id',
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['department.create', 'department.update']);
  });

  it('answers 409 for a taken name, 404 for an unknown id, 400 for a bad id or mail address', async () => {
    await api
      .http()
      .post('/api/v1/departments')
      .set(auth(admin))
      .send({ name: '市科技局' })
      .expect(409);
    await api
      .http()
      .get('/api/v1/departments/7d0c1e2d-3b4a-4c55-9a43-0e6f1c2d3b4a')
      .set(auth(leader))
      .expect(404);
    await api.http().get('/api/v1/departments/not-a-uuid').set(auth(leader)).expect(400);
    const bad = await api
      .http()
      .post('/api/v1/departments')
      .set(auth(admin))
      .send({ name: '市教育局', emails: ['not-mail'] })
      .expect(400);
    expect((bad.body as { fields: { field: string }[] }).fields[0].field).toBe('emails');
  });

  it('keeps leaders and departments read-only', async () => {
    await api
      .http()
      .post('/api/v1/departments')
      .set(auth(leader))
      .send({ name: '市财政局' })
      .expect(403);
    await api
      .http()
      .post('/api/v1/departments')
      .set(auth(department))
      .send({ name: '市财政局' })
      .expect(403);
    expect(await api.count(`departments WHERE name = '市财政局'`)).toBe(0);
  });

  it('refuses to delete a department that still has users', async () => {
    const [{ id }] = await api.db.dataSource.query<{ id: string }[]>(
      `SELECT id FROM departments WHERE name = '市科技局'`,
    );
    await api.http().delete(`/api/v1/departments/${id}`).set(auth(admin)).expect(409);
    const spare = await makeDepartment(api.db.dataSource);
    await api.http().delete(`/api/v1/departments/${spare.id}`).set(auth(admin)).expect(204);
  });

  it('loads the shipped directory, then again without duplicates', async () => {
    // The directory names 74 units; earlier tests here already created two of them (市科技局, 市发展改革委).
    const first = await api
      .http()
      .post('/api/v1/departments/directory/load')
      .set(auth(admin))
      .expect(200);
    expect(first.body).toMatchObject({ created: 72, updated: 2 });
    const second = await api
      .http()
      .post('/api/v1/departments/directory/load')
      .set(auth(admin))
      .expect(200);
    expect(second.body).toMatchObject({ created: 0, updated: 74 });
    const [row] = await api.db.dataSource.query<{ kind: string; emails: string[] }[]>(
      `SELECT kind, emails FROM departments WHERE name = '各县(市、区)政府'`,
    );
    expect(row).toEqual({
      kind: 'collective',
      emails: [expect.stringMatching(/@duban\.example$/)],
    });
  });
});

import { JwtService } from '@nestjs/jwt';
import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

describe('auth and users', () => {
  let api: ApiHarness;
  let adminToken: string;
  let supervisorToken: string;
  let departmentId: string;

  beforeAll(async () => {
    api = await startApi();
    const admin = await makeUser(api.db.dataSource, 'admin');
    const supervisor = await makeUser(api.db.dataSource, 'supervisor');
    departmentId = (await makeDepartment(api.db.dataSource, { name: '市发展改革委' })).id;
    adminToken = await api.tokenFor(admin.username);
    supervisorToken = await api.tokenFor(supervisor.username);
  });
  afterAll(() => api.close());

  /** Runs a failing request and proves it wrote nothing. */
  async function expectNothingWritten(run: () => Promise<unknown>): Promise<void> {
    const before = await Promise.all(['users', 'audit_log', 'outbox'].map((t) => api.count(t)));
    await run();
    expect(await Promise.all(['users', 'audit_log', 'outbox'].map((t) => api.count(t)))).toEqual(
      before,
    );
  }

  it('signs in and says who is signed in', async () => {
    const dept = await makeUser(api.db.dataSource, 'department', departmentId);
    const login = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: dept.username, password: 'duban-test-password' })
      .expect(200);
    expect(login.body).toMatchObject({
      expiresIn: 3600,
      user: { username: dept.username, role: 'department', departmentId },
    });
    const token = (login.body as { accessToken: string }).accessToken;
    // Every token expires and names the session it belongs to (see tests/e2e/security).
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      iat: number;
      exp: number;
      ver: number;
    };
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims.ver).toBe(1);
    const me = await api
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(me.body).toEqual({
      id: dept.id,
      username: dept.username,
      role: 'department',
      departmentId,
    });
  });

  it.each([
    ['a wrong password', { password: 'nope' }],
    ['an unknown user', { username: 'nobody' }],
  ])('refuses %s with 401 and the same message', async (_what, change) => {
    const user = await makeUser(api.db.dataSource, 'leader');
    const response = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'x', ...change })
      .expect(401);
    expect(response.body).toMatchObject({ message: 'Wrong user name or password' });
  });

  it('refuses a deactivated user', async () => {
    const user = await makeUser(api.db.dataSource, 'leader', null, { active: false });
    await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'duban-test-password' })
      .expect(401);
  });

  it.each([
    ['no token', undefined],
    ['a malformed header', 'Token abc'],
    [
      'a forged token',
      `Bearer ${new JwtService({ secret: 'another-secret-of-at-least-32-characters!' }).sign({ sub: 'x', role: 'admin' })}`,
    ],
    [
      'an expired token',
      `Bearer ${new JwtService({ secret: 'duban-test-secret-0123456789-abcdefghij' }).sign({ sub: 'x', role: 'admin', exp: Math.floor(Date.now() / 1000) - 60 })}`,
    ],
  ])('answers 401 with %s', async (_what, header) => {
    const call = api.http().get('/api/v1/auth/me');
    const response = await (header ? call.set('Authorization', header) : call).expect(401);
    expect((response.body as { message: string }).message).toMatch(/sign in|not valid|expired/i);
  });

  it('lets an admin create a department user, with an audit row', async () => {
    const response = await api
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({
        username: 'fgw_zhang',
        displayName: '张伟',
        password: 'a long passphrase',
        role: 'department',
        departmentId,
      })
      .expect(201);
    expect(response.body).toMatchObject({
      username: 'fgw_zhang',
      role: 'department',
      departmentId,
      active: true,
    });
    const [audit] = await api.db.dataSource.query<{ action: string; actor: string }[]>(
      `SELECT action, actor FROM audit_log WHERE entity_id = $1`,
      [(response.body as { id: string }).id],
    );
    expect(audit.action).toBe('user.create');
    await api.tokenFor('fgw_zhang', 'a long passphrase');
  });

  it('answers 403 when a supervisor tries to create a user, and writes nothing', async () => {
    await expectNothingWritten(() =>
      api
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${supervisorToken}`)
        .send({
          username: 'x_user',
          displayName: 'x',
          password: 'a long passphrase',
          role: 'leader',
        })
        .expect(403),
    );
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    await expectNothingWritten(async () => {
      const response = await api
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ username: 'a b', password: 'short', role: 'mayor', extra: 1 })
        .expect(400);
      const fields = (response.body as { fields: { field: string }[] }).fields
        .map((f) => f.field)
        .sort();
      expect(fields).toEqual(['displayName', 'extra', 'password', 'role', 'username']);
      const password = (response.body as { fields: { field: string; messages: string[] }[] }).fields
        .filter((f) => f.field === 'password')
        .flatMap((f) => f.messages);
      expect(password).toEqual([
        'Choose a password of at least 10 characters (a phrase is easiest to remember)',
      ]);
    });
  });

  it('answers 409 for a taken user name and 404 for an unknown department, writing nothing', async () => {
    await expectNothingWritten(async () => {
      await api
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({
          username: 'fgw_zhang',
          displayName: 'dup',
          password: 'a long passphrase',
          role: 'leader',
        })
        .expect(409);
      await api
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({
          username: 'ghost',
          displayName: 'g',
          password: 'a long passphrase',
          role: 'department',
          departmentId: '00000000-0000-4000-8000-000000000000',
        })
        .expect(404);
    });
  });
});

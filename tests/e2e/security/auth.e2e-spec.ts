import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { hashSync } from 'bcryptjs';
import { makeDepartment, makeUser, TEST_PASSWORD } from '@duban/testing';
import { type ApiHarness, startApi } from '../support/api-harness';

const DEVELOPMENT_SECRET = 'duban-development-secret-change-me-0123456789';
const TEST_SECRET = 'duban-test-secret-0123456789-abcdefghij';

const bearer = (token: string) => `Bearer ${token}`;

describe('security: sign-in, tokens and sessions', () => {
  let api: ApiHarness;
  let admin: { id: string; token: string };

  beforeAll(async () => {
    api = await startApi();
    const user = await makeUser(api.db.dataSource, 'admin');
    admin = { id: user.id, token: await api.tokenFor(user.username) };
  });
  afterAll(() => api.close());

  const me = (token: string) =>
    api.http().get('/api/v1/auth/me').set('Authorization', bearer(token));
  const asAdmin = (method: 'post' | 'patch', path: string) =>
    api.http()[method](path).set('Authorization', bearer(admin.token));

  it('refuses a token signed with a known secret for a user who does not exist', async () => {
    const forged = new JwtService({ secret: TEST_SECRET }).sign(
      { sub: randomUUID(), username: 'ghost', role: 'admin', dept: null, ver: 1 },
      { expiresIn: 600 },
    );
    const response = await me(forged).expect(401);
    expect(response.body).toMatchObject({ message: 'Your session has ended: sign in again' });
    // The development secret is not this API's secret here: the token is not even valid.
    const dev = new JwtService({ secret: DEVELOPMENT_SECRET }).sign(
      { sub: admin.id, role: 'admin', ver: 1 },
      { expiresIn: 600 },
    );
    await me(dev).expect(401);
    const users = await api.count('users');
    await api
      .http()
      .post('/api/v1/users')
      .set('Authorization', bearer(forged))
      .send({
        username: 'intruder',
        displayName: 'x',
        password: 'a long passphrase',
        role: 'admin',
      })
      .expect(401);
    expect(await api.count('users')).toBe(users);
  });

  it('refuses a token without exp, and one issued in the future', async () => {
    const jwt = new JwtService({ secret: TEST_SECRET });
    const endless = jwt.sign({ sub: admin.id, username: 'x', role: 'admin', dept: null, ver: 1 });
    expect(
      JSON.parse(Buffer.from(endless.split('.')[1], 'base64url').toString()),
    ).not.toHaveProperty('exp');
    expect((await me(endless).expect(401)).body).toMatchObject({
      message: 'The access token is not valid',
    });
    const now = Math.floor(Date.now() / 1000);
    const future = jwt.sign({
      sub: admin.id,
      ver: 1,
      iat: now + 3600,
      exp: now + 7200,
    });
    await me(future).expect(401);
    // The same claims, properly dated, pass: the refusals were for exp and iat.
    await me(jwt.sign({ sub: admin.id, ver: 1 }, { expiresIn: 600 })).expect(200);
  });

  it("takes role and department from the user's row, not from the token", async () => {
    const leader = await makeUser(api.db.dataSource, 'leader');
    const claims = { sub: leader.id, username: leader.username, role: 'admin', dept: null, ver: 1 };
    const lying = new JwtService({ secret: TEST_SECRET }).sign(claims, { expiresIn: 600 });
    expect((await me(lying).expect(200)).body).toMatchObject({ role: 'leader' });
    await api
      .http()
      .post('/api/v1/users')
      .set('Authorization', bearer(lying))
      .send({ username: 'x_user', displayName: 'x', password: 'a long passphrase', role: 'admin' })
      .expect(403);
  });

  it("ends a disabled user's session on the next request, and lets them in again once enabled", async () => {
    const user = await makeUser(api.db.dataSource, 'supervisor');
    const token = await api.tokenFor(user.username);
    await me(token).expect(200);
    const disabled = await asAdmin('post', `/api/v1/users/${user.id}/disable`).expect(200);
    expect(disabled.body).toMatchObject({ active: false });
    await me(token).expect(401);
    await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(401);
    await asAdmin('post', `/api/v1/users/${user.id}/enable`).expect(200);
    await me(token).expect(401);
    await me(await api.tokenFor(user.username)).expect(200);
    const actions = await api.db.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['user.disable', 'user.enable']);
  });

  it("ends a re-roled or moved user's session (401), and the new sign-in acts with the new role", async () => {
    const department = await makeDepartment(api.db.dataSource);
    const other = await makeDepartment(api.db.dataSource);
    const user = await makeUser(api.db.dataSource, 'supervisor');
    const token = await api.tokenFor(user.username);
    await asAdmin('patch', `/api/v1/users/${user.id}`)
      .send({ role: 'department', departmentId: department.id })
      .expect(200);
    await me(token).expect(401);
    const second = await api.tokenFor(user.username);
    expect((await me(second).expect(200)).body).toMatchObject({
      role: 'department',
      departmentId: department.id,
    });
    await api.http().get('/api/v1/users').set('Authorization', bearer(second)).expect(403);
    await asAdmin('patch', `/api/v1/users/${user.id}`).send({ departmentId: other.id }).expect(200);
    await me(second).expect(401);
    // A new display name alone changes no access: the session goes on.
    const third = await api.tokenFor(user.username);
    await asAdmin('patch', `/api/v1/users/${user.id}`).send({ displayName: '新名字' }).expect(200);
    await me(third).expect(200);
    await asAdmin('patch', `/api/v1/users/${user.id}`)
      .send({ role: 'leader', departmentId: other.id })
      .expect(422);
  });

  it('signs out everywhere: old tokens are 401, a new sign-in works', async () => {
    const user = await makeUser(api.db.dataSource, 'leader');
    const first = await api.tokenFor(user.username);
    const second = await api.tokenFor(user.username);
    await api
      .http()
      .post('/api/v1/auth/sign-out-everywhere')
      .set('Authorization', bearer(first))
      .expect(204);
    await me(first).expect(401);
    await me(second).expect(401);
    const fresh = await api.tokenFor(user.username);
    await me(fresh).expect(200);
    await asAdmin('post', `/api/v1/users/${user.id}/sign-out-everywhere`).expect(200);
    await me(fresh).expect(401);
  });

  it('changes the own password: checks the current one, ends old sessions, returns a new token', async () => {
    const user = await makeUser(api.db.dataSource, 'leader');
    const old = await api.tokenFor(user.username);
    const change = (body: object) =>
      api.http().post('/api/v1/auth/password').set('Authorization', bearer(old)).send(body);
    await change({
      currentPassword: 'wrong password',
      newPassword: '春风又绿江南岸明月何时照我还',
    }).expect(401);
    const weak = await change({ currentPassword: TEST_PASSWORD, newPassword: '12345678' }).expect(
      400,
    );
    expect(JSON.stringify(weak.body)).toMatch(/at least 10 characters/);
    await change({
      currentPassword: TEST_PASSWORD,
      newPassword: `${user.username}-spring-2024`,
    }).expect(422);
    const changed = await change({
      currentPassword: TEST_PASSWORD,
      newPassword: '春风又绿江南岸明月何时照我还',
    }).expect(200);
    await me(old).expect(401);
    await me((changed.body as { accessToken: string }).accessToken).expect(200);
    await api.tokenFor(user.username, '春风又绿江南岸明月何时照我还');
  });

  it('refuses a weak password with the reason, and takes a long Chinese passphrase in full', async () => {
    const weak = await asAdmin('post', '/api/v1/users')
      .send({ username: 'weak_user', displayName: 'w', password: '12345678', role: 'leader' })
      .expect(400);
    expect(weak.body).toMatchObject({
      fields: [
        {
          field: 'password',
          messages: [
            'Choose a password of at least 10 characters (a phrase is easiest to remember)',
          ],
        },
      ],
    });
    const passphrase =
      '落霞与孤鹜齐飞秋水共长天一色渔舟唱晚响穷彭蠡之滨雁阵惊寒声断衡阳之浦'.repeat(2);
    expect(Buffer.byteLength(passphrase)).toBeGreaterThan(72);
    const created = await asAdmin('post', '/api/v1/users')
      .send({ username: 'poet_wang', displayName: '王勃', password: passphrase, role: 'leader' })
      .expect(201);
    await api.tokenFor('poet_wang', passphrase);
    await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'poet_wang', password: passphrase.slice(0, 24) })
      .expect(401);
    // Reset by the office: the same policy, a new password that works at once.
    const id = (created.body as { id: string }).id;
    await asAdmin('post', `/api/v1/users/${id}/password`)
      .send({ newPassword: 'password2024' })
      .expect(400);
    await asAdmin('post', `/api/v1/users/${id}/password`)
      .send({ newPassword: '海内存知己天涯若比邻' })
      .expect(200);
    await api.tokenFor('poet_wang', '海内存知己天涯若比邻');
  });

  it('upgrades a legacy bcrypt hash to scrypt at the next sign-in', async () => {
    const user = await makeUser(api.db.dataSource, 'leader');
    await api.db.dataSource.query(`UPDATE users SET password_hash = $1 WHERE id = $2`, [
      hashSync(TEST_PASSWORD, 10),
      user.id,
    ]);
    await api.tokenFor(user.username);
    const [{ hash }] = await api.db.dataSource.query<{ hash: string }[]>(
      `SELECT password_hash AS hash FROM users WHERE id = $1`,
      [user.id],
    );
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    await api.tokenFor(user.username);
  });

  it('locks an account after 10 failures: the 11th try is 429 even with the right password, until the office unlocks it', async () => {
    const user = await makeUser(api.db.dataSource, 'leader');
    const login = (password: string) =>
      api.http().post('/api/v1/auth/login').send({ username: user.username, password });
    for (let i = 0; i < 10; i += 1) {
      await login(`wrong-${i}`).expect(401);
    }
    const locked = await login(TEST_PASSWORD).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect(locked.body).toMatchObject({
      message:
        'Too many failed sign-ins for this user name: try again in 15 minutes, or ask the office to unlock the account',
    });
    // An unknown name is answered alike: the lock says nothing about who exists.
    for (let i = 0; i < 10; i += 1) {
      await api
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'nobody_here', password: 'x' })
        .expect(401);
    }
    const unknown = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'nobody_here', password: 'x' })
      .expect(429);
    expect(unknown.body).toEqual(locked.body);
    // Only admins unlock, and it is audited.
    const supervisor = await makeUser(api.db.dataSource, 'supervisor');
    await api
      .http()
      .post(`/api/v1/users/${user.id}/unlock`)
      .set('Authorization', bearer(await api.tokenFor(supervisor.username)))
      .expect(403);
    await asAdmin('post', `/api/v1/users/${user.id}/unlock`).expect(200);
    await login(TEST_PASSWORD).expect(200);
    const [audit] = await api.db.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_id = $1`,
      [user.id],
    );
    expect(audit.action).toBe('user.unlock');
  });

  it('keeps GET /auth/me fast while 16 sign-ins run in parallel', async () => {
    const users = await Promise.all(
      Array.from({ length: 16 }, () => makeUser(api.db.dataSource, 'leader')),
    );
    const latencies: number[] = [];
    let signingIn = true;
    const probe = (async () => {
      while (signingIn) {
        const started = performance.now();
        await me(admin.token).expect(200);
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(users.map((u) => api.tokenFor(u.username)));
    }
    signingIn = false;
    await probe;
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.ceil(latencies.length * 0.99) - 1];
    expect(latencies.length).toBeGreaterThan(5);
    expect(p99).toBeLessThan(200);
  });
});

describe('security: the per-address sign-in throttle', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi((config) => ({
      ...config,
      auth: { ...config.auth, login: { ...config.auth.login, addressMaxFailures: 12 } },
    }));
  });
  afterAll(() => api.close());

  it('throttles an address after N failures across several user names, and not before', async () => {
    const { http } = api;
    const users = await Promise.all(
      Array.from({ length: 4 }, () => makeUser(api.db.dataSource, 'leader')),
    );
    // Successful sign-ins of many users from one address are never counted.
    for (let round = 0; round < 4; round += 1) {
      for (const user of users) {
        await http()
          .post('/api/v1/auth/login')
          .send({ username: user.username, password: TEST_PASSWORD })
          .expect(200);
      }
    }
    // A forged X-Forwarded-For changes nothing: with no trusted proxy the socket's address counts.
    for (let i = 0; i < 12; i += 1) {
      await http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ username: users[i % 4].username, password: `wrong-${i}` })
        .expect(401);
    }
    const throttled = await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ username: users[0].username, password: TEST_PASSWORD })
      .expect(429);
    expect(throttled.headers['retry-after']).toMatch(/^\d+$/);
    expect(throttled.body).toMatchObject({
      message: 'Too many failed sign-ins from this address: try again in 15 minutes',
    });
  });
});

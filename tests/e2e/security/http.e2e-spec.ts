import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { Clock } from '../../../apps/api/src/common/clock';
import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from '../support/api-harness';

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** A JSON object of `keys` distinct keys, written out directly (building it as an object is slow). */
function manyKeysJson(keys: number, extra: string): string {
  const parts: string[] = [];
  for (let i = 0; i < keys; i += 1) {
    parts.push(`"k${i}":1`);
  }
  return `{${extra}${parts.join(',')}}`;
}

/**
 * Findings of an attack on a running Duban, each reproduced and shown refused or bounded: body
 * sizes and shapes, dates and numbers in queries, security headers, the leader's read-only role,
 * who may ask for an extension, which months take a report, control characters in names, and
 * errors that name no constraint and no hidden task.
 */
describe('security: HTTP surface of the API', () => {
  let api: ApiHarness;
  let admin: string;
  let office: string;
  let leader: string;
  let leadToken: string;
  let supportToken: string;
  let outsiderToken: string;
  let taskId: string;
  let planId: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(new Date('2026-03-02T10:00:00+08:00'));
    const ds = api.db.dataSource;
    admin = await api.tokenFor((await makeUser(ds, 'admin')).username);
    office = await api.tokenFor((await makeUser(ds, 'supervisor')).username);
    leader = await api.tokenFor((await makeUser(ds, 'leader')).username);
    const lead = await makeDepartment(ds);
    const support = await makeDepartment(ds);
    const outsider = await makeDepartment(ds);
    leadToken = await api.tokenFor((await makeUser(ds, 'department', lead.id)).username);
    supportToken = await api.tokenFor((await makeUser(ds, 'department', support.id)).username);
    outsiderToken = await api.tokenFor((await makeUser(ds, 'department', outsider.id)).username);
    const [plan] = await ds.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('安全方案', '正文', repeat('d', 64)) RETURNING id`,
    );
    planId = plan.id;
    const [task] = await ds.query<{ id: string }[]>(
      `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status)
       VALUES ($1, '七', 1, '保密任务', '2026-06-30', 'open') RETURNING id`,
      [plan.id],
    );
    taskId = task.id;
    await ds.query(
      `INSERT INTO task_assignments (task_id, department_id, role, assigned_at)
       VALUES ($1, $2, 'lead', '2026-01-10T10:00:00+08:00'), ($1, $3, 'support', '2026-01-10T10:00:00+08:00')`,
      [taskId, lead.id, support.id],
    );
  });

  afterAll(async () => {
    await api.close();
  });

  describe('finding 2: body size and shape bounds', () => {
    it('answers a 4.9 MB sign-in of 420,000 keys 413 at once, and /auth/me stays fast meanwhile', async () => {
      const body = manyKeysJson(420_000, '"username":"x","password":"y",');
      expect(body.length).toBeGreaterThan(4_500_000);
      const started = Date.now();
      const [login, me] = await Promise.all([
        api.http().post('/api/v1/auth/login').set('content-type', 'application/json').send(body),
        api.http().get('/api/v1/auth/me').set(bearer(office)),
      ]);
      const elapsed = Date.now() - started;
      expect(login.status).toBe(413);
      expect((login.body as { message: string }).message).toMatch(/too large/i);
      expect(me.status).toBe(200);
      // Generous: the finding took 140 s; refusing on Content-Length takes milliseconds.
      expect(elapsed).toBeLessThan(5_000);
    });

    it('answers a progress report with 300,000 indicator keys 413 fast', async () => {
      const indicators = manyKeysJson(300_000, '');
      const started = Date.now();
      const response = await api
        .http()
        .post(`/api/v1/tasks/${taskId}/progress`)
        .set(bearer(leadToken))
        .set('content-type', 'application/json')
        .send(`{"text":"进展","percent":10,"indicatorValues":${indicators}}`);
      expect(response.status).toBe(413);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await api.count('progress_reports')).toBe(0);
    });

    it('refuses a small body with more than 10,000 entries in all before validating it', async () => {
      const aliases = new Array<number>(12_000).fill(0);
      const response = await api
        .http()
        .post('/api/v1/departments')
        .set(bearer(admin))
        .send({ name: '市条目局', aliases })
        .expect(400);
      expect((response.body as { message: string }).message).toMatch(/more than 10000 fields/);
    });

    it('bounds the indicator map of a progress report to 50 indicators', async () => {
      const indicatorValues = Object.fromEntries(
        Array.from({ length: 51 }, (_, i) => [`指标${i}`, i]),
      );
      const response = await api
        .http()
        .post(`/api/v1/tasks/${taskId}/progress`)
        .set(bearer(leadToken))
        .send({ text: '进展', percent: 10, indicatorValues })
        .expect(400);
      expect((response.body as { message: string }).message).toMatch(/at most 50/);
    });

    it('keeps the MB limit for plan texts posted as JSON', async () => {
      const text = `一、测试任务\n${'经'.repeat(200_000)}`;
      const response = await api
        .http()
        .post('/api/v1/plan-imports')
        .set(bearer(office))
        .send({ text });
      expect(response.status).not.toBe(413);
      expect(response.status).toBeLessThan(500);
    });
  });

  describe('finding 10: dates and numbers in queries are 400, never 500', () => {
    const badDates = [
      '2026',
      '2026-W05',
      '2026-12-05T10:00:00Z',
      '9999-12-31',
      '2026-02-30',
      '1999-12-31',
      '2026-1-5',
      "2026-01-01' OR 1=1--",
    ];
    it.each(badDates)('GET /board?asOf=%s is 400 for every role', async (asOf) => {
      for (const token of [office, leader, leadToken]) {
        await api.http().get('/api/v1/board').query({ asOf }).set(bearer(token)).expect(400);
        await api.http().get('/api/v1/board/tasks').query({ asOf }).set(bearer(token)).expect(400);
      }
      await api
        .http()
        .get('/api/v1/tasks')
        .query({ deadlineFrom: asOf })
        .set(bearer(office))
        .expect(400);
      await api
        .http()
        .get('/api/v1/tasks')
        .query({ deadlineTo: asOf })
        .set(bearer(office))
        .expect(400);
    });

    it('accepts a real date', async () => {
      await api
        .http()
        .get('/api/v1/board')
        .query({ asOf: '2026-02-28' })
        .set(bearer(leader))
        .expect(200);
    });

    it.each(['abc', '1e309', '-1', '0', '99999999999999999999', '1.5'])(
      'limit=%s is 400 on every list',
      async (limit) => {
        for (const path of [
          '/api/v1/board/tasks',
          '/api/v1/tasks',
          '/api/v1/reminders',
          '/api/v1/mail-deliveries',
        ]) {
          const response = await api.http().get(path).query({ limit }).set(bearer(office));
          expect([path, response.status]).toEqual([path, 400]);
        }
      },
    );

    it.each([
      ['get', '/api/v1/assessments/abc'],
      ['get', '/api/v1/assessments/99999999999999'],
      ['get', '/api/v1/assessments/2026.5'],
      ['post', '/api/v1/assessments/1e3/run'],
      ['get', '/api/v1/assessments/abc/tasks/00000000-0000-4000-8000-000000000000/deltas'],
      ['get', '/api/v1/tasks?cursor=%FF%FF'],
      ['get', '/api/v1/tasks?overdue=maybe'],
      ['get', '/api/v1/tasks?q=%00'],
      ['get', '/api/v1/departments?q=%00'],
      ['get', '/api/v1/tasks/not-a-uuid'],
      ['get', '/api/v1/plans/not-a-uuid'],
    ] as const)('%s %s is 400', async (method, url) => {
      await api.http()[method](url).set(bearer(office)).send({}).expect(400);
    });

    it.each([1e300, 99_999_999_999, 2_147_483_648])(
      'a task edit with rowVersion %d is 400, not 500',
      async (rowVersion) => {
        await api
          .http()
          .patch(`/api/v1/tasks/${taskId}`)
          .set(bearer(office))
          .send({ rowVersion, title: '新标题' })
          .expect(400);
      },
    );

    it('a run asOf of 2026-02-30 is 400', async () => {
      await api
        .http()
        .post('/api/v1/assessments/2026/run')
        .set(bearer(office))
        .send({ asOf: '2026-02-30' })
        .expect(400);
    });

    it('a what-if asOf of the wrong form is 400', async () => {
      const response = await api
        .http()
        .post('/api/v1/assessments/2026/what-if')
        .query({ asOf: '2026-02-30' })
        .set(bearer(office))
        .send({});
      expect(response.status).toBe(400);
    });
  });

  describe('finding 13: security headers and cache policy', () => {
    it('sends nosniff, DENY framing and a strict content security policy', async () => {
      const response = await api.http().get('/health');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('marks sign-in answers no-store', async () => {
      const response = await api
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'x', password: 'y' });
      expect(response.headers['cache-control']).toBe('no-store');
      const me = await api.http().get('/api/v1/auth/me').set(bearer(office)).expect(200);
      expect(me.headers['cache-control']).toBe('no-store');
    });

    it('marks ledger downloads no-store', async () => {
      for (const format of ['csv', 'xlsx']) {
        const response = await api
          .http()
          .get(`/api/v1/plans/${planId}/ledger.${format}`)
          .set(bearer(office))
          .expect(200);
        expect(response.headers['content-disposition']).toMatch(/^attachment/);
        expect(response.headers['cache-control']).toBe('no-store');
      }
    });

    it('renders Swagger UI with its own scripts and styles allowed', async () => {
      const page = await api.http().get('/api/docs').redirects(1).expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      const scripts = [...page.text.matchAll(/src="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        await api
          .http()
          .get(`/api/docs/${script.replace(/^docs\//, '')}`)
          .expect(200);
      }
    });
  });

  describe('finding 14: the leader is read-only everywhere', () => {
    it('answers every write route 403 for a leader', async () => {
      const document = (await api.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
      const writes: Array<[string, string]> = [];
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of Object.keys(operations)) {
          if (
            ['post', 'patch', 'put', 'delete'].includes(method) &&
            !path.startsWith('/api/v1/auth/')
          ) {
            writes.push([method, path]);
          }
        }
      }
      expect(writes.length).toBeGreaterThanOrEqual(25);
      expect(writes).toContainEqual(['post', '/api/v1/assessments/{year}/reports']);
      expect(writes).toContainEqual(['post', '/api/v1/assessments/{year}/what-if']);
      const statuses = [];
      for (const [method, path] of writes) {
        const url = path
          .replace('{year}', '2026')
          .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await api
          .http()
          [method as 'post' | 'patch' | 'put' | 'delete'](url)
          .set(bearer(leader))
          .send({});
        statuses.push([method, path, response.status]);
      }
      expect(statuses).toEqual(writes.map(([method, path]) => [method, path, 403]));
    });

    it('refuses a what-if with huge point values as invalid, not 500', async () => {
      const scheme = parseYaml(
        readFileSync(
          join(__dirname, '..', '..', '..', 'config', 'assessment', '2026.yaml'),
          'utf8',
        ),
      ) as { points: { onTime: { lead: number }; base: number } };
      scheme.points.onTime.lead = 1e300;
      const response = await api
        .http()
        .post('/api/v1/assessments/2026/what-if')
        .set(bearer(office))
        .send(scheme);
      expect(response.status).toBe(422);
      scheme.points.onTime.lead = 2;
      scheme.points.base = 1e12;
      const base = await api
        .http()
        .post('/api/v1/assessments/2026/what-if')
        .set(bearer(office))
        .send(scheme);
      expect(base.status).toBe(422);
    });
  });

  describe('finding 16: extensions and report periods', () => {
    it('lets only the lead department ask for an extension', async () => {
      const before = await api.count('extension_requests');
      const response = await api
        .http()
        .post(`/api/v1/tasks/${taskId}/extensions`)
        .set(bearer(supportToken))
        .send({ requestedDeadline: '2026-09-30', reason: '原因', progress: '进展' })
        .expect(403);
      expect((response.body as { message: string }).message).toMatch(/Only the lead department/);
      expect(await api.count('extension_requests')).toBe(before);
    });

    it.each(['1999-01', '2025-12', '2026-04'])(
      'refuses a report for %s with 422',
      async (period) => {
        await api
          .http()
          .post(`/api/v1/tasks/${taskId}/progress`)
          .set(bearer(leadToken))
          .send({ text: '进展', percent: 10, period })
          .expect(422);
        expect(await api.count('progress_reports')).toBe(0);
      },
    );

    it('takes a report for the month of the assignment, with line breaks and tabs', async () => {
      await api
        .http()
        .post(`/api/v1/tasks/${taskId}/progress`)
        .set(bearer(leadToken))
        .send({ text: '一、进展\r\n\t二、问题', percent: 10, period: '2026-01' })
        .expect(201);
    });
  });

  describe('finding 15: control characters in names and plain mail addresses', () => {
    it.each([
      ['a CR/LF in a name', { name: '市发改委\r\nBcc: x@evil.cn' }],
      ['a tab in a name', { name: '市发改委\t' }],
      ['a line separator in a name', { name: '市发改委\u2028' }],
      ['a C1 control in an alias', { name: '市甲局', aliases: ['甲局\u0085'] }],
      ['DEL in a short name', { name: '市乙局', shortNames: ['乙局\u007f'] }],
      ['a quoted CR/LF address', { name: '市丙局', emails: ['"a\r\nBcc: x"@example.cn'] }],
      ['a space in an address', { name: '市丁局', emails: ['a b@example.cn'] }],
    ])('refuses %s with 400', async (_label, body) => {
      const before = await api.count('departments');
      await api.http().post('/api/v1/departments').set(bearer(admin)).send(body).expect(400);
      expect(await api.count('departments')).toBe(before);
    });

    it('refuses a display name with a line break', async () => {
      await api
        .http()
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({
          username: 'crlf_user',
          displayName: '张伟\r\n',
          password: 'a long passphrase',
          role: 'leader',
        })
        .expect(400);
    });

    it('refuses a bell character in progress text', async () => {
      await api
        .http()
        .post(`/api/v1/tasks/${taskId}/progress`)
        .set(bearer(leadToken))
        .send({ text: '进展\u0007', percent: 10 })
        .expect(400);
    });
  });

  describe('finding 17: errors name no constraint and no hidden task', () => {
    it('answers a task the department may not read 404 without its number', async () => {
      for (const path of [`/api/v1/tasks/${taskId}`, `/api/v1/tasks/${taskId}/history`]) {
        const response = await api.http().get(path).set(bearer(outsiderToken)).expect(404);
        expect(JSON.stringify(response.body)).not.toContain('七');
      }
      const acknowledge = await api
        .http()
        .post(`/api/v1/tasks/${taskId}/acknowledge`)
        .set(bearer(outsiderToken))
        .expect(404);
      expect((acknowledge.body as { message: string }).message).toBe('Task not found');
    });

    it('answers a duplicate department name without naming the constraint', async () => {
      await api
        .http()
        .post('/api/v1/departments')
        .set(bearer(admin))
        .send({ name: '市重名局' })
        .expect(201);
      const response = await api
        .http()
        .post('/api/v1/departments')
        .set(bearer(admin))
        .send({ name: '市重名局' })
        .expect(409);
      expect(JSON.stringify(response.body)).not.toMatch(/_key|departments_|constraint/);
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AssessmentModule } from '../../apps/assessment/src/assessment.module';
import { makeDepartment, makeUser, pollUntil } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

/**
 * The assessment routes over HTTP: roles, 202/409 on runs, the stored ranking and breakdown,
 * what-if, bad input naming its field, and a report download. The facts are written directly
 * (the event path is covered by assessment.e2e-spec.ts). Scheme: config/assessment/2025.yaml.
 */
describe('assessment api', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext | undefined;
  let supervisor: string;
  let leader: string;
  let ownDepartment: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids = { a: '', b: '', c: '' };
  const t1 = randomUUID();
  const t2 = randomUUID();

  beforeAll(async () => {
    api = await startApi();
    const ds = api.db.dataSource;
    const [a, b, c] = await Promise.all([
      makeDepartment(ds, { name: '市发展改革委' }),
      makeDepartment(ds, { name: '市工信委' }),
      makeDepartment(ds, { name: '市教育局' }),
    ]);
    ids.a = a.id;
    ids.b = b.id;
    ids.c = c.id;
    [supervisor, leader, ownDepartment] = await Promise.all(
      [makeUser(ds, 'supervisor'), makeUser(ds, 'leader'), makeUser(ds, 'department', a.id)].map(
        async (user) => api.tokenFor((await user).username),
      ),
    );
    // 发展改革委 leads T1, approved on time with 优: 80 + 2 + 0.5 = 82.50.
    // 工信委 leads T2, still open after 31 May: 80 − 5 = 75.00. 教育局: no task, not assessed.
    await ds.query(
      `INSERT INTO assessment_task_facts (task_id, deadline) VALUES ($1, '2025-06-30'), ($2, '2025-05-31')`,
      [t1, t2],
    );
    await ds.query(
      `INSERT INTO assessment_assignment_facts (task_id, department_id, role, event_id)
       VALUES ($1, $2, 'lead', $5), ($3, $4, 'lead', $6)`,
      [t1, a.id, t2, b.id, randomUUID(), randomUUID()],
    );
    await ds.query(
      `INSERT INTO assessment_completion_facts
         (completion_id, task_id, approved_on, rating, occurrence_year, event_id)
       VALUES ($1, $2, '2025-06-01', 'excellent', 2025, $3)`,
      [randomUUID(), t1, randomUUID()],
    );
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api.close();
  }, 30_000);

  it('refuses callers without a token or without the office role', async () => {
    await api.http().post('/api/v1/assessments/2025/run').send({}).expect(401);
    await api
      .http()
      .post('/api/v1/assessments/2025/run')
      .set(auth(ownDepartment))
      .send({})
      .expect(403);
    await api.http().post('/api/v1/assessments/2025/run').set(auth(leader)).send({}).expect(403);
  });

  it('names the field of bad input: malformed year, year without a scheme, invalid what-if scheme', async () => {
    const malformed = await api
      .http()
      .post('/api/v1/assessments/20x5/run')
      .set(auth(supervisor))
      .send({})
      .expect(400);
    expect(malformed.body).toMatchObject({ fields: [{ field: 'year' }] });
    const unknown = await api
      .http()
      .post('/api/v1/assessments/2031/run')
      .set(auth(supervisor))
      .send({})
      .expect(422);
    expect(unknown.body).toMatchObject({ fields: [{ field: 'year' }] });
    const badAsOf = await api
      .http()
      .post('/api/v1/assessments/2025/run')
      .set(auth(supervisor))
      .send({ asOf: 'tomorrow' })
      .expect(400);
    expect(badAsOf.body).toMatchObject({ fields: [{ field: 'asOf' }] });

    const scheme = {
      year: 2025,
      method: 'points',
      counts: { onTime: true, overdue: true, lateReport: true, missedReport: true, quality: true },
      points: {
        base: 80,
        cap: -1,
        floor: 0,
        onTime: { lead: 2, support: 1 },
        overdue: { lead: -5, support: -2.5 },
        lateReport: -0.1,
        missedReport: -0.5,
        quality: { appliesTo: ['lead'], ratings: { excellent: 0.5, good: 0, fair: 0, poor: -1 } },
      },
    };
    const negativeCap = await api
      .http()
      .post('/api/v1/assessments/2025/what-if')
      .set(auth(supervisor))
      .send(scheme)
      .expect(422);
    expect((negativeCap.body as { fields: unknown }).fields).toEqual([
      { field: 'points.cap', messages: ['must be ≥ 0'] },
    ]);
    const unknownMethod = await api
      .http()
      .post('/api/v1/assessments/2025/what-if')
      .set(auth(supervisor))
      .send({ ...scheme, method: 'average' })
      .expect(422);
    expect((unknownMethod.body as { fields: unknown }).fields).toEqual([
      { field: 'method', messages: ['must be one of: points, weighted-share'] },
    ]);
    expect(await api.count('assessment_runs')).toBe(0);
  });

  it('accepts a run with 202, refuses a second one with 409 while it waits, then serves the ranking', async () => {
    const accepted = await api
      .http()
      .post('/api/v1/assessments/2025/run')
      .set(auth(supervisor))
      .send({ asOf: '2026-01-15' })
      .expect(202);
    const runId = (accepted.body as { runId: string }).runId;
    await api
      .http()
      .post('/api/v1/assessments/2025/run')
      .set(auth(supervisor))
      .send({ asOf: '2026-01-15' })
      .expect(409);

    // The worker starts only now, so the second request above met the queued run.
    worker = await NestFactory.createApplicationContext(AssessmentModule.forRoot(api.config), {
      logger: false,
    });
    await pollUntil(
      async () => {
        const run = await api.http().get(`/api/v1/assessments/runs/${runId}`).set(auth(leader));
        return (run.body as { state: string }).state === 'succeeded';
      },
      { timeoutMs: 30_000, what: 'the run succeeded' },
    );

    const ranking = await api.http().get('/api/v1/assessments/2025').set(auth(leader)).expect(200);
    expect(
      (
        ranking.body as {
          departments: { departmentId: string; rank: number | null; score: number | null }[];
        }
      ).departments.map((d) => [d.departmentId, d.rank, d.score]),
    ).toEqual([
      [ids.a, 1, 82.5],
      [ids.b, 2, 75],
      [ids.c, null, null],
    ]);
  }, 60_000);

  it('shows a department its own breakdown only, and a task its deltas', async () => {
    const own = await api
      .http()
      .get(`/api/v1/assessments/2025/departments/${ids.a}`)
      .set(auth(ownDepartment))
      .expect(200);
    expect(own.body).toMatchObject({ score: 82.5, rank: 1, base: 80 });
    expect(
      (own.body as { tasks: { taskId: string; points: number; deltas: { rule: string }[] }[] })
        .tasks,
    ).toEqual([
      expect.objectContaining({
        taskId: t1,
        points: 2.5,
        deltas: [
          expect.objectContaining({ rule: 'on_time', points: 2 }),
          expect.objectContaining({ rule: 'quality_excellent', points: 0.5 }),
        ],
      }),
    ]);
    await api
      .http()
      .get(`/api/v1/assessments/2025/departments/${ids.b}`)
      .set(auth(ownDepartment))
      .expect(403);
    const deltas = await api
      .http()
      .get(`/api/v1/assessments/2025/tasks/${t2}/deltas`)
      .set(auth(supervisor))
      .expect(200);
    expect(deltas.body).toEqual([
      expect.objectContaining({
        departmentId: ids.b,
        rule: 'overdue_open',
        points: -5,
        date: '2025-06-01',
      }),
    ]);
    await api.http().get('/api/v1/assessments/2024').set(auth(leader)).expect(404);
  });

  it('answers a what-if without saving it', async () => {
    const scheme = {
      year: 2025,
      method: 'weighted-share',
      counts: {
        onTime: true,
        overdue: true,
        lateReport: false,
        missedReport: false,
        quality: false,
      },
      weightedShare: {
        weights: { lead: 1, support: 0.5 },
        lateness: { decayPerCalendarDay: 0.02, creditFloor: 0.5 },
      },
    };
    const response = await api
      .http()
      .post('/api/v1/assessments/2025/what-if')
      .set(auth(supervisor))
      .send(scheme)
      .expect(200);
    // 发展改革委 100 % on time → 100; 工信委 0 % (open past the deadline) → 0.
    expect(
      (
        response.body as {
          departments: { departmentId: string; score: number | null; rankChange: number | null }[];
        }
      ).departments.map((d) => [d.departmentId, d.score, d.rankChange]),
    ).toEqual([
      [ids.a, 100, 0],
      [ids.b, 0, 0],
      [ids.c, null, null],
    ]);
    const stored = await api.http().get('/api/v1/assessments/2025').set(auth(leader)).expect(200);
    expect((stored.body as { method: string }).method).toBe('points');
  });

  it('builds the HTML report with a job and serves the file', async () => {
    // Building a report is an office action; leaders read the ones built.
    await api
      .http()
      .post('/api/v1/assessments/2025/reports')
      .set(auth(leader))
      .send({ format: 'html' })
      .expect(403);
    const requested = await api
      .http()
      .post('/api/v1/assessments/2025/reports')
      .set(auth(supervisor))
      .send({ format: 'html' })
      .expect(202);
    const reportId = (requested.body as { reportId: string }).reportId;
    await pollUntil(
      async () => {
        const report = await api
          .http()
          .get(`/api/v1/assessments/reports/${reportId}`)
          .set(auth(leader));
        return (report.body as { state: string }).state === 'ready';
      },
      { timeoutMs: 30_000, what: 'the report is ready' },
    );
    const file = await api
      .http()
      .get(`/api/v1/assessments/reports/${reportId}/file`)
      .set(auth(leader))
      .expect(200);
    expect(file.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="assessment-2025.html"');
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.text).toContain('市发展改革委');
    expect(file.text).toContain('<svg');
    await api
      .http()
      .post('/api/v1/assessments/2025/reports')
      .set(auth(supervisor))
      .send({ format: 'pdf' })
      .expect(400);
  }, 60_000);
});

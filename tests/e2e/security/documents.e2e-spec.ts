import { performance } from 'node:perf_hooks';
import { makeDepartment, makeUser } from '@duban/testing';
import { documentXml, writeDocx } from '../../../apps/api/src/plan-imports/test/zip-writer';
import { type ApiHarness, startApi } from '../support/api-harness';

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** Chinese section numerals up to 99: 一, 十一, 二十三. */
const chineseNumber = (n: number): string =>
  n < 10 ? DIGITS[n] : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${DIGITS[n % 10]}`;

/**
 * A plan of `count` numbered tasks, 100 to a section (一、二、…), each about `filler` characters
 * long: the shape of a real plan, many times over.
 */
function planText(count: number, filler = 0): string {
  const lines = ['数字政府建设实施方案'];
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0) {
      lines.push(`${chineseNumber(i / 100 + 1)}、第${i / 100 + 1}部分任务`);
    }
    lines.push(
      `${(i % 100) + 1}.推进第${i + 1}项工作${'完善政务服务'.repeat(filler / 6)},2026年底前完成。(市数据局牵头)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('security: documents and plan imports', () => {
  let api: ApiHarness;
  let office: string;
  const bearer = () => ({ Authorization: `Bearer ${office}` });
  const tables = ['plan_imports', 'plans', 'tasks', 'audit_log'];
  const counts = () => Promise.all(tables.map((t) => api.count(t)));

  beforeAll(async () => {
    api = await startApi();
    await makeDepartment(api.db.dataSource, { name: '市数据局' });
    office = await api.tokenFor((await makeUser(api.db.dataSource, 'supervisor')).username);
  });
  afterAll(() => api.close());

  const upload = (bytes: Buffer, name = 'plan.docx') =>
    api.http().post('/api/v1/plan-imports/upload').set(bearer()).attach('file', bytes, name);

  it('reads an ordinary .docx plan through the worker threads', async () => {
    const docx = writeDocx(
      documentXml([
        '数字政府建设实施方案',
        '一、主要任务',
        '(一)建设一体化平台。2026年底前完成。(市数据局牵头)',
      ]),
    );
    const response = await upload(docx).expect(201);
    expect((response.body as { taskCount: number }).taskCount).toBe(1);
  });

  it('refuses a 46 KB .docx that unpacks to 30 MB of empty paragraphs with 413, and answers the next request', async () => {
    const bomb = writeDocx(documentXml(['方案'], '<w:p/>', 5_000_000));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const before = await counts();
    const started = performance.now();
    const response = await upload(bomb).expect(413);
    expect(performance.now() - started).toBeLessThan(5000);
    expect((response.body as { message: string }).message).toMatch(
      /^plan\.docx unpacks to 29 MB, more than a plan needs .*upload the text$/,
    );
    expect(await counts()).toEqual(before);
    await api.http().get('/api/v1/auth/me').set(bearer()).expect(200);
  });

  it('refuses a .docx whose declared sizes lie with 422, and answers the next request', async () => {
    // document.xml unpacks to 18 MB but declares 1,000 bytes in both its headers.
    const liar = writeDocx(documentXml(['方案'], '<w:p/>', 3_000_000), [], 1000);
    const before = await counts();
    const response = await upload(liar).expect(422);
    expect((response.body as { message: string }).message).toMatch(
      /plan\.docx is not a readable \.docx file/,
    );
    expect(await counts()).toEqual(before);
    await api.http().get('/api/v1/auth/me').set(bearer()).expect(200);
  });

  it('refuses the 4 MB text of a million tasks with 413 at once, writing nothing', async () => {
    const text = '1.x\n'.repeat(1_000_000);
    const before = await counts();
    const started = performance.now();
    const response = await api
      .http()
      .post('/api/v1/plan-imports')
      .set(bearer())
      .send({ text })
      .expect(413);
    expect(performance.now() - started).toBeLessThan(5000);
    expect((response.body as { error: string; message: string }).message).toBe(
      'The plan has 4000000 characters, more than the 500000 a plan may have; check that the right file was chosen or split the plan',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a draft of more tasks than imports.maxTasks with 422, writing nothing', async () => {
    const text = planText(2001);
    expect(text.length).toBeLessThan(api.config.imports.maxTextChars);
    const before = await counts();
    const response = await api
      .http()
      .post('/api/v1/plan-imports')
      .set(bearer())
      .send({ text })
      .expect(422);
    expect((response.body as { message: string }).message).toMatch(
      /^The document reads as 2001 tasks, more than the 2000 a plan may have/,
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a task longer than imports.maxTaskChars with 422 naming it', async () => {
    const text = planText(3).replace('推进第2项工作', `推进第2项工作${'完善'.repeat(6000)}`);
    const response = await api
      .http()
      .post('/api/v1/plan-imports')
      .set(bearer())
      .send({ text })
      .expect(422);
    expect((response.body as { message: string }).message).toMatch(
      /^Task 一\.2 runs to \d{5} characters, more than 10000: number the items inside it or split it/,
    );
  });

  let largeDraft: { id: string; rowVersion: number };

  /** Runs `work` while GET /auth/me is asked every 20 ms: its result and each answer's latency. */
  async function whileAskingWhoAmI<T>(
    work: () => PromiseLike<T>,
  ): Promise<{ result: T; latencies: number[] }> {
    const latencies: number[] = [];
    let working = true;
    const probe = (async () => {
      while (working) {
        const started = performance.now();
        await api.http().get('/api/v1/auth/me').set(bearer()).expect(200);
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      return { result: await work(), latencies };
    } finally {
      working = false;
      await probe;
    }
  }

  it('keeps answering GET /auth/me while a large allowed plan is parsed', async () => {
    const text = planText(1800, 220);
    expect(text.length).toBeGreaterThan(400_000);
    expect(text.length).toBeLessThan(api.config.imports.maxTextChars);
    const started = performance.now();
    const { result: response, latencies } = await whileAskingWhoAmI(() =>
      api.http().post('/api/v1/plan-imports').set(bearer()).send({ text }),
    );
    const importMs = performance.now() - started;
    expect(response.status).toBe(201);
    expect((response.body as { taskCount: number }).taskCount).toBe(1800);
    expect(latencies.length).toBeGreaterThan(0);
    // Generous: parsing runs in a worker thread, so no answer waits for it.
    process.stdout.write(
      `import of 1,800 tasks (${text.length} characters): ${Math.round(importMs)} ms; GET /auth/me worst ${Math.round(Math.max(...latencies))} ms of ${latencies.length}\n`,
    );
    expect(Math.max(...latencies)).toBeLessThan(1000);
    largeDraft = response.body as { id: string; rowVersion: number };
  });

  it('commits the 1,800 tasks in batches, whole and in order, while GET /auth/me keeps answering', async () => {
    const { result: response, latencies } = await whileAskingWhoAmI(() =>
      api
        .http()
        .post(`/api/v1/plan-imports/${largeDraft.id}/commit`)
        .set(bearer())
        .send({ rowVersion: largeDraft.rowVersion }),
    );
    expect(response.status).toBe(200);
    const planId = (response.body as { planId: string }).planId;
    const [written] = await api.db.dataSource.query<
      {
        tasks: number;
        positions: number;
        last: number;
        assigned: number;
        events: number;
        audits: number;
      }[]
    >(
      `SELECT count(*)::int AS tasks, count(DISTINCT position)::int AS positions, max(position) AS last,
              (SELECT count(*)::int FROM task_assignments a JOIN tasks t ON t.id = a.task_id WHERE t.plan_id = $1) AS assigned,
              (SELECT count(*)::int FROM outbox o WHERE o.type = 'TaskAssigned' AND o.aggregate_id IN (SELECT id FROM tasks WHERE plan_id = $1)) AS events,
              (SELECT count(*)::int FROM audit_log l WHERE l.action = 'task.create' AND l.entity_id IN (SELECT id FROM tasks WHERE plan_id = $1)) AS audits
         FROM tasks WHERE plan_id = $1`,
      [planId],
    );
    expect(written).toEqual({
      tasks: 1800,
      positions: 1800,
      last: 1799,
      assigned: 1800,
      events: 1800,
      audits: 1800,
    });
    // Task 1,234 (item 35 of the 13th hundred) sits where the plan put it, across a batch boundary.
    const [task] = await api.db.dataSource.query<{ position: number; title: string }[]>(
      `SELECT position, title FROM tasks WHERE plan_id = $1 AND title LIKE '推进第1234项工作%'`,
      [planId],
    );
    expect(task.position).toBe(1233);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});

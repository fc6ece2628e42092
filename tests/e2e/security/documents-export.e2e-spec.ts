import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from '../support/api-harness';

interface ImportBody {
  id: string;
  rowVersion: number;
  planId: string;
}

const PLAN = `数字政府建设实施方案
一、主要任务
(一)建设一体化政务服务平台。2026年底前完成。(市数据局牵头)
`;

/** Every character a spreadsheet program starts a formula with, after a department's report. */
const FORMULAS = [
  '=HYPERLINK("http://x","y")',
  '+HYPERLINK("http://x","y")',
  '-1+HYPERLINK("http://x","y")',
  '@SUM(1+1)*HYPERLINK("http://x","y")',
  '\t=HYPERLINK("http://x","y")',
  '\r=HYPERLINK("http://x","y")',
];

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Parses one CSV text (RFC 4180, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

/** Task rows in a downloaded ledger: below the title and header rows, or the CSV's header line. */
async function ledgerRowCount(format: string, body: Buffer): Promise<number> {
  if (format === 'csv') {
    return parseCsv(body.toString('utf8')).length - 1;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.getWorksheet('台账')!.rowCount - 2;
}

describe('security: ledger exports', () => {
  let api: ApiHarness;
  let office: string;
  let leader: string;
  let department: string;
  let planId: string;
  let taskId: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    const ds = api.db.dataSource;
    const dept = await makeDepartment(ds, { name: '市数据局' });
    office = await api.tokenFor((await makeUser(ds, 'supervisor')).username);
    leader = await api.tokenFor((await makeUser(ds, 'leader')).username);
    department = await api.tokenFor((await makeUser(ds, 'department', dept.id)).username);
    const draft = (
      await api
        .http()
        .post('/api/v1/plan-imports')
        .set(bearer(office))
        .send({ text: PLAN })
        .expect(201)
    ).body as ImportBody;
    planId = (
      (
        await api
          .http()
          .post(`/api/v1/plan-imports/${draft.id}/commit`)
          .set(bearer(office))
          .send({ rowVersion: draft.rowVersion })
          .expect(200)
      ).body as ImportBody
    ).planId;
    [{ id: taskId }] = await ds.query<{ id: string }[]>('SELECT id FROM tasks WHERE plan_id = $1', [
      planId,
    ]);
    await api.http().post(`/api/v1/tasks/${taskId}/acknowledge`).set(bearer(department)).send({});
  });
  afterAll(() => api.close());

  const report = (text: string) =>
    api
      .http()
      .post(`/api/v1/tasks/${taskId}/progress`)
      .set(bearer(department))
      .send({ text, percent: 10 })
      .expect(201);

  it.each(FORMULAS)(
    'a progress text %j arrives inert in ledger.csv and as a text cell in ledger.xlsx',
    async (text) => {
      await report(text);

      const csv = await api
        .http()
        .get(`/api/v1/plans/${planId}/ledger.csv`)
        .set(bearer(leader))
        .expect(200);
      expect(csv.headers['cache-control']).toBe('no-store');
      const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
      expect(rows).toHaveLength(2);
      const progress = rows[1][6];
      expect(progress).toBe(`'${text}(10%)`);
      expect(progress).not.toMatch(/^[=+\-@\t\r]/);

      const xlsx = await api
        .http()
        .get(`/api/v1/plans/${planId}/ledger.xlsx`)
        .set(bearer(leader))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(xlsx.headers['cache-control']).toBe('no-store');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
      const cell = workbook.getWorksheet('台账')!.getRow(3).getCell(7);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML keeps a carriage return as a line feed; the text is otherwise the department's own.
      expect(cell.value).toBe(`${text.replace(/\r/g, '\n')}(10%)`);
    },
  );

  it('streams the ledger of a plan of 6,000 tasks while GET /auth/me keeps answering', async () => {
    const ds = api.db.dataSource;
    await ds.query(
      `INSERT INTO tasks (plan_id, number_path, level, position, title, body, recurrence, targets)
       SELECT $1, 'x' || n, 1, n, '第' || n || '项任务:推进数字政府建设,完善一体化政务服务平台功能', '', 'none', '[]'
         FROM generate_series(1, 6000) n`,
      [planId],
    );
    for (const format of ['xlsx', 'csv']) {
      const latencies: number[] = [];
      let exporting = true;
      const probe = (async () => {
        while (exporting) {
          const started = performance.now();
          await api.http().get('/api/v1/auth/me').set(bearer(leader)).expect(200);
          latencies.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const file = await api
        .http()
        .get(`/api/v1/plans/${planId}/ledger.${format}`)
        .set(bearer(leader))
        .buffer(true)
        .parse(binary)
        .expect(200);
      exporting = false;
      await probe;
      expect(await ledgerRowCount(format, file.body as Buffer)).toBe(6001);
      expect(latencies.length).toBeGreaterThan(0);
      // Generous: the point is that the export never holds the event loop for seconds.
      expect(Math.max(...latencies)).toBeLessThan(1500);
    }
  });
});

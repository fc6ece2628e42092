import ExcelJS from 'exceljs';
import type request from 'supertest';
import { Clock } from '../../apps/api/src/common/clock';
import { makeDepartment, makeUser } from '@duban/testing';
import { type ApiHarness, startApi } from './support/api-harness';

/**
 * The ledger files (GET /tasks/ledger.csv, .xlsx) hold exactly the rows the ledger lists under
 * the same filter, in the same order. On Monday 2026-03-02 yellow lasts until 2026-03-11.
 */
describe('task ledger export: the files follow the filter', () => {
  let api: ApiHarness;
  let office: string;
  let leader: string;
  let departmentA: { id: string; name: string };
  let departmentB: { id: string; name: string };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  // supertest's parser for a binary body: the response's bytes, whole.
  const binary = (
    res: request.Response,
    done: (error: Error | null, body: Buffer) => void,
  ): void => {
    const stream = res as unknown as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => done(null, Buffer.concat(chunks)));
  };
  const listed = async (query: Record<string, string>) =>
    (
      (
        await api
          .http()
          .get('/api/v1/tasks')
          .query({ ...query, limit: '200' })
          .set(bearer(office))
          .expect(200)
      ).body as { items: { number: string }[] }
    ).items.map((row) => row.number);
  const csvRows = async (query: Record<string, string>) => {
    const response = await api
      .http()
      .get('/api/v1/tasks/ledger.csv')
      .query(query)
      .set(bearer(leader))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const text = (response.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return text
      .slice(1)
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(','));
  };

  beforeAll(async () => {
    api = await startApi();
    jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(new Date('2026-03-02T10:00:00+08:00'));
    office = await api.tokenFor((await makeUser(api.db.dataSource, 'supervisor')).username);
    leader = await api.tokenFor((await makeUser(api.db.dataSource, 'leader')).username);
    departmentA = await makeDepartment(api.db.dataSource);
    departmentB = await makeDepartment(api.db.dataSource);
    const [plan] = await api.db.dataSource.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('导出方案', '正文', repeat('e', 64)) RETURNING id`,
    );
    // number, deadline, status, lead, support
    const rows: [string, string | null, string, string, string | null][] = [
      ['R1', '2026-02-20', 'open', departmentA.id, departmentB.id],
      ['R2', '2026-02-27', 'completion_pending', departmentB.id, null],
      ['Y1', '2026-03-05', 'open', departmentA.id, null],
      ['G1', '2026-04-30', 'open', departmentA.id, departmentB.id],
      ['G2', null, 'open', departmentB.id, null],
      ['C1', '2026-02-01', 'completed', departmentA.id, null],
    ];
    for (const [number, deadline, status, lead, support] of rows) {
      const [task] = await api.db.dataSource.query<{ id: string }[]>(
        `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status, completed_at)
         VALUES ($1, $2, 1, '任务' || $2, $3, $4::varchar, CASE WHEN $4::varchar = 'completed' THEN now() END) RETURNING id`,
        [plan.id, number, deadline, status],
      );
      await api.db.dataSource.query(
        `INSERT INTO task_assignments (task_id, department_id, role) VALUES ($1, $2, 'lead')`,
        [task.id, lead],
      );
      if (support) {
        await api.db.dataSource.query(
          `INSERT INTO task_assignments (task_id, department_id, role) VALUES ($1, $2, 'support')`,
          [task.id, support],
        );
      }
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it('filters the list by light with the board rule', async () => {
    expect(await listed({ light: 'red' })).toEqual(['R1', 'R2']);
    expect(await listed({ light: 'yellow' })).toEqual(['Y1']);
    expect(await listed({ light: 'green' })).toEqual(['G1', 'G2']);
    expect(await listed({ light: 'green', departmentId: departmentB.id })).toEqual(['G1', 'G2']);
  });

  it('writes the CSV with Chinese headers and the filtered rows in the list order', async () => {
    const all = await csvRows({});
    expect(all[0]).toEqual([
      '序号',
      '编号',
      '任务',
      '所属计划',
      '牵头单位',
      '配合单位',
      '完成时限',
      '状态',
      '督办灯',
    ]);
    expect(all.slice(1).map((row) => row[1])).toEqual(await listed({}));

    const red = await csvRows({ light: 'red' });
    expect(red.slice(1)).toEqual([
      [
        '1',
        'R1',
        '任务R1',
        '导出方案',
        departmentA.name,
        departmentB.name,
        '2026-02-20',
        '办理中',
        '逾期',
      ],
      ['2', 'R2', '任务R2', '导出方案', departmentB.name, '', '2026-02-27', '办结待审批', '逾期'],
    ]);

    const supported = await csvRows({ departmentId: departmentB.id, role: 'support' });
    expect(supported.slice(1).map((row) => row[1])).toEqual(['R1', 'G1']);
    const completed = await csvRows({ status: 'completed' });
    expect(completed.slice(1).map((row) => [row[1], row[8]])).toEqual([['C1', '']]);
  });

  it('writes the workbook with the same rows for the same filter', async () => {
    const response = await api
      .http()
      .get('/api/v1/tasks/ledger.xlsx')
      .query({ departmentId: departmentA.id, deadlineFrom: '2026-03-01' })
      .set(bearer(office))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; the bytes are the same.
    await workbook.xlsx.load(response.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('任务台账')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('编号');
    const numbers: unknown[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1) numbers.push(row.getCell(2).value);
    });
    expect(numbers).toEqual(['Y1', 'G1']);
    expect(sheet.getRow(2).getCell(9).value).toBe('临期');
  });

  it('refuses a role without a department before writing anything, and a department user', async () => {
    await api
      .http()
      .get('/api/v1/tasks/ledger.csv')
      .query({ role: 'lead' })
      .set(bearer(office))
      .expect(400);
    const liaison = await api.tokenFor(
      (await makeUser(api.db.dataSource, 'department', departmentA.id)).username,
    );
    await api.http().get('/api/v1/tasks/ledger.xlsx').set(bearer(liaison)).expect(403);
  });
});

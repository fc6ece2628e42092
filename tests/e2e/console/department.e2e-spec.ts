import type { Page } from 'playwright-core';
import { makeDepartment, makeUser } from '@duban/testing';
import { type ConsoleHarness, DESKTOP, PHONE, startConsole } from './support/console-harness';

/**
 * A liaison's day at a phone's width: a mail link while signed out, sign-in, the task, 签收,
 * a progress report, an extension request, the completion declaration; the 配合 tab; a write
 * based on a page the api has moved on from; then the office approves at a desk.
 */
describe('console: a department works its tasks on a phone, the office approves', () => {
  let console_: ConsoleHarness;
  let liaison: string;
  let colleague: string;
  let office: string;
  let leadTask: string;
  let staleTask: string;
  let supportedTask: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function insertTask(
    planId: string,
    number: string,
    title: string,
    deadline: string,
    assignments: [string, 'lead' | 'support'][],
  ): Promise<string> {
    const db = console_.api.db.dataSource;
    const [{ id }] = await db.query<{ id: string }[]>(
      `INSERT INTO tasks (plan_id, number_path, level, title, body, deadline, targets)
       VALUES ($1, $2, 2, $3, '正文：推进项目建设。', $4,
               '[{"phrase":"力争工业总产值达到80亿元","indicator":"工业总产值","value":80,"unit":"亿元","comparator":"at_least","year":2027}]')
       RETURNING id`,
      [planId, number, title, deadline],
    );
    for (const [departmentId, role] of assignments) {
      await db.query(
        `INSERT INTO task_assignments (task_id, department_id, role) VALUES ($1, $2, $3)`,
        [id, departmentId, role],
      );
    }
    return id;
  }

  beforeAll(async () => {
    console_ = await startConsole('department');
    const db = console_.api.db.dataSource;
    const own = await makeDepartment(db, { name: '市发展改革委' });
    const other = await makeDepartment(db, { name: '市科技局' });
    liaison = (await makeUser(db, 'department', own.id)).username;
    colleague = (await makeUser(db, 'department', own.id)).username;
    office = (await makeUser(db, 'supervisor')).username;
    const [{ id: planId }] = await db.query<{ id: string }[]>(
      `INSERT INTO plans (title, doc_number, source_text, source_hash)
       VALUES ('新兴产业发展实施方案', '梧政发〔2026〕3号', '正文', repeat('d', 64)) RETURNING id`,
    );
    leadTask = await insertTask(planId, '三.(一).1', '加快新能源汽车产业发展', '2027-03-31', [
      [own.id, 'lead'],
      [other.id, 'support'],
    ]);
    staleTask = await insertTask(planId, '三.(一).2', '建设产业孵化基地', '2027-01-15', [
      [own.id, 'lead'],
    ]);
    supportedTask = await insertTask(planId, '三.(二).1', '培育科技型中小企业', '2027-02-28', [
      [other.id, 'lead'],
      [own.id, 'support'],
    ]);
    // A 督办单 already mailed for the task, as the scheduler records one.
    await db.query(
      `INSERT INTO reminders (task_id, department_id, kind, fire_at, state, notice_number)
       VALUES ($1, $2, 'notice_blue', now(), 'sent', '督办〔2026〕第12号')`,
      [leadTask, own.id],
    );
  });
  afterAll(() => console_.close());
  afterEach(() => {
    expect(console_.pageErrors).toEqual([]);
  });

  const taskTitle = (page: Page, title: string) =>
    page.getByRole('heading', { name: title }).waitFor();

  it('opens a mailed task link, signs in, and takes every step of the lead department', async () => {
    const page = await console_.newPage(PHONE);
    await page.goto(`/tasks/${leadTask}`);
    await page.waitForURL('**/login?next=*');
    await console_.shot(page, 'signed-out-link');
    await console_.signIn(page, liaison);
    await page.waitForURL(`**/tasks/${leadTask}`);
    await console_.waitForTitle(page, '任务详情');
    await taskTitle(page, '加快新能源汽车产业发展');
    await page.getByText('梧政发〔2026〕3号', { exact: false }).waitFor();
    await page.getByText('督办〔2026〕第12号').waitFor();
    await console_.shot(page, 'task-on-phone');
    // One column: the page is no wider than the phone.
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(PHONE.width);

    // 签收
    await page.getByRole('button', { name: /签\s*收/ }).click();
    await page
      .getByText(/已签收/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: /签\s*收/ }).count()).toBe(0);

    // 报送进展
    await page.getByLabel('完成进度（%）').fill('40');
    await page.getByLabel('进展情况').fill('已完成项目选址，正在开展可行性研究。');
    await page.getByRole('button', { name: '报送进展' }).click();
    await page.getByText('已完成项目选址，正在开展可行性研究。').waitFor();
    await console_.shot(page, 'progress-reported');

    // 申请延期
    // The date is typed as a liaison would (the picker takes YYYY-MM-DD and Enter).
    await page.getByLabel('申请延期至').fill('2027-06-30');
    await page.getByLabel('申请延期至').press('Enter');
    await page.getByLabel('延期理由').fill('受用地审批影响，工期顺延。');
    await page.getByLabel('目前进展').fill('主体工程已完成四成。');
    await page.getByRole('button', { name: '提交延期申请' }).click();
    await page.getByText('理由：受用地审批影响，工期顺延。').waitFor();
    // One request waits: no second one is offered.
    expect(await page.getByRole('button', { name: '提交延期申请' }).count()).toBe(0);

    // 申报办结
    await page.getByLabel('办结情况').fill('项目已建成投产，验收报告已报送。');
    await page.getByRole('button', { name: '申报办结' }).click();
    await page.getByText('办结情况：项目已建成投产，验收报告已报送。').waitFor();
    await page.getByText('办结待审批').first().waitFor();
    await console_.shot(page, 'completion-declared');

    const [row] = await console_.api.db.dataSource.query<{ status: string; reports: number }[]>(
      `SELECT status, (SELECT count(*)::int FROM progress_reports WHERE task_id = $1) AS reports
         FROM tasks WHERE id = $1`,
      [leadTask],
    );
    expect(row).toEqual({ status: 'completion_pending', reports: 1 });
  });

  it('lists its own tasks: 牵头 late-first, 配合 with the supported task, each card a link', async () => {
    const page = await console_.newPage(PHONE);
    await console_.signIn(page, liaison);
    await page.waitForURL('**/my-tasks');
    await console_.waitForTitle(page, '我的任务');
    const leadCards = page.getByRole('link', { name: /三\.\(一\)/ });
    await leadCards.first().waitFor();
    // The earlier deadline first; the task waiting for the office after it.
    expect(await leadCards.allInnerTexts()).toEqual([
      expect.stringContaining('建设产业孵化基地'),
      expect.stringContaining('加快新能源汽车产业发展'),
    ]);
    expect(await page.getByText('培育科技型中小企业').count()).toBe(0);
    await console_.shot(page, 'my-tasks-lead');

    await page.getByRole('tab', { name: '配合' }).click();
    const supported = page.getByRole('link', { name: /培育科技型中小企业/ });
    await supported.waitFor();
    await console_.shot(page, 'my-tasks-support');
    await supported.click();
    await page.waitForURL(`**/tasks/${supportedTask}`);
    await taskTitle(page, '培育科技型中小企业');
    // A supporting department reports, never declares completion nor asks for an extension.
    await page.getByRole('button', { name: '报送进展' }).waitFor();
    expect(await page.getByRole('button', { name: '申报办结' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '提交延期申请' }).count()).toBe(0);
    await console_.shot(page, 'supported-task');
  });

  it('shows the 409 of a write the api has moved past, and keeps what was typed', async () => {
    const page = await console_.newPage(PHONE);
    await console_.signIn(page, liaison);
    await page.goto(`/tasks/${staleTask}`);
    await taskTitle(page, '建设产业孵化基地');
    const evidence = '孵化基地已投入使用，入驻企业 12 家。';
    await page.getByLabel('办结情况').fill(evidence);

    // Meanwhile a colleague of the same department declares completion from another device.
    const token = await console_.api.tokenFor(colleague);
    await console_.api
      .http()
      .post(`/api/v1/tasks/${staleTask}/completion`)
      .set(bearer(token))
      .send({ evidence: '同事已申报。' })
      .expect(201);

    await page.getByRole('button', { name: '申报办结' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('已申报办结，正在等待督查室审批');
    expect(await page.getByLabel('办结情况').inputValue()).toBe(evidence);
    await console_.shot(page, 'stale-write-refused');
  });

  it('lets the office approve the declared completion with 良 at a desk', async () => {
    const page = await console_.newPage(DESKTOP);
    await console_.signIn(page, office);
    await page.goto(`/tasks/${leadTask}`);
    await taskTitle(page, '加快新能源汽车产业发展');
    // Department steps are not the office's; its own are.
    expect(await page.getByRole('button', { name: '报送进展' }).count()).toBe(0);
    await page.getByRole('button', { name: '提交审批' }).waitFor();
    await console_.shot(page, 'office-task-desktop');

    await page.getByRole('form', { name: '审批办结' }).getByText('良', { exact: true }).click();
    await page.getByRole('button', { name: '批准办结' }).click();
    await page.getByText('评定：良').first().waitFor();
    await console_.shot(page, 'office-approved');

    const [row] = await console_.api.db.dataSource.query<{ status: string; rating: string }[]>(
      'SELECT status, quality_rating AS rating FROM tasks WHERE id = $1',
      [leadTask],
    );
    expect(row).toEqual({ status: 'completed', rating: 'good' });
  });

  it('shows a leader the task with no write control at all', async () => {
    const leader = (await makeUser(console_.api.db.dataSource, 'leader')).username;
    const page = await console_.newPage(DESKTOP);
    await console_.signIn(page, leader);
    await page.goto(`/tasks/${staleTask}`);
    await taskTitle(page, '建设产业孵化基地');
    await page.getByText('办结情况：同事已申报。').waitFor();
    expect(await page.getByRole('button').allInnerTexts()).toEqual([
      expect.stringMatching(/退出登录/),
    ]);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await console_.shot(page, 'leader-read-only');
  });

  it('lets the office return a completion with a reason and reject a waiting extension', async () => {
    const page = await console_.newPage(DESKTOP);
    await console_.signIn(page, office);
    await page.goto(`/tasks/${staleTask}`);
    await taskTitle(page, '建设产业孵化基地');
    await page.getByLabel('退办理由').fill('佐证材料不全，请补充验收报告。');
    await page.getByRole('button', { name: /退\s*办/ }).click();
    await page.getByText('退办理由：佐证材料不全，请补充验收报告。').waitFor();
    await page.getByText('办理中').first().waitFor();
    await console_.shot(page, 'office-returned');

    // The completed task's extension request still waits: a closed task's can only be rejected.
    await page.goto(`/tasks/${leadTask}`);
    await taskTitle(page, '加快新能源汽车产业发展');
    const decision = page.getByRole('form', { name: '审批延期申请' });
    expect(await decision.getByText('同意延期').count()).toBe(0);
    await decision.getByText('驳回', { exact: true }).click();
    await decision.getByLabel('审批意见').fill('任务已办结，无需延期。');
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('审批意见：任务已办结，无需延期。').waitFor();
    await console_.shot(page, 'office-rejected-extension');

    const states = await console_.api.db.dataSource.query<{ task: string; extension: string }[]>(
      `SELECT (SELECT status FROM tasks WHERE id = $1) AS task,
              (SELECT state FROM extension_requests WHERE task_id = $2) AS extension`,
      [staleTask, leadTask],
    );
    expect(states).toEqual([{ task: 'open', extension: 'rejected' }]);
  });
});

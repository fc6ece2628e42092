import type { Page } from 'playwright-core';
import { makeDepartment, makeUser, pollUntil } from '@duban/testing';
import { type ConsoleHarness, startConsole } from './support/console-harness';
import { declareCompletion, makeLedTask, requestExtension } from '../support/pending-approvals';
import { type MailRoom, startMailRoom } from './support/refusing-mail';

jest.setTimeout(90_000);

interface FocusInPage {
  document: { activeElement: { getAttribute(name: string): string | null } | null };
}

/** The accessible label of what has the keyboard's focus, if anything does. */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      (globalThis as unknown as FocusInPage).document.activeElement?.getAttribute('aria-label') ??
      null,
  );
}

/**
 * The open dialog with this title. By its text, not its accessible name: the console the tests
 * build gives every antd dialog the same aria-labelledby id (antd's useId under NODE_ENV=test).
 */
function dialogTitled(page: Page, title: string) {
  return page
    .getByRole('dialog')
    .filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

/** Presses Tab until the focused element's accessible label is `label` (keyboard only). */
async function tabTo(page: Page, label: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if ((await focusedLabel(page)) === label) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`${limit} presses of Tab never reached "${label}"`);
}

describe('console: the office approves, watches mail and keeps the directory', () => {
  let console_: ConsoleHarness;
  let supervisor: string;
  let admin: string;
  let mailRoom: MailRoom;

  beforeAll(async () => {
    console_ = await startConsole('office');
    const { dataSource } = console_.api.db;
    supervisor = (await makeUser(dataSource, 'supervisor')).username;
    admin = (await makeUser(dataSource, 'admin')).username;
    mailRoom = await startMailRoom(console_.api);
  });
  afterAll(async () => {
    await mailRoom.close();
    await console_.close();
  });
  afterEach(() => {
    expect(console_.pageErrors).toEqual([]);
  });

  const taskRow = async (taskId: string) => {
    const [row] = await console_.api.db.dataSource.query<
      Array<{ status: string; quality_rating: string | null }>
    >('SELECT status, quality_rating FROM tasks WHERE id = $1', [taskId]);
    return row;
  };

  it('approves the second-oldest completion with 优 using only the keyboard', async () => {
    const { dataSource } = console_.api.db;
    const older = await makeLedTask(dataSource, '建设跨江大桥', '一.1');
    const younger = await makeLedTask(dataSource, '新建第三中学', '一.2');
    const youngest = await makeLedTask(dataSource, '改造滨江公园', '一.3');
    await declareCompletion(dataSource, older, new Date(Date.now() - 5 * 86_400_000));
    const decided = await declareCompletion(
      dataSource,
      younger,
      new Date(Date.now() - 2 * 86_400_000),
    );
    await declareCompletion(dataSource, youngest, new Date());

    const page = await console_.newPage();
    await console_.signIn(page, supervisor);
    await page.goto('/approvals');
    await console_.waitForTitle(page, '待审批');
    const cards = page.getByRole('list', { name: '待审批事项' }).getByRole('listitem');
    await cards.first().waitFor();
    const labels = await Promise.all(
      (await cards.all()).map((card) => card.getAttribute('aria-label')),
    );
    expect(labels).toEqual([
      '办结申报：一.1 建设跨江大桥（' + (await departmentName(older.departmentId)) + '）',
      '办结申报：一.2 新建第三中学（' + (await departmentName(younger.departmentId)) + '）',
      '办结申报：一.3 改造滨江公园（' + (await departmentName(youngest.departmentId)) + '）',
    ]);
    await console_.shot(page, 'approvals-queue');

    // Tab to the first item, the arrow key down to the second, Tab into its buttons, Enter on 优.
    await tabTo(page, String(labels[0]));
    await page.keyboard.press('ArrowDown');
    expect(await focusedLabel(page)).toContain('一.2');
    await tabTo(page, '批准办结，评为优', 6);
    await page.keyboard.press('Enter');
    await page.getByText('已批准办结（优）：一.2').waitFor();
    await page.locator(`li[data-approval-id="${decided}"]`).waitFor({ state: 'detached' });
    expect(await taskRow(younger.taskId)).toEqual({
      status: 'completed',
      quality_rating: 'excellent',
    });
    expect(await taskRow(older.taskId)).toMatchObject({ status: 'completion_pending' });
    // The keyboard stays in the queue: on the item that took the decided one's place.
    expect(await focusedLabel(page)).toContain('一.3');
    await console_.shot(page, 'approvals-after-keyboard-approval');
  });

  it('keeps a typed return reason when someone else approved first, and says so (409)', async () => {
    const { dataSource } = console_.api.db;
    const task = await makeLedTask(dataSource, '整治老旧小区', '二.1');
    const completion = await declareCompletion(dataSource, task, new Date());
    const page = await console_.newPage();
    await console_.signIn(page, supervisor);
    await page.goto('/approvals?kind=completion');
    const card = page.locator(`li[data-approval-id="${completion}"]`);
    await card.getByRole('button', { name: '退办' }).click();
    const dialog = page.getByRole('dialog');
    const reason = '佐证材料不全，请补充验收报告。';
    await dialog.getByLabel(/退办理由/).fill(reason);

    // Meanwhile another office user approves the completion.
    const other = await console_.api.tokenFor((await makeUser(dataSource, 'supervisor')).username);
    await console_.api
      .http()
      .post(`/api/v1/tasks/${task.taskId}/completion/approve`)
      .set({ Authorization: `Bearer ${other}` })
      .send({ rating: 'good' })
      .expect(200);

    await dialog.getByRole('button', { name: '确认退办' }).click();
    await dialog.getByRole('alert').getByText('任务 二.1 已办结').waitFor();
    expect(await dialog.getByLabel(/退办理由/).inputValue()).toBe(reason);
    await console_.shot(page, 'approvals-stale-return-kept');
    expect(await taskRow(task.taskId)).toEqual({ status: 'completed', quality_rating: 'good' });
    // The queue was read again: the completion someone else decided is gone from it.
    await card.waitFor({ state: 'detached' });
  });

  it('approves an extension request from its tab: the deadline moves', async () => {
    const { dataSource } = console_.api.db;
    const task = await makeLedTask(dataSource, '建设智慧停车系统', '四.1', '2026-12-31');
    const request = await requestExtension(dataSource, task, new Date(), '2027-03-31');
    const page = await console_.newPage();
    await console_.signIn(page, supervisor);
    await page.goto('/approvals');
    await page.getByRole('tab', { name: /延期申请/ }).click();
    await page.waitForURL('**/approvals?kind=extension');
    const card = page.locator(`li[data-approval-id="${request}"]`);
    expect(await card.innerText()).toContain('2027年3月31日');
    expect(await card.innerText()).toContain('受用地审批影响');
    await console_.shot(page, 'approvals-extension');
    await card.getByRole('button', { name: '批准延期' }).click();
    await page.getByText('已批准延期：四.1').waitFor();
    await card.waitFor({ state: 'detached' });
    const [row] = await dataSource.query<Array<{ deadline: string }>>(
      `SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline FROM tasks WHERE id = $1`,
      [task.taskId],
    );
    expect(row.deadline).toBe('2027-03-31');
  });

  it('lists a mail the SMTP server refused first, with its reply, and resends it once', async () => {
    const { dataSource } = console_.api.db;
    const task = await makeLedTask(dataSource, '推进城市更新', '三.1');
    const [reminder] = await dataSource.query<Array<{ id: string }>>(
      `INSERT INTO reminders (task_id, department_id, kind, fire_at, state, notice_number)
       VALUES ($1, $2, 'notice_orange', now(), 'fired', '督办〔2026〕7号') RETURNING id`,
      [task.taskId, task.departmentId],
    );
    const refused = 'zjj@dept.example';
    mailRoom.sink.refuse(refused, 550, '5.1.1 Mailbox does not exist');
    const sent = await mailRoom.queueMail(task.departmentId, 'ok@dept.example', '【督办】蓝色提醒');
    const failed = await mailRoom.queueMail(task.departmentId, refused, '【督办】橙色督办通知', [
      reminder.id,
    ]);
    const stateOf = async (id: string) =>
      (
        await dataSource.query<Array<{ state: string }>>(
          'SELECT state FROM mail_deliveries WHERE id = $1',
          [id],
        )
      )[0].state;
    await pollUntil(async () => ((await stateOf(failed)) === 'failed' ? true : null), {
      timeoutMs: 20_000,
      what: 'the refused mail failed',
    });
    await pollUntil(async () => ((await stateOf(sent)) === 'sent' ? true : null), {
      timeoutMs: 20_000,
      what: 'the accepted mail was sent',
    });

    const page = await console_.newPage();
    await console_.signIn(page, supervisor);
    await page.goto('/reminders');
    await console_.waitForTitle(page, '提醒与邮件');
    const table = page.getByRole('table', { name: '邮件投递记录' });
    const rows = table.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // The failed mail is listed first although it is the newer one, with the server's reply.
    const first = rows.first();
    expect(await first.innerText()).toContain('【督办】橙色督办通知');
    expect(await first.innerText()).toContain('发送失败');
    expect(await first.innerText()).toContain('5.1.1 Mailbox does not exist');
    await page.getByRole('tab', { name: /邮件投递（1 封失败）/ }).waitFor();
    await console_.shot(page, 'reminders-failed-first');
    // The reminder the mail carried failed with it, and heads the reminders' tab.
    await page.getByRole('tab', { name: /提醒（1 项失败）/ }).click();
    const reminderRow = page
      .getByRole('table', { name: '提醒记录' })
      .locator('tbody tr.ant-table-row')
      .first();
    expect(await reminderRow.innerText()).toContain('橙色督办（督办〔2026〕7号）');
    await console_.shot(page, 'reminders-tab');
    await page.getByRole('tab', { name: /邮件投递/ }).click();

    mailRoom.sink.accept(refused);
    const before = mailRoom.sink.mails.length;
    await first.getByRole('button', { name: '重发：【督办】橙色督办通知' }).click();
    await page.getByText('已重新发送：【督办】橙色督办通知').waitFor();
    await pollUntil(async () => ((await stateOf(failed)) === 'sent' ? true : null), {
      timeoutMs: 20_000,
      what: 'the resent mail was sent',
    });
    // The page reads the log again until the mail settles: no failed one is left.
    await page.getByRole('tab', { name: '邮件投递', exact: true }).waitFor();
    const delivered = mailRoom.sink.mails.slice(before);
    expect(delivered.map((mail) => mail.to)).toEqual([[refused]]);
    const [after] = await dataSource.query<Array<{ state: string }>>(
      'SELECT state FROM reminders WHERE id = $1',
      [reminder.id],
    );
    expect(after.state).toBe('sent');
    await console_.shot(page, 'reminders-resent');
  });

  it('adds an alias and a mail address to a department', async () => {
    const { dataSource } = console_.api.db;
    const department = await makeDepartment(dataSource, {
      name: '市交通运输局',
      aliases: [],
      emails: ['jtj@dept.example'],
    });
    const page = await console_.newPage();
    await console_.signIn(page, supervisor);
    await page.goto('/directory');
    await console_.waitForTitle(page, '部门与用户');
    await page.getByLabel('查找部门').fill('交通运输');
    await page.getByRole('button', { name: '编辑：市交通运输局' }).click();
    const dialog = dialogTitled(page, '编辑部门：市交通运输局');
    await dialog.getByLabel('别名').fill('市交通局');
    await dialog.getByLabel('别名').press('Enter');
    await dialog.getByLabel('邮箱').fill('jtj-ban@dept.example');
    await dialog.getByLabel('邮箱').press('Enter');
    await console_.shot(page, 'directory-edit-department');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存：市交通运输局').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /市交通运输局/ });
    expect(await row.innerText()).toContain('市交通局');
    const [saved] = await dataSource.query<Array<{ aliases: string[]; emails: string[] }>>(
      'SELECT aliases, emails FROM departments WHERE id = $1',
      [department.id],
    );
    expect(saved).toEqual({
      aliases: ['市交通局'],
      emails: ['jtj@dept.example', 'jtj-ban@dept.example'],
    });
    await console_.shot(page, 'directory-departments');
  });

  it('lets an admin create and disable a user, and refuses their own change of role in words', async () => {
    const { dataSource } = console_.api.db;
    const page = await console_.newPage();
    await console_.signIn(page, admin);
    await page.goto('/directory?tab=users');
    await console_.waitForTitle(page, '部门与用户');
    await page.getByRole('button', { name: '新建用户' }).click();
    const create = dialogTitled(page, '新建用户');
    await create.getByLabel('用户名').fill('dcs_wang');
    await create.getByLabel('姓名').fill('王芳（督查室）');
    await create.getByLabel('初始密码').fill('春风又绿江南岸明月何时照我还');
    await create.getByLabel('角色').click();
    await page.locator('.ant-select-item-option[title="督查室"]').click();
    await console_.shot(page, 'directory-create-user');
    await create.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByText('已创建用户：dcs_wang').waitFor();
    const row = page.getByRole('row', { name: /dcs_wang/ });
    expect(await row.innerText()).toContain('督查室');

    await row.getByRole('button', { name: '停用：dcs_wang' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /停\s*用/ })
      .click();
    await page.getByText('已停用：dcs_wang').waitFor();
    await row.getByText('已停用').waitFor();
    const [created] = await dataSource.query<Array<{ role: string; active: boolean }>>(
      'SELECT role, active FROM users WHERE username = $1',
      ['dcs_wang'],
    );
    expect(created).toEqual({ role: 'supervisor', active: false });
    await console_.shot(page, 'directory-users');

    // An admin's own role is not theirs to change: the api's 409, in Chinese, form kept.
    await page.getByRole('button', { name: `编辑：${admin}` }).click();
    const own = dialogTitled(page, `编辑用户：${admin}`);
    // The form shows this user, not the one created before.
    expect(await own.getByLabel('用户名').inputValue()).toBe(admin);
    await own.getByLabel('角色').click();
    await page.locator('.ant-select-item-option[title="督查室"]').click();
    await own.getByRole('button', { name: /保\s*存/ }).click();
    await own.getByRole('alert').getByText('不能修改自己的角色，请另一位管理员操作').waitFor();
    expect(
      await own
        .getByLabel('角色')
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
        .innerText(),
    ).toContain('督查室');
    await console_.shot(page, 'directory-own-role-refused');
    const [self] = await dataSource.query<Array<{ role: string }>>(
      'SELECT role FROM users WHERE username = $1',
      [admin],
    );
    expect(self.role).toBe('admin');
  });

  async function departmentName(id: string): Promise<string> {
    const [row] = await console_.api.db.dataSource.query<Array<{ name: string }>>(
      'SELECT name FROM departments WHERE id = $1',
      [id],
    );
    return row.name;
  }
});

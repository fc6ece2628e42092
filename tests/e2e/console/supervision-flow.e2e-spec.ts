import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Page } from 'playwright-core';
import { flattenTasks, parsePlan } from '@duban/plan-parser';
import { makeDepartment, makeUser } from '@duban/testing';
import { startAssessmentWorker } from './support/assessment-year';
import { type ConsoleHarness, PHONE, startConsole } from './support/console-harness';
import { type MailPipeline, startAcknowledgementMail } from './support/mail-pipeline';

jest.setTimeout(240_000);

const SEED_001 = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'plans', '001_cbe557b257aa5e6c.txt'),
  'utf8',
);
const YEAR = new Date().getFullYear();

/**
 * The whole cycle through the console, as its people live it: the office imports a plan and
 * commits it, the lead department gets its reminder mail and acts on a phone from its link, the
 * office approves with a rating, and the board and the year's ranking follow.
 */
describe('console: a plan from import to the ranking', () => {
  let console_: ConsoleHarness;
  let mail: MailPipeline;
  let assessment: INestApplicationContext;
  let office: string;
  let liaison: string;
  const lead = { name: '', email: '' };
  /** A supporting department of the first task: the on-time completion counts for it too. */
  let supporter = '';
  let planSize = 0;

  beforeAll(async () => {
    console_ = await startConsole('supervision-flow');
    const { dataSource } = console_.api.db;
    office = (await makeUser(dataSource, 'supervisor')).username;
    const tasks = flattenTasks(parsePlan(SEED_001));
    const names = new Set(tasks.flatMap((task) => [...task.lead, ...task.support]));
    const departments = new Map<string, string>();
    for (const name of names) {
      departments.set(name, (await makeDepartment(dataSource, { name })).id);
    }
    // The lead of the plan's first task is the department that acts in this test.
    lead.name = tasks[0].lead[0];
    supporter = tasks[0].support[0];
    planSize = tasks.length;
    const saved = await dataSource.query<Array<{ emails: string[] }>>(
      'SELECT emails FROM departments WHERE name = $1',
      [lead.name],
    );
    lead.email = saved[0].emails[0];
    liaison = (await makeUser(dataSource, 'department', departments.get(lead.name))).username;
    assessment = await startAssessmentWorker(console_.api.config);
    mail = await startAcknowledgementMail(console_);
  });
  afterAll(async () => {
    await mail?.close();
    await assessment?.close();
    await console_?.close();
  });
  afterEach(() => {
    expect(console_.pageErrors).toEqual([]);
  });

  let officePage: Page;
  let planId: string;
  let taskId: string;

  const taskOf = async (id: string) =>
    (
      await console_.api.db.dataSource.query<
        Array<{ status: string; quality_rating: string | null }>
      >('SELECT status, quality_rating FROM tasks WHERE id = $1', [id])
    )[0];

  /** The year's ranking after a fresh run: each department's row as `rank name score`. */
  async function runYear(page: Page): Promise<Map<string, string>> {
    await page.goto(`/assessment?year=${YEAR}`);
    await console_.waitForTitle(page, '年度考核');
    await page.getByRole('button', { name: '运行考核' }).click();
    await page.getByRole('status').getByText('已完成').waitFor({ timeout: 60_000 });
    const rows = page.getByRole('table', { name: '考核排名表' }).locator('tbody tr');
    await rows.filter({ hasText: lead.name }).waitFor();
    const ranking = new Map<string, string>();
    for (const row of await rows.all()) {
      const cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.trim());
      ranking.set(cells[1], `${cells[0]} ${cells[2]}`);
    }
    return ranking;
  }

  /** The board's 在办任务 total as drawn. */
  async function openTasksOnBoard(page: Page): Promise<string> {
    await page.goto('/board');
    await console_.waitForTitle(page, '督办看板');
    const total = page.locator('.ant-statistic').filter({ hasText: '在办任务' });
    return (await total.locator('.ant-statistic-content-value').innerText()).trim();
  }

  it('the office imports the plan as .txt, gives the first task a deadline and commits', async () => {
    officePage = await console_.newPage();
    await console_.signIn(officePage, office);
    await officePage.goto('/imports');
    await console_.waitForTitle(officePage, '计划导入');
    await officePage.locator('input[type="file"]').setInputFiles({
      name: '实施方案.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(SEED_001, 'utf8'),
    });
    await officePage.waitForURL('**/imports/*');
    await officePage.getByRole('region', { name: '原文' }).waitFor();

    const first = officePage.getByRole('listitem').first();
    const number = (await first.locator('[data-task]').getAttribute('data-task')) as string;
    await first.getByRole('button', { name: /编\s*辑/ }).click();
    const deadline = officePage.getByLabel(`任务 ${number} 的完成时限`);
    await deadline.click();
    await deadline.fill(`${YEAR}-12-31`);
    await deadline.press('Enter');
    await first.getByText(`${YEAR}年12月31日`).waitFor();
    await console_.shot(officePage, 'office-draft');

    await officePage.getByRole('button', { name: '提交计划' }).click();
    await officePage.waitForURL('**/tasks?planId=*');
    planId = new URL(officePage.url()).searchParams.get('planId') as string;
    const [task] = await console_.api.db.dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM tasks WHERE plan_id = $1 AND number_path = $2',
      [planId, number],
    );
    taskId = task.id;
    await officePage.locator('.ant-table-row').first().waitFor();
    await console_.shot(officePage, 'office-ledger-after-commit');
    expect(await openTasksOnBoard(officePage)).toBe(String(planSize));
    await console_.shot(officePage, 'office-board-after-commit');

    // Nothing done yet: every department with a task stands at the 2026 scheme's base of 80.
    const ranking = await runYear(officePage);
    expect(ranking.get(lead.name)).toBe('1 80.00');
    expect(ranking.get(supporter)).toBe('1 80.00');
    await console_.shot(officePage, 'office-ranking-before');
  });

  it("the lead department opens its reminder mail's link on a phone and acts on the task", async () => {
    const text = await mail.mailTo(lead.email);
    const link = `${console_.origin}/tasks/${taskId}`;
    expect(text).toContain(link);

    const phone = await console_.newPage(PHONE);
    await phone.goto(link);
    await phone.waitForURL('**/login?next=*');
    await console_.signIn(phone, liaison);
    await phone.waitForURL(`**/tasks/${taskId}`);
    await console_.waitForTitle(phone, '任务详情');
    await console_.shot(phone, 'liaison-task-from-mail');

    await phone.getByRole('button', { name: /签\s*收/ }).click();
    await phone
      .getByText(/已签收/)
      .first()
      .waitFor();
    await phone.getByLabel('完成进度（%）').fill('100');
    await phone.getByLabel('进展情况').fill('集群项目全部落地，年度目标已完成。');
    await phone.getByRole('button', { name: '报送进展' }).click();
    await phone.getByText('集群项目全部落地，年度目标已完成。').waitFor();
    await phone.getByLabel('办结情况').fill('各项指标均已完成，验收材料已报送。');
    await phone.getByRole('button', { name: '申报办结' }).click();
    await phone.getByText('办结待审批').first().waitFor();
    await console_.shot(phone, 'liaison-completion-declared');
    expect((await taskOf(taskId)).status).toBe('completion_pending');
  });

  it('the office approves with 良, and the ranking follows', async () => {
    await officePage.goto('/approvals?kind=completion');
    await console_.waitForTitle(officePage, '待审批');
    const card = officePage
      .getByRole('list', { name: '待审批事项' })
      .getByRole('listitem')
      .filter({ hasText: lead.name });
    await card.first().waitFor();
    await console_.shot(officePage, 'office-approvals');
    await card.first().getByRole('button', { name: '批准办结，评为良' }).click();
    await officePage.getByText(/已批准办结（良）/).waitFor();
    expect(await taskOf(taskId)).toEqual({ status: 'completed', quality_rating: 'good' });

    expect(await openTasksOnBoard(officePage)).toBe(String(planSize - 1));
    await console_.shot(officePage, 'office-board-after-approval');

    // Completed before its deadline: +2 for the lead, +1 for each supporter; 良 adds nothing.
    const ranking = await runYear(officePage);
    expect(ranking.get(lead.name)).toBe('1 82.00');
    expect(ranking.get(supporter)).toBe('2 81.00');
    await console_.shot(officePage, 'office-ranking-after');
  });
});

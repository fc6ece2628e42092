import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { flattenTasks, parsePlan } from '@duban/plan-parser';
import { makeDepartment, makeUser } from '@duban/testing';
import { documentXml, writeDocx } from '../../../apps/api/src/plan-imports/test/zip-writer';
import { type ConsoleHarness, startConsole } from './support/console-harness';

const PLANS = join(__dirname, '..', '..', 'fixtures', 'plans');
const SEED_000 = readFileSync(join(PLANS, '000_78e5d42a01ff2626.txt'), 'utf8');
const SEED_001 = readFileSync(join(PLANS, '001_cbe557b257aa5e6c.txt'), 'utf8');

/** Every department name a plan writes, as the parser reads them. */
const namesIn = (text: string) =>
  new Set(flattenTasks(parsePlan(text)).flatMap((task) => [...task.lead, ...task.support]));

/** The name left out of the directory, so the office has to map it; only seed 000 writes it. */
const LEFT_OUT = '市测绘地理局';
const ITS_DEPARTMENT = '市测绘地理信息局';

describe('console: 计划导入 (upload, review, commit)', () => {
  let console_: ConsoleHarness;
  let office: string;

  beforeAll(async () => {
    console_ = await startConsole('imports');
    const { dataSource } = console_.api.db;
    office = (await makeUser(dataSource, 'supervisor')).username;
    const names = new Set([...namesIn(SEED_000), ...namesIn(SEED_001)]);
    expect(names.has(LEFT_OUT)).toBe(true);
    expect(namesIn(SEED_001).has(LEFT_OUT)).toBe(false);
    names.delete(LEFT_OUT);
    for (const name of [...names, ITS_DEPARTMENT]) {
      await makeDepartment(dataSource, { name });
    }
  });
  afterAll(() => console_.close());
  afterEach(() => {
    expect(console_.pageErrors).toEqual([]);
  });

  const openImports = async (): Promise<Page> => {
    const page = await console_.newPage();
    await console_.signIn(page, office);
    await page.goto('/imports');
    await console_.waitForTitle(page, '计划导入');
    await page.getByText('选择或拖入计划文件（.txt 或 .docx）').waitFor();
    return page;
  };

  const choose = (page: Page, name: string, mimeType: string, buffer: Buffer) =>
    page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });

  /** Rows of a query against the api's database (what the console's actions wrote). */
  const rows = <T>(sql: string, parameters: unknown[]) =>
    console_.api.db.dataSource.query<T[]>(sql, parameters);

  const planTaskCount = async (planId: string) =>
    (
      await rows<{ n: number }>('SELECT count(*)::int AS n FROM tasks WHERE plan_id = $1', [planId])
    )[0].n;

  it('imports seed 000 as a .docx, maps the unknown name (remembered as an alias) and commits', async () => {
    const page = await openImports();
    await console_.shot(page, 'imports-empty');
    const docx = writeDocx(documentXml(SEED_000.split('\n')));
    await choose(
      page,
      '梧州市新兴产业发展方案.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      docx,
    );
    await page.waitForURL('**/imports/*');
    await console_.waitForTitle(page, '导入审核');
    await page.getByRole('region', { name: '原文' }).waitFor();

    // The name not in the directory is marked on its tasks and offered for mapping.
    await page.getByText(`${LEFT_OUT} · 未对应`).first().waitFor();
    const commit = page.getByRole('button', { name: '提交计划' });
    expect(await commit.isDisabled()).toBe(true);

    // Clicking a task scrolls to its span in the source and draws it strongest.
    const firstCard = page.getByRole('listitem').first();
    const number = (await firstCard.locator('[data-task]').getAttribute('data-task')) as string;
    await firstCard.locator('.ant-card-head').click();
    const mark = page.locator(`mark[data-tasks~="${number}"]`).first();
    await mark.waitFor();
    await page.waitForFunction((tasks) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } })
        .document;
      const el = doc.querySelector(`mark[data-tasks~="${tasks}"]`) as {
        style: { background: string };
      } | null;
      return el?.style.background.includes('255, 214, 102') ?? false;
    }, number);
    await console_.shot(page, 'draft-unresolved');

    const combobox = page.getByRole('combobox', { name: `为“${LEFT_OUT}”选择部门` });
    await combobox.click();
    await combobox.fill('测绘');
    await page.locator(`.ant-select-item-option[title="${ITS_DEPARTMENT}"]`).click();
    const remember = page.getByRole('checkbox', { name: '记住为别名' });
    expect(await remember.isChecked()).toBe(true);
    await console_.shot(page, 'draft-choosing-department');
    await page.getByRole('button', { name: `确认“${LEFT_OUT}”对应的部门` }).click();
    await page.getByText(`${LEFT_OUT} · 未对应`).first().waitFor({ state: 'detached' });
    expect(await commit.isDisabled()).toBe(false);
    await console_.shot(page, 'draft-resolved');

    const summary = await page.getByText(/将创建 \d+ 项任务/).innerText();
    const expected = Number(/将创建 (\d+) 项任务/.exec(summary)?.[1]);
    await commit.click();
    await page.waitForURL('**/tasks?planId=*');
    const planId = new URL(page.url()).searchParams.get('planId') as string;
    expect(await planTaskCount(planId)).toBe(expected);
    expect(expected).toBe(flattenTasks(parsePlan(SEED_000)).length);
    await console_.shot(page, 'tasks-after-commit');

    // The spelling is now an alias of the department chosen, for the next plan that writes it.
    const [department] = await rows<{ aliases: string[] }>(
      'SELECT aliases FROM departments WHERE name = $1',
      [ITS_DEPARTMENT],
    );
    expect(department.aliases).toContain(LEFT_OUT);

    // The same document again: 409, offered as a new version.
    await page.goto('/imports');
    await page
      .getByRole('cell', { name: /已提交/ })
      .first()
      .waitFor();
    await choose(
      page,
      '梧州市新兴产业发展方案.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      docx,
    );
    await page.getByRole('alert').filter({ hasText: '该文件已导入为计划' }).waitFor();
    await console_.shot(page, 'imports-duplicate');
    await page.getByRole('button', { name: '作为新版本导入' }).click();
    await page.waitForURL('**/imports/*');
    await console_.waitForTitle(page, '导入审核');
    // Remembered: this time the name resolves by itself.
    await page.getByRole('region', { name: '原文' }).waitFor();
    expect(await page.getByText(`${LEFT_OUT} · 未对应`).count()).toBe(0);

    // The list, filtered by state: the committed import, then the new version's draft.
    await page.goto('/imports');
    const filter = page.getByLabel('按状态筛选导入');
    const states = () => page.locator('tbody .ant-tag').allInnerTexts();
    await filter.getByText('已提交').click();
    await page.getByRole('link', { name: '查看任务' }).first().waitFor();
    expect(await page.getByRole('link', { name: '继续审核' }).count()).toBe(0);
    expect(new Set(await states())).toEqual(new Set(['已提交']));
    await filter.getByText('待审核').click();
    await page.getByRole('link', { name: '继续审核' }).first().waitFor();
    expect(new Set(await states())).toEqual(new Set(['待审核']));
    await console_.shot(page, 'imports-drafts-only');

    // The new version is not wanted after all: discarded, after a confirmation.
    await page.getByRole('link', { name: '继续审核' }).first().click();
    await page.getByRole('region', { name: '原文' }).waitFor();
    await page.getByRole('button', { name: '放弃导入' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '放弃导入' }).click();
    await page.waitForURL('**/imports');
    await page.getByRole('cell', { name: '已放弃' }).waitFor();
    expect(await page.getByRole('link', { name: '继续审核' }).count()).toBe(0);
  });

  it('imports seed 001 as .txt, adds a task the parser missed, drops one, and commits', async () => {
    const page = await openImports();
    await choose(page, '实施方案001.txt', 'text/plain', Buffer.from(SEED_001, 'utf8'));
    await page.waitForURL('**/imports/*');
    await page.getByRole('region', { name: '原文' }).waitFor();
    const parsed = flattenTasks(parsePlan(SEED_001)).length;
    await page.getByText(`将创建 ${parsed} 项任务`).waitFor();

    await page.getByLabel('新任务的名称').fill('建立重点项目库并每季度更新');
    const deadline = page.getByLabel('新任务的完成时限');
    await deadline.click();
    await deadline.fill('2026-12-31');
    await deadline.press('Tab');
    await page.getByLabel('新任务的牵头单位').fill('市科技局');
    await page.getByLabel('新任务的配合单位').fill('市财政局、市科技局');
    await page.getByRole('button', { name: '添加任务' }).click();
    await page.getByRole('list', { name: '任务台账草稿' }).getByText('补充.1').waitFor();
    await page.getByText(`将创建 ${parsed + 1} 项任务`).waitFor();

    // The first task: a new deadline, a title fixed and one more supporting department.
    const first = page.getByRole('listitem').first();
    const edited = (await first.locator('[data-task]').getAttribute('data-task')) as string;
    await first.getByRole('button', { name: /编\s*辑/ }).click();
    await page.getByLabel(`任务 ${edited} 的名称`).fill('打造汽车、机械、钢铁及新兴产业集群');
    const support = page.getByLabel(`任务 ${edited} 的配合单位`);
    await support.fill(`${await support.inputValue()}、市财政局`);
    await console_.shot(page, 'draft-editing-task');
    // Enter in the date picker takes the typed day and saves the row, as a keyboard user would.
    const editedDeadline = page.getByLabel(`任务 ${edited} 的完成时限`);
    await editedDeadline.click();
    await editedDeadline.fill('2026-09-30');
    await editedDeadline.press('Enter');
    await first.getByText('2026年9月30日').waitFor();
    await first.getByText('打造汽车、机械、钢铁及新兴产业集群').waitFor();
    await first.getByText('市财政局', { exact: true }).waitFor();
    await page.getByRole('button', { name: `删除任务 ${edited}` }).waitFor();

    const second = page.getByRole('listitem').nth(1);
    const dropped = (await second.locator('[data-task]').getAttribute('data-task')) as string;
    await page.getByRole('button', { name: `删除任务 ${dropped}` }).click();
    await page.getByText(`将创建 ${parsed} 项任务`).waitFor();
    await page.getByRole('listitem').filter({ hasText: '补充.1' }).scrollIntoViewIfNeeded();
    await console_.shot(page, 'draft-added-and-dropped');

    await page.getByRole('button', { name: '提交计划' }).click();
    await page.waitForURL('**/tasks?planId=*');
    const planId = new URL(page.url()).searchParams.get('planId') as string;
    expect(await planTaskCount(planId)).toBe(parsed);
    const [added] = await rows<{ deadline: string; assignments: number }>(
      `SELECT t.deadline::text AS deadline, count(a.*)::int AS assignments
         FROM tasks t JOIN task_assignments a ON a.task_id = t.id
        WHERE t.plan_id = $1 AND t.number_path = '补充.1' GROUP BY t.deadline`,
      [planId],
    );
    expect(added).toEqual({ deadline: '2026-12-31', assignments: 2 });
    const [fixed] = await rows<{ title: string; deadline: string; role: string }>(
      `SELECT t.title, t.deadline::text AS deadline, a.role
         FROM tasks t
         JOIN task_assignments a ON a.task_id = t.id
         JOIN departments d ON d.id = a.department_id
        WHERE t.plan_id = $1 AND t.number_path = $2 AND d.name = '市财政局'`,
      [planId, edited],
    );
    expect(fixed).toEqual({
      title: '打造汽车、机械、钢铁及新兴产业集群',
      deadline: '2026-09-30',
      role: 'support',
    });
    const [gone] = await rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM tasks WHERE plan_id = $1 AND number_path = $2',
      [planId, dropped],
    );
    expect(gone.n).toBe(0);
  });

  it('refuses a binary file and a file of another type in Chinese, keeping the page usable', async () => {
    const page = await openImports();
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await choose(page, '方案.txt', 'text/plain', binary);
    await page.getByRole('alert').filter({ hasText: '文件不是纯文本' }).waitFor();
    await console_.shot(page, 'imports-binary-refused');
    await choose(page, '方案.pdf', 'application/pdf', Buffer.from('%PDF-1.4'));
    await page
      .getByRole('alert')
      .filter({ hasText: '只能导入 .txt 或 .docx 格式的计划文件' })
      .waitFor();
    expect(page.url()).toMatch(/\/imports$/);
  });
});

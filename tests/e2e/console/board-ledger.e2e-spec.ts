import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { makeUser } from '@duban/testing';
import { type ConsoleHarness, startConsole } from './support/console-harness';

/** The page's focus, read inside page.evaluate (these tests are typed for Node, not the DOM). */
interface FocusInPage {
  document: { activeElement: { id: string; textContent: string | null; tagName: string } | null };
}

/** YYYY-MM-DD in Beijing, `days` from today: the board and the ledger read today's lights. */
function beijingDate(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date);
}

/**
 * What `read` gives once it equals `expected` (the page redraws after the URL changes), or the
 * last reading after 10 s, for the assertion to show.
 */
async function settled<T>(read: () => Promise<T>, expected: T): Promise<T> {
  let last = await read();
  for (
    let waited = 0;
    waited < 10_000 && JSON.stringify(last) !== JSON.stringify(expected);
    waited += 100
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

describe('console: the office reads the board and works the ledger', () => {
  let console_: ConsoleHarness;
  let office: string;
  let leader: string;
  const departments: { id: string; name: string }[] = [];
  /** Each seeded task's number → id, deadline and lead department. */
  const tasks = new Map<string, { id: string; deadline: string; lead: string }>();

  beforeAll(async () => {
    console_ = await startConsole('board-ledger');
    const { dataSource } = console_.api.db;
    office = (await makeUser(dataSource, 'supervisor')).username;
    leader = (await makeUser(dataSource, 'leader')).username;
    const token = await console_.api.tokenFor(office);
    const bearer = { Authorization: `Bearer ${token}` };
    // Names whose pinyin order (cái, kē, shāng) differs from the api's worst-first order.
    for (const name of ['市商务局', '市财政局', '市科技局']) {
      const created = await console_.api
        .http()
        .post('/api/v1/departments')
        .set(bearer)
        .send({ name, emails: [`${departments.length}@dept.example`] })
        .expect(201);
      departments.push(created.body as { id: string; name: string });
    }
    const [shangwu, caizheng, keji] = departments;
    const [plan] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('看板测试方案', '正文', repeat('b', 64)) RETURNING id`,
    );
    // number, days from today, lead, support: 市商务局 has the most red.
    const seeds: [string, number, string, string | null][] = [
      ['1', -30, shangwu.id, caizheng.id],
      ['2', -12, shangwu.id, null],
      ['3', -3, caizheng.id, null],
      ['4', 1, keji.id, shangwu.id],
      ['5', 60, keji.id, null],
      ['6', 90, caizheng.id, keji.id],
    ];
    for (const [number, days, lead, support] of seeds) {
      const deadline = beijingDate(days);
      const [task] = await dataSource.query<{ id: string; rowVersion: number }[]>(
        `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status)
         VALUES ($1, $2, 1, '督办任务' || $2, $3, 'open') RETURNING id, row_version AS "rowVersion"`,
        [plan.id, number, deadline],
      );
      // Assignments through the api, as the office sets them in review.
      await console_.api
        .http()
        .put(`/api/v1/tasks/${task.id}/assignments`)
        .set(bearer)
        .send({ rowVersion: task.rowVersion, lead: [lead], support: support ? [support] : [] })
        .expect(200);
      tasks.set(number, { id: task.id, deadline, lead });
    }
  });
  /** A plan of LONG_PLAN unassigned tasks (not on the board), for paging the ledger. */
  let longPlan: string;
  const LONG_PLAN = 450;

  beforeAll(async () => {
    const [plan] = await console_.api.db.dataSource.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('长台账方案', '正文', repeat('d', 64)) RETURNING id`,
    );
    longPlan = plan.id;
    await console_.api.db.dataSource.query(
      `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status)
       SELECT $1, 'L' || lpad(g::text, 4, '0'), 1, '长台账任务' || g, $2::date + g, 'open'
         FROM generate_series(1, $3::int) g`,
      [longPlan, beijingDate(200), LONG_PLAN],
    );
  });
  afterAll(() => console_.close());
  afterEach(() => {
    expect(console_.pageErrors).toEqual([]);
  });

  const departmentTable = (page: Page) =>
    page.locator('.ant-card').filter({ hasText: '各责任单位任务情况' });
  const departmentNames = async (table: Locator) =>
    (await table.locator('.ant-table-row td:first-child').allInnerTexts()).map((t) => t.trim());

  it('sorts the departments by name through the URL, then opens the ledger and a task', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, office);
    await page.waitForURL('**/board');
    await console_.waitForTitle(page, '督办看板');
    await page.locator('.ant-statistic').first().waitFor();
    const table = departmentTable(page);
    await table.locator('.ant-table-row').first().waitFor();

    // The totals: 3 red, 1 yellow, 2 green of 6 open tasks.
    const statistic = (title: string) =>
      page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');
    expect(await statistic('逾期').innerText()).toContain('3');
    expect(await statistic('临期').innerText()).toContain('1');
    expect(await statistic('在办任务').innerText()).toContain('6');
    // The api's order: most red first.
    expect((await departmentNames(table))[0]).toBe('市商务局');
    await console_.shot(page, 'board');

    // Each click moves the sort one step; the URL holds it and the header shows it back.
    const header = table.locator('th').filter({ hasText: '责任单位' });
    await header.click();
    await page.waitForURL(/sort=name&order=ascend/);
    // Pinyin order (cái, kē, shāng), as the browser's own collation sorts them.
    const ascending = await settled(
      () => departmentNames(table),
      ['市财政局', '市科技局', '市商务局'],
    );
    expect(ascending).toEqual(['市财政局', '市科技局', '市商务局']);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await console_.shot(page, 'board-sorted-by-name');

    await header.click();
    await page.waitForURL(/sort=name&order=descend/);
    expect(await settled(() => departmentNames(table), [...ascending].reverse())).toEqual(
      [...ascending].reverse(),
    );
    expect(await header.getAttribute('aria-sort')).toBe('descending');

    // A reload keeps the sort: it lives in the address.
    await page.reload();
    await departmentTable(page).locator('.ant-table-row').first().waitFor();
    expect(await departmentNames(departmentTable(page))).toEqual([...ascending].reverse());

    // A department's name opens its ledger.
    const caizheng = departments[1];
    await departmentTable(page).getByRole('link', { name: caizheng.name }).click();
    await page.waitForURL(`**/tasks?departmentId=${caizheng.id}`);
    await console_.waitForTitle(page, '任务台账');
    const ledgerRows = page.locator('.ant-table-row');
    await ledgerRows.first().waitFor();
    const numbers = async () =>
      (await ledgerRows.locator('> :first-child').allInnerTexts()).map((t) => t.trim());
    // 财政局: lead of 3 and 6, support of 1; deadline order.
    expect(await settled(numbers, ['1', '3', '6'])).toEqual(['1', '3', '6']);
    await console_.shot(page, 'ledger-department');

    // 只看逾期: the URL gains the filter and the list keeps only the overdue tasks.
    // A click, not check(): the box follows the URL, which the router updates a moment later.
    await page.getByRole('checkbox', { name: '只看逾期' }).click();
    await page.waitForURL(/overdue=true/);
    expect(await settled(numbers, ['1', '3'])).toEqual(['1', '3']);
    expect(await page.getByRole('checkbox', { name: '只看逾期' }).isChecked()).toBe(true);
    expect(page.url()).toContain(`departmentId=${caizheng.id}`);
    await console_.shot(page, 'ledger-overdue');

    // 导出 CSV writes the rows of the filter on screen.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^任务台账-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFF序号,编号,任务')).toBe(true);
    expect(
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[1]),
    ).toEqual(['1', '3']);

    // A task's title opens the task.
    await page.getByRole('link', { name: '督办任务3' }).click();
    await page.waitForURL(`**/tasks/${tasks.get('3')!.id}`);
    await console_.waitForTitle(page, '任务详情');
    await console_.shot(page, 'task');
  });

  it('links each light total to the ledger filtered by that light', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, office);
    await page.locator('.ant-statistic').first().waitFor();
    await page.getByRole('link', { name: /^临期任务/ }).click();
    await page.waitForURL('**/tasks?light=yellow');
    await console_.waitForTitle(page, '任务台账');
    const numbers = async () =>
      (await page.locator('.ant-table-row > :first-child').allInnerTexts()).map((t) => t.trim());
    expect(await settled(numbers, ['4'])).toEqual(['4']);
    await expect(page.getByRole('combobox', { name: '督办灯' }).count()).resolves.toBe(1);
    expect(await page.locator('.ant-select').filter({ hasText: '临期' }).count()).toBe(1);
  });

  it('loads the next page on scroll and on 加载更多, in deadline order', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, office);
    await page.goto(`/tasks?planId=${longPlan}`);
    await console_.waitForTitle(page, '任务台账');
    const loaded = page.getByText(/^已加载/);
    await page.getByText('已加载 200 项，还有更多').waitFor();
    // Scrolling the rows near their end asks for the next page.
    await page.locator('.ant-table-row').first().hover();
    for (let turns = 0; turns < 40 && !(await loaded.innerText()).includes('400'); turns += 1) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(100);
    }
    expect(await loaded.innerText()).toBe('已加载 400 项，还有更多');
    await console_.shot(page, 'ledger-scrolled');
    // The rows drawn are a run of the list in deadline order, whatever part is on screen.
    const shown = (await page.locator('.ant-table-row > :first-child').allInnerTexts()).map((t) =>
      Number(t.trim().slice(1)),
    );
    expect(shown.length).toBeGreaterThan(5);
    expect(shown).toEqual(shown.map((_, k) => shown[0] + k));

    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByText(`已加载 ${LONG_PLAN} 项`, { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
  });

  it('works with the keyboard alone: the date picker and the sort', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, office);
    await page.locator('.ant-statistic').first().waitFor();
    await departmentTable(page).locator('.ant-table-row').first().waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = (globalThis as unknown as FocusInPage).document.activeElement;
        return element
          ? { id: element.id, text: (element.textContent ?? '').trim(), tag: element.tagName }
          : null;
      });
    const tabUntil = async (found: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let presses = 0; presses < 60; presses += 1) {
        await page.keyboard.press('Tab');
        if (found(await focused())) {
          return;
        }
      }
      throw new Error(
        `Tab never reached the control; focus is on ${JSON.stringify(await focused())}`,
      );
    };

    // The date field: Tab into it, ArrowDown steps its first part (year, month or day, by the
    // browser's locale) back; the board follows whatever date the field then holds.
    await tabUntil((f) => f?.id === 'board-as-of');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/asOf=\d{4}-\d{2}-\d{2}/);
    const picked = new URL(page.url()).searchParams.get('asOf') ?? '';
    expect(picked < beijingDate(0)).toBe(true);
    expect(await settled(() => page.locator('#board-as-of').inputValue(), picked)).toBe(picked);
    await page.locator('.ant-statistic').first().waitFor();
    await console_.shot(page, 'board-keyboard-date');
    // A past board's totals do not link to the ledger, whose lights are today's.
    expect(await page.getByRole('link', { name: /^逾期任务/ }).count()).toBe(0);

    // The 责任单位 header: Tab to it, Enter sorts.
    await tabUntil((f) => f?.tag === 'TH' && f.text.includes('责任单位'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=name&order=ascend/);
    expect(page.url()).toContain(`asOf=${picked}`);
    await console_.shot(page, 'board-keyboard-sorted');
  });

  it('shows a leader the same board', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, leader);
    await page.waitForURL('**/board');
    await departmentTable(page).locator('.ant-table-row').first().waitFor();
    expect(
      await page
        .locator('.ant-statistic')
        .filter({ hasText: '逾期' })
        .locator('.ant-statistic-content')
        .innerText(),
    ).toContain('3');
    expect(await departmentNames(departmentTable(page))).toHaveLength(3);
    await console_.shot(page, 'leader-board');
  });
});

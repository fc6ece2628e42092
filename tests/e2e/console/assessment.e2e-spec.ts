import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { makeUser } from '@duban/testing';
import { type ConsoleHarness, PHONE, startConsole } from './support/console-harness';
import {
  type AssessmentYear,
  seedAssessmentYear,
  startAssessmentWorker,
} from './support/assessment-year';

/**
 * 年度考核 in the browser: the office runs 2025 (seeded as in support/assessment-year.ts) and
 * reads the ranking, a breakdown, a what-if and the reports; a leader reads only.
 */
describe('console: 年度考核', () => {
  let console_: ConsoleHarness;
  let worker: INestApplicationContext;
  let year: AssessmentYear;
  let supervisor: string;
  let leader: string;

  beforeAll(async () => {
    console_ = await startConsole('assessment');
    const ds = console_.api.db.dataSource;
    year = await seedAssessmentYear(ds);
    worker = await startAssessmentWorker(console_.api.config);
    supervisor = (await makeUser(ds, 'supervisor')).username;
    leader = (await makeUser(ds, 'leader')).username;
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await console_.close();
  });
  afterEach(() => {
    expect(console_.pageErrors).toEqual([]);
  });

  it('the office runs 2025 and sees the ranking as a chart and a sortable table', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, supervisor);
    await page.goto('/assessment?year=2025');
    await console_.waitForTitle(page, '年度考核');
    await page.getByText('该年度尚未运行考核').waitFor();
    await console_.shot(page, 'office-not-run');

    await page.getByRole('button', { name: '运行考核' }).click();
    await page.getByRole('status').getByText('已完成').waitFor({ timeout: 30_000 });
    const table = page.getByRole('table');
    await table.getByText('市发展改革委').waitFor();
    await page.getByRole('img', { name: /2025年度考核得分排名柱状图，共 3 个参评部门/ }).waitFor();
    await page.locator('canvas').first().waitFor();

    const rows = async () =>
      (await table.locator('tbody tr.ant-table-row').allInnerTexts()).map((row) =>
        row.split('\t').slice(0, 3),
      );
    expect(await rows()).toEqual([
      ['1', '市发展改革委', '82.50'],
      ['2', '市教育局', '81.90'],
      ['3', '市工信委', '76.00'],
      ['—', '市民政局', '—'],
    ]);
    // Sorting by score, highest first (the second click): the unranked stays last.
    const scoreHeader = table.getByRole('columnheader', { name: /得分/ });
    await scoreHeader.click();
    await scoreHeader.click();
    expect((await rows()).map((row) => row[1])).toEqual([
      '市发展改革委',
      '市教育局',
      '市工信委',
      '市民政局',
    ]);
    await scoreHeader.click();
    await page.mouse.move(0, 0);
    await console_.shot(page, 'office-ranking');

    // 市教育局: 80 + (2 on time + 0 for 良 − 0.1 late report) = 81.90, every row on its task.
    await page.getByRole('button', { name: '查看市教育局的得分明细' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('市教育局 · 2025年度得分明细').waitFor();
    await drawer.getByText('核对无误：基础分 80.00 +1.90（各任务） = 81.90，与总分一致').waitFor();
    const task = drawer.getByRole('region', { name: /新建改扩建中小学校/ });
    const deltaRows = (await task.locator('tbody tr.ant-table-row').allInnerTexts()).map((row) => {
      const cells = row.split('\t');
      return [cells[0], cells[2], cells[1]];
    });
    expect(deltaRows).toEqual(
      expect.arrayContaining([
        ['按时办结', '牵头', '+2.00'],
        ['进展迟报', '牵头', '−0.10'],
      ]),
    );
    await drawer.getByRole('button', { name: '关闭得分明细' }).click({ trial: true });
    await console_.shot(page, 'office-breakdown');
    await drawer.getByRole('button', { name: '关闭得分明细' }).click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('the office edits the scheme in the what-if and sees both rankings side by side', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, supervisor);
    await page.goto('/assessment?year=2025');
    await console_.waitForTitle(page, '年度考核');
    // The form starts from config/assessment/2025.yaml; penalties are shown as points deducted.
    const good = page.getByLabel('评价“良”加减分');
    await good.waitFor();
    expect(await good.inputValue()).toBe('0.00');
    expect(await page.getByLabel('逾期扣分（牵头）').inputValue()).toBe('5.00');

    // 良 worth 1 point: 市教育局 80 + 2 + 1 − 0.1 = 82.90 passes 市发展改革委's 82.50.
    await good.fill('1');
    await page.getByRole('button', { name: '模拟测算' }).click();
    const compared = page.getByRole('table', { name: '现行方案与模拟方案排名对比' });
    await compared.getByText('82.90').waitFor();
    const rows = (await compared.locator('tbody tr.ant-table-row').allInnerTexts()).map((row) =>
      row.split('\t').map((cell) => cell.trim()),
    );
    expect(rows).toEqual([
      ['市教育局', '2', '81.90', '1', '82.90', '↑1'],
      ['市发展改革委', '1', '82.50', '2', '82.50', '↓1'],
      ['市工信委', '3', '76.00', '3', '76.00', '='],
      ['市民政局', '—', '—', '—', '—', '—'],
    ]);
    await compared.getByLabel('上升 1 名').waitFor();
    await page.getByRole('img', { name: /现行方案与模拟方案得分对比柱状图/ }).waitFor();
    await console_.shot(page, 'office-what-if');

    // Nothing was saved: the stored ranking still has 市发展改革委 first.
    await page.getByRole('button', { name: '恢复现行方案' }).click();
    expect(await good.inputValue()).toBe('0.00');
    const stored = page.getByRole('table', { name: '考核排名表' });
    expect(await stored.locator('tbody tr.ant-table-row').first().innerText()).toContain(
      '市发展改革委',
    );
  });

  it('the office downloads the xlsx and HTML reports under Chinese names', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, supervisor);
    await page.goto('/assessment?year=2025');
    await console_.waitForTitle(page, '年度考核');
    // The run's scoring date (today when it ran) is in the file's name.
    const [{ as_of: asOf }] = await console_.api.db.dataSource.query<{ as_of: string }[]>(
      `SELECT as_of::text FROM assessment_runs WHERE year = 2025 AND state = 'succeeded'`,
    );
    const [y, m, d] = asOf.split('-').map(Number);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: '下载结果表（Excel）' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`2025年度考核结果（截至${y}年${m}月${d}日）.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const cells = workbook.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells).toEqual(expect.arrayContaining(['市发展改革委', '市教育局', '市工信委']));
    await page.getByText(/已下载：2025年度考核结果/).waitFor();

    const [html] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: '下载考核报告（网页版）' }).click(),
    ]);
    expect(html.suggestedFilename()).toBe(`2025年度考核报告（截至${y}年${m}月${d}日）.html`);
    const text = readFileSync(await html.path(), 'utf8');
    expect(text).toMatch(/^<!doctype html>/i);
    expect(text).toContain('市教育局');
    await console_.shot(page, 'office-downloaded');
  });

  it('a leader reads the ranking and a breakdown, with no 运行考核, no what-if and no reports to build', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, leader);
    await page.goto('/assessment?year=2025');
    await console_.waitForTitle(page, '年度考核');
    const table = page.getByRole('table', { name: '考核排名表' });
    await table.getByText('市发展改革委').waitFor();
    await page.getByRole('img', { name: /2025年度考核得分排名柱状图/ }).waitFor();
    expect(await page.getByRole('button', { name: '运行考核' }).count()).toBe(0);
    expect(await page.getByText('模拟测算').count()).toBe(0);
    expect(await page.getByRole('button', { name: /下载/ }).count()).toBe(0);

    // 市工信委: 80 − 5 (T2 open past its deadline) + 1 (supports T1, on time) = 76.00.
    await page.getByRole('button', { name: '查看市工信委的得分明细' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('核对无误：基础分 80.00 −4.00（各任务） = 76.00，与总分一致').waitFor();
    await drawer.getByText('逾期未办结').waitFor();
    // A trial click waits until the drawer has stopped sliding in, so the picture is the drawer's.
    await drawer.getByRole('button', { name: '关闭得分明细' }).click({ trial: true });
    await console_.shot(page, 'leader-breakdown');
    await drawer.getByRole('button', { name: '关闭得分明细' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // The what-if and a run, forced from the page with the session, are refused; a read is not.
    const statuses = await page.evaluate(async (departmentId: string) => {
      const post = (path: string, body: unknown) =>
        fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-duban-console': '1' },
          body: JSON.stringify(body),
        }).then((response) => response.status);
      return [
        await post('/api/v1/assessments/2025/what-if', { year: 2025 }),
        await post('/api/v1/assessments/2025/run', {}),
        await fetch(`/api/v1/assessments/2025/departments/${departmentId}`).then((r) => r.status),
      ];
    }, year.b);
    expect(statuses).toEqual([403, 403, 200]);

    // Another year by the picker: the address follows, and a year not run says so.
    await page.getByLabel('考核年度').click();
    await page.getByTitle('2024年').click();
    await page.waitForURL('**/assessment?year=2024');
    await page.getByText('该年度尚未运行考核，暂无排名').waitFor();
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await console_.shot(page, 'leader-year-not-run');
  });

  it('a leader on a phone reads the ranking and a breakdown within the screen', async () => {
    const page = await console_.newPage(PHONE);
    await console_.signIn(page, leader);
    await page.goto('/assessment?year=2025');
    await console_.waitForTitle(page, '年度考核');
    await page.getByRole('table', { name: '考核排名表' }).getByText('市教育局').waitFor();
    await page.locator('canvas').first().waitFor();
    await console_.shot(page, 'leader-phone-ranking');
    await page.getByRole('button', { name: '查看市教育局的得分明细' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(/核对无误/).waitFor();
    await drawer.getByRole('button', { name: '关闭得分明细' }).click({ trial: true });
    const box = await drawer.boundingBox();
    expect(box === null ? null : box.x >= 0 && box.x + box.width <= PHONE.width + 1).toBe(true);
    await console_.shot(page, 'leader-phone-breakdown');
  });
});

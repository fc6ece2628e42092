import { makeUser } from '@duban/testing';
import { type ConsoleHarness, startConsole } from './support/console-harness';

describe('console: a leader reads and cannot write', () => {
  let console_: ConsoleHarness;
  let leader: string;

  beforeAll(async () => {
    console_ = await startConsole('leader');
    leader = (await makeUser(console_.api.db.dataSource, 'leader')).username;
  });
  afterAll(() => console_.close());
  afterEach(() => {
    expect(console_.pageErrors).toEqual([]);
  });

  it("shows the board, the ledger and the assessment in the menu, and none of the office's work", async () => {
    const page = await console_.newPage();
    await console_.signIn(page, leader);
    await page.waitForURL('**/board');
    await console_.waitForTitle(page, '督办看板');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    const entries = await menu.getByRole('menuitem').allInnerTexts();
    expect(entries.map((entry) => entry.trim())).toEqual(['督办看板', '任务台账', '年度考核']);
    await console_.shot(page, 'leader-board');

    // An office page opened by its address is refused in words, not drawn.
    await page.goto('/imports');
    await page.getByText('您的角色不能查看此页面。').waitFor();
    await console_.shot(page, 'leader-refused-imports');
  });

  it('gets 403 for a write forced from the page, with the console header and the session cookie', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, leader);
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/v1/departments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-duban-console': '1' },
        body: JSON.stringify({ name: '市测试局', emails: ['t@dept.example'] }),
      });
      return response.status;
    });
    expect(status).toBe(403);
  });
});

import { makeDepartment, makeUser, TEST_PASSWORD } from '@duban/testing';
import { type ConsoleHarness, type InPage, PHONE, startConsole } from './support/console-harness';

describe('console: sign-in and the session', () => {
  let console_: ConsoleHarness;
  let office: string;
  let liaison: string;
  let taskPath: string;

  beforeAll(async () => {
    console_ = await startConsole('sign-in');
    const { dataSource } = console_.api.db;
    office = (await makeUser(dataSource, 'supervisor')).username;
    const department = await makeDepartment(dataSource, { name: '市发展改革委' });
    liaison = (await makeUser(dataSource, 'department', department.id)).username;
    taskPath = '/tasks/00000000-0000-4000-8000-000000000001';
  });
  afterAll(() => console_.close());
  afterEach(() => {
    expect(console_.pageErrors).toEqual([]);
  });

  it('signs in with the keyboard alone: typing at once, Tab to the password, Enter to sign in', async () => {
    const page = await console_.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').waitFor();
    const focusedLabel = () =>
      page.evaluate(() => {
        const active = (
          globalThis as unknown as {
            document: { activeElement: { id: string } | null; querySelector(s: string): unknown };
          }
        ).document;
        const id = active.activeElement?.id ?? '';
        const label = active.querySelector(`label[for="${id}"]`) as { textContent: string } | null;
        return label?.textContent ?? null;
      });
    // The page opens with the cursor in 用户名, so a clerk types at once.
    expect(await focusedLabel()).toBe('用户名');
    await page.keyboard.type(office);
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('密码');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/board');
    await console_.waitForTitle(page, '督办看板');
  });

  it('signs the office in with an httpOnly cookie and lands on the board; sign-out ends it', async () => {
    const page = await console_.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').waitFor();
    await console_.shot(page, 'sign-in');
    await console_.signIn(page, office);
    await page.waitForURL('**/board');
    await console_.waitForTitle(page, '督办看板');
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'duban_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/' });
    // Scripts in the page cannot read the token.
    await expect(
      page.evaluate(() => (globalThis as unknown as InPage).document.cookie),
    ).resolves.not.toContain('duban_session');
    await console_.shot(page, 'board');

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
    await page.goto('/board');
    await page.waitForURL('**/login?next=%2Fboard');
  });

  it('refuses a wrong password in Chinese and keeps what was typed', async () => {
    const page = await console_.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill(office);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    await expect(page.getByLabel('用户名').inputValue()).resolves.toBe(office);
    await console_.shot(page, 'wrong-password');
  });

  it('takes a liaison from a mail link through sign-in to the task page, at a phone width', async () => {
    const page = await console_.newPage(PHONE);
    await page.goto(taskPath);
    await page.waitForURL(`**/login?next=${encodeURIComponent(taskPath)}`);
    await console_.signIn(page, liaison);
    await page.waitForURL(`**${taskPath}`);
    await console_.shot(page, 'mail-link-after-sign-in');
  });

  it('sends a person whose session ended back to sign-in, then to the page they were on', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, office);
    await page.goto('/tasks');
    // The session ends elsewhere (signed out everywhere, disabled, expired): the cookie is refused.
    await page.context().clearCookies();
    await page.reload();
    await page.waitForURL('**/login?next=%2Ftasks');
    await console_.signIn(page, office);
    await page.waitForURL('**/tasks');
  });

  it('refuses a cookie-borne write without the console header (a cross-site form)', async () => {
    const page = await console_.newPage();
    await console_.signIn(page, office);
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/v1/departments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '市测试局' }),
      });
      return response.status;
    });
    expect(status).toBe(403);
  });
});

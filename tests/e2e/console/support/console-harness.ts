import { mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { DubanConfig } from '@duban/config';
import { TEST_PASSWORD } from '@duban/testing';
import { type ApiHarness, startApi } from '../../support/api-harness';

/** Debian's Chromium (apt-get install chromium); no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where `npm run build:web` (and the integration tests' global setup) put the console. */
export const CONSOLE_DIR = resolve(__dirname, '../../../../dist/web');

/** A phone's screen, for the pages a liaison opens from a mail. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/**
 * The page's globals, for casting `globalThis` inside a function given to page.evaluate (these
 * tests are typed for Node, not the DOM). Functions, not strings: the console's CSP forbids
 * eval, which string scripts need.
 */
export interface InPage {
  document: { cookie: string; title: string };
}

/** The api serving the built console on a real port, and a headless Chromium to use it with. */
export interface ConsoleHarness {
  api: ApiHarness;
  /** http://127.0.0.1:PORT: the console and, under /api/v1, the API. */
  origin: string;
  browser: Browser;
  /** Script errors and console errors of every page so far (a test expects none). */
  pageErrors: string[];
  /** A fresh browser profile (no cookies) with one page at `viewport`. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Signs in on the sign-in page the browser is on (or opens it first). */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** Waits until the page's title (set when a page has drawn) starts with `prefix`. */
  waitForTitle(page: Page, prefix: string): Promise<void>;
  /**
   * Saves what the page shows to out/console/<spec>/<NN-name>.png, in order of the steps, and
   * records every control on it that has no label as a page error (the test then fails).
   */
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The roles of controls a person operates: each must have an accessible name. Not listbox: a
 * select's open list is announced through its combobox, which carries the name.
 */
const CONTROL_ROLES =
  'button|textbox|searchbox|combobox|checkbox|radio|switch|spinbutton|slider|tab|menuitem|option|link';

/**
 * The controls on the page without an accessible name (what a screen reader would call just
 * "button" or "edit text"), read from the page's accessibility tree as Playwright writes it:
 * a named control is `- button "签 收"`, an unnamed one `- button` (maybe `[checked]`, `: value`).
 */
export async function unlabelledControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  const unnamed = new RegExp(`^\\s*- (${CONTROL_ROLES})(?:\\s+\\[[^\\]]*\\])*(?::.*)?$`);
  return tree
    .split('\n')
    .filter((line) => unnamed.test(line))
    .map((line) => line.trim());
}

export async function startConsole(
  spec: string,
  tune: (config: DubanConfig) => DubanConfig = (config) => config,
): Promise<ConsoleHarness> {
  const api = await startApi((config) =>
    tune({ ...config, api: { ...config.api, consoleDir: CONSOLE_DIR } }),
  );
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium's sandbox needs a non-root user; CI runs as root in a throwaway machine.
    args: ['--no-sandbox', '--lang=zh-CN'],
    // With Debian's chromium-l10n, LANGUAGE makes Chromium draw its own controls (the date
    // field's 年/月/日 order) as a zh-CN browser does; --lang alone does not. Not LANG: a locale
    // the machine has not generated turns every non-ASCII download name into "download".
    env: { ...process.env, LANGUAGE: 'zh_CN:zh' },
  });
  const contexts: BrowserContext[] = [];
  const shots = join(resolve(__dirname, '../../../../out/console'), spec);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  let step = 0;
  const pageErrors: string[] = [];
  return {
    pageErrors,
    api,
    origin,
    browser,
    async newPage(viewport = DESKTOP) {
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        // As a person who turned animations off: a screenshot shows the chart, not its bars growing.
        reducedMotion: 'reduce',
        baseURL: origin,
      });
      contexts.push(context);
      const page = await context.newPage();
      // A script error in the console fails the test that caused it, with what the page said.
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        // The browser logs every refused call (a 401 before sign-in, a 403 the test provokes);
        // those are the api's answers, which the page shows in its own words.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          pageErrors.push(`${page.url()}: console: ${message.text()}`);
        }
      });
      return page;
    },
    async signIn(page, username, password = TEST_PASSWORD) {
      if (!new URL(page.url(), origin).pathname.startsWith('/login')) {
        await page.goto('/login');
      }
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async waitForTitle(page, prefix) {
      for (let waited = 0; !(await page.title()).startsWith(prefix); waited += 50) {
        if (waited > 15_000) {
          throw new Error(`the page's title is still "${await page.title()}", not ${prefix}…`);
        }
        await page.waitForTimeout(50);
      }
    },
    async shot(page, name) {
      step += 1;
      const file = join(shots, `${String(step).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // Every screen a test passes through is also checked for controls without a label.
      for (const control of await unlabelledControls(page)) {
        pageErrors.push(`${page.url()}: a control without a label (${name}): ${control}`);
      }
      return file;
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser.close();
      await api.close();
    },
  };
}

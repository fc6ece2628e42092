/**
 * bench:web — the console in Debian's headless Chromium against the api on the bench dataset
 * (default 1M tasks, 2k departments; --tasks N for a smaller one; the bench:api database is
 * reused when it holds that many tasks):
 * - JS transferred (compressed, as sent) for the first load of sign-in and then the board,
 *   aim ≤ 300 KB gzip;
 * - time from opening /board (signed in, a fresh page) until the board is drawn, beside the
 *   board's API call alone (GET /api/v1/board from Node) in the same run, aim ≤ 1.5 s.
 */
import { chromium, type Page } from 'playwright-core';
import {
  BENCH_PASSWORD,
  benchDatabaseUrl,
  countTasks,
  datasetLabel,
  generateDataset,
  migrate,
  seedUsers,
  startApi,
} from './api-harness';
import { buildConsole } from '../../scripts/console/build-console';
import { report } from './bench-report';

const arg = (name: string) => process.argv.indexOf(name);
const TASKS = Number(process.argv[arg('--tasks') + 1]) || 1_000_000;
const RUNS = 5;
const databaseUrl = benchDatabaseUrl();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Waits until the board has drawn its figures: the totals and the departments' table. */
async function boardDrawn(page: Page): Promise<void> {
  await page.waitForSelector('.ant-statistic');
  await page.waitForSelector('.ant-table-row');
}

async function main(): Promise<void> {
  buildConsole();
  if (((await countTasks(databaseUrl)) ?? 0) >= TASKS) {
    await migrate(databaseUrl);
  } else {
    await generateDataset(databaseUrl, TASKS);
  }
  await seedUsers(databaseUrl, [{ username: 'bench_office', role: 'supervisor' }]);
  const api = await startApi(databaseUrl, 'duban-bench-web');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    // First load: sign-in page, sign in, the board drawn; every script counted as transferred.
    const context = await browser.newContext({ baseURL: api.url, locale: 'zh-CN' });
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script') {
        scripts.push(request.sizes().then((sizes) => sizes.responseBodySize));
      }
    });
    await page.goto('/login', { waitUntil: 'networkidle' });
    await page.getByLabel('用户名').fill('bench_office');
    await page.getByLabel('密码').fill(BENCH_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/board');
    await boardDrawn(page);
    await page.waitForLoadState('networkidle');
    const jsBytes = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);

    // The board drawn on a fresh page of the signed-in browser, beside its API call alone.
    const drawn: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const fresh = await context.newPage();
      const started = performance.now();
      await fresh.goto('/board');
      await boardDrawn(fresh);
      drawn.push(performance.now() - started);
      await fresh.close();
    }
    const token = await api.login('bench_office');
    const alone: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const response = await fetch(`${api.url}/api/v1/board`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      alone.push(performance.now() - started);
    }
    const dataset = datasetLabel(TASKS);
    report('web', [
      {
        figure: 'JS transferred, first load of sign-in + board',
        value: Math.round(jsBytes / 1024),
        unit: 'KB',
        better: 'lower',
        aim: '≤ 300 KB',
        dataset,
      },
      {
        figure: `board drawn (fresh page, signed in): median of ${RUNS}`,
        value: Math.round(median(drawn)),
        unit: 'ms',
        baseline: { label: 'GET /api/v1/board alone', value: Math.round(median(alone)) },
        better: 'lower',
        aim: '≤ 1500 ms',
        dataset,
      },
    ]);
  } finally {
    await browser.close();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

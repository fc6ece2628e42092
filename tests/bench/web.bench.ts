/**
 * bench:web — the console in Debian's headless Chromium against the api on the bench dataset
 * (default 1M tasks, 2k departments; --tasks N for a smaller one; the bench:api database is
 * reused when it holds that many tasks):
 * - JS transferred (compressed) for the first load of sign-in and then the board: as sent to
 *   Chromium (brotli) and to a browser accepting only gzip, aim ≤ 300 KB gzip;
 * - time from opening /board (signed in, a fresh page) until the board is drawn, beside the
 *   board's API call alone (GET /api/v1/board from Node) in the same run, aim ≤ 1.5 s;
 * - the ledger (/tasks) scrolled top to bottom over 10,000 loaded rows, one step per animation
 *   frame: frames longer than 1.5 × the display's frame interval ("dropped") and the p95 frame,
 *   beside the same loop over a plain div of the same size (ledger-scroll.ts). Measured, not
 *   asserted.
 */
import { type BrowserContext, chromium, type Page } from 'playwright-core';
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
import { type FrameStats, LEDGER_ROWS, measureLedgerScroll, SCROLL_RUNS } from './ledger-scroll';

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

/** Script bytes as transferred (compressed) for sign-in and then the board, in a new context. */
async function firstLoad(
  context: BrowserContext,
): Promise<{ bytes: number; scripts: number; encodings: string }> {
  const page = await context.newPage();
  const scripts: Promise<{ bytes: number; encoding: string }>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') {
      scripts.push(
        Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => ({
          bytes: sizes.responseBodySize,
          encoding: response?.headers()['content-encoding'] ?? 'identity',
        })),
      );
    }
  });
  await page.goto('/login', { waitUntil: 'networkidle' });
  await page.getByLabel('用户名').fill('bench_office');
  await page.getByLabel('密码').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/board');
  await boardDrawn(page);
  await page.waitForLoadState('networkidle');
  await page.close();
  const loaded = await Promise.all(scripts);
  return {
    bytes: loaded.reduce((sum, script) => sum + script.bytes, 0),
    scripts: loaded.length,
    encodings: [...new Set(loaded.map((script) => script.encoding))].join(', '),
  };
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
    // First load: sign-in page, sign in, the board drawn; every script counted as transferred,
    // once as Chromium asks (brotli) and once in a browser that accepts only gzip (the aim's unit).
    const context = await browser.newContext({ baseURL: api.url, locale: 'zh-CN' });
    const sent = await firstLoad(context);
    const gzipContext = await browser.newContext({
      baseURL: api.url,
      locale: 'zh-CN',
      extraHTTPHeaders: { 'accept-encoding': 'gzip' },
    });
    const gzip = await firstLoad(gzipContext);
    await gzipContext.close();
    console.log(
      `first load: ${sent.scripts} scripts sent as ${sent.encodings}; ${gzip.scripts} as ${gzip.encodings} when only gzip is accepted`,
    );

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
    const call = async (path: string) => {
      const response = await fetch(`${api.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
    };
    const alone: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await call('/api/v1/board');
      alone.push(performance.now() - started);
    }
    // What the page asks for on opening: the board and its 20 longest-overdue tasks, together.
    const together: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await Promise.all([call('/api/v1/board'), call('/api/v1/board/tasks?light=red&limit=20')]);
      together.push(performance.now() - started);
    }
    const scroll = await measureLedgerScroll(context);
    if (scroll.loaded < LEDGER_ROWS) {
      throw new Error(`the ledger loaded ${scroll.loaded} rows, not ${LEDGER_ROWS}`);
    }
    const runs = (list: FrameStats[]) =>
      list.map((run) => `${run.dropped} dropped/p95 ${run.p95.toFixed(1)} ms`).join('; ');
    console.log(
      `ledger scroll: ${scroll.loaded} rows loaded, ${scroll.ledger.frames} frames over ${scroll.ledger.scrolled} px, ` +
        `${scroll.rowsDrawn} rows in the DOM at the end, frame interval ${scroll.interval.toFixed(2)} ms\n` +
        `  ledger runs: ${runs(scroll.runs.ledger)}\n  plain div runs: ${runs(scroll.runs.plain)}`,
    );
    const dataset = datasetLabel(TASKS);
    report('web', [
      {
        figure: 'JS transferred, first load of sign-in + board (brotli, as sent)',
        value: Math.round(sent.bytes / 1024),
        unit: 'KB',
        better: 'lower',
        aim: '-',
        dataset,
      },
      {
        figure: 'JS transferred, first load of sign-in + board (gzip only accepted)',
        value: Math.round(gzip.bytes / 1024),
        unit: 'KB',
        better: 'lower',
        aim: '≤ 300 KB gzip',
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
      {
        figure: `the board page's API calls together (/board ‖ /board/tasks): median of ${RUNS}`,
        value: Math.round(median(together)),
        unit: 'ms',
        baseline: { label: 'GET /api/v1/board alone', value: Math.round(median(alone)) },
        better: 'lower',
        dataset,
      },
      {
        figure: `ledger scroll, ${LEDGER_ROWS.toLocaleString('en-US')} rows, median of ${SCROLL_RUNS}: dropped frames (> 1.5 × ${scroll.interval.toFixed(1)} ms) of ${scroll.ledger.frames}`,
        value: scroll.ledger.dropped,
        unit: 'frames',
        baseline: { label: 'plain div, same scroll', value: scroll.plain.dropped },
        better: 'lower',
        aim: 'none dropped',
        dataset,
      },
      {
        figure: `ledger scroll, ${LEDGER_ROWS.toLocaleString('en-US')} rows, median of ${SCROLL_RUNS}: p95 frame`,
        value: scroll.ledger.p95,
        unit: 'ms',
        baseline: { label: 'plain div, same scroll', value: scroll.plain.p95 },
        better: 'lower',
        aim: `≈ ${scroll.interval.toFixed(1)} ms (idle frame)`,
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

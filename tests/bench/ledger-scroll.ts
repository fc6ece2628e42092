/**
 * The ledger's scroll for bench:web: load keyset pages (加载更多) until 10,000 rows are loaded,
 * then scroll the antd virtual table's body from top to bottom one step per animation frame and
 * record each frame's length inside the page. The same loop over a plain div of the same size is
 * the baseline, and an idle page's frames give the display's frame interval.
 */
import type { BrowserContext, Page } from 'playwright-core';

export const LEDGER_ROWS = 10_000;
/** Scrolls of each kind, alternated. */
export const SCROLL_RUNS = 3;
/** The ledger asks for its next page when the rows' end is this close (LedgerPage's NEAR_BOTTOM). */
const NEXT_PAGE_ZONE = 400;
/** The virtual table's scrolled body (rc-virtual-list's holder under antd's tbody-virtual). */
const LEDGER_BODY = '.ant-table-tbody-virtual-holder';
const PLAIN_BODY = 'bench-plain-scroll';

/** The little of the page's DOM the in-page functions use (the bench compiles without lib "dom"). */
interface InPage {
  requestAnimationFrame(callback: (now: number) => void): number;
  document: {
    querySelector(selector: string): ScrollBox | null;
    getElementById(id: string): PlainElement | null;
    createElement(tag: 'div'): PlainElement;
    body: { innerText: string; append(node: PlainElement): void };
  };
}
interface ScrollBox {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly clientWidth: number;
}
interface PlainElement {
  id: string;
  remove(): void;
  style: Record<string, string>;
  append(node: PlainElement): void;
}

export interface FrameStats {
  frames: number;
  /** Frames longer than 1.5 × the display's frame interval. */
  dropped: number;
  p95: number;
  /** Pixels actually scrolled: checks that the loop went the whole way. */
  scrolled: number;
}

export interface LedgerScroll {
  /** The display's frame interval: median frame of an idle page. */
  interval: number;
  /** The median of the runs: dropped frames and p95 each the middle run's. */
  ledger: FrameStats;
  plain: FrameStats;
  runs: { ledger: FrameStats[]; plain: FrameStats[] };
  /** Rows in the table's body when the scroll ended (virtual: a screenful, not 10,000). */
  rowsDrawn: number;
  loaded: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

/** Frame lengths (ms) of `count` animation frames with nothing to do. Runs inside the page. */
function idleFrames(count: number): Promise<number[]> {
  const { requestAnimationFrame } = globalThis as unknown as InPage;
  return new Promise((done) => {
    const frames: number[] = [];
    let last: number | undefined;
    const tick = (now: number) => {
      if (last !== undefined) frames.push(now - last);
      last = now;
      if (frames.length >= count) done(frames);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Scrolls `selector` from its top to `stopBefore` px above its end, `step` px per animation
 * frame, and returns each frame's length (ms) and the distance covered. Runs inside the page.
 */
function scrollFrames(args: {
  selector: string;
  step: number;
  stopBefore: number;
}): Promise<{ frames: number[]; scrolled: number }> {
  const { document, requestAnimationFrame } = globalThis as unknown as InPage;
  const box = document.querySelector(args.selector);
  if (!box) throw new Error(`nothing to scroll at ${args.selector}`);
  box.scrollTop = 0;
  const end = box.scrollHeight - box.clientHeight - args.stopBefore;
  return new Promise((done) => {
    const frames: number[] = [];
    let last: number | undefined;
    // The loop keeps its own position: the virtual list writes scrollTop back as it draws, and
    // reading it back would make the ledger take more, shorter steps than the baseline.
    let position = 0;
    const tick = (now: number) => {
      if (last !== undefined) frames.push(now - last);
      last = now;
      if (position >= end) {
        done({ frames, scrolled: box.scrollTop });
        return;
      }
      position = Math.min(end, position + args.step);
      box.scrollTop = position;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** A div of the ledger body's size holding one plain block as tall as the ledger's rows. */
function addPlainBody(args: { id: string; width: number; height: number; content: number }): void {
  const { document } = globalThis as unknown as InPage;
  const box = document.createElement('div');
  box.id = args.id;
  Object.assign(box.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${args.width}px`,
    height: `${args.height}px`,
    overflowY: 'auto',
    background: '#fff',
    zIndex: '10000',
  });
  // Stripes a row high, so every step brings new pixels to paint, as the rows do.
  const inner = document.createElement('div');
  inner.style.height = `${args.content}px`;
  inner.style.background = 'repeating-linear-gradient(#fff 0 38px, #f0f0f0 38px 39px)';
  box.append(inner);
  document.body.append(box);
}

function stats(run: { frames: number[]; scrolled: number }, interval: number): FrameStats {
  return {
    frames: run.frames.length,
    dropped: run.frames.filter((frame) => frame > 1.5 * interval).length,
    p95: percentile(run.frames, 0.95),
    scrolled: Math.round(run.scrolled),
  };
}

function medianRun(runs: FrameStats[]): FrameStats {
  return {
    frames: percentile(
      runs.map((run) => run.frames),
      0.5,
    ),
    dropped: percentile(
      runs.map((run) => run.dropped),
      0.5,
    ),
    p95: percentile(
      runs.map((run) => run.p95),
      0.5,
    ),
    scrolled: Math.min(...runs.map((run) => run.scrolled)),
  };
}

async function loadedCount(page: Page): Promise<number> {
  const text = await page.getByText(/^已加载/).innerText();
  return Number(/已加载\s*([\d,，]+)\s*项/.exec(text)?.[1]?.replace(/[,，]/g, '') ?? NaN);
}

/** Opens the ledger, loads 10,000 rows and measures the scroll, its baseline and idle frames. */
export async function measureLedgerScroll(context: BrowserContext): Promise<LedgerScroll> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/tasks');
    await page.getByText(/^已加载 200 项/).waitFor();
    const more = page.getByRole('button', { name: '加载更多' });
    for (let loaded = await loadedCount(page); loaded < LEDGER_ROWS;) {
      await more.click();
      const target = loaded + 200;
      await page.waitForFunction(
        (want) => {
          const text = (globalThis as unknown as InPage).document.body.innerText;
          const match = /已加载\s*([\d,，]+)\s*项/.exec(text);
          return Number(match?.[1]?.replace(/[,，]/g, '') ?? 0) >= want;
        },
        target,
        { polling: 50 },
      );
      loaded = await loadedCount(page);
    }
    const loaded = await loadedCount(page);
    // Settle, then the display's frame interval on this page with nothing moving.
    await page.waitForTimeout(500);
    const idle = await page.evaluate(idleFrames, 120);
    const interval = percentile(idle, 0.5);

    const size = await page.evaluate((selector) => {
      const box = (globalThis as unknown as InPage).document.querySelector(selector);
      if (!box) throw new Error(`no ledger body at ${selector}`);
      return { width: box.clientWidth, height: box.clientHeight, content: box.scrollHeight };
    }, LEDGER_BODY);
    // Half the body per frame: a brisk scroll that brings ~7 new rows into every frame.
    const step = Math.round(size.height / 2);
    const scroll = { step, stopBefore: NEXT_PAGE_ZONE };
    // Pairs of runs, the baseline first (over the ledger, then taken away) and the ledger's own;
    // the median run of each stands for it, as the machine's other work shakes single runs.
    const ledgerRuns: FrameStats[] = [];
    const plainRuns: FrameStats[] = [];
    for (let run = 0; run < SCROLL_RUNS; run += 1) {
      await page.evaluate(addPlainBody, { id: PLAIN_BODY, ...size });
      await page.waitForTimeout(200);
      const plain = await page.evaluate(scrollFrames, { selector: `#${PLAIN_BODY}`, ...scroll });
      plainRuns.push(stats(plain, interval));
      await page.evaluate(
        (id) => (globalThis as unknown as InPage).document.getElementById(id)?.remove(),
        PLAIN_BODY,
      );
      await page.waitForTimeout(200);
      const ledger = await page.evaluate(scrollFrames, { selector: LEDGER_BODY, ...scroll });
      ledgerRuns.push(stats(ledger, interval));
    }
    const rowsDrawn = await page.locator('.ant-table-row').count();
    return {
      interval,
      ledger: medianRun(ledgerRuns),
      plain: medianRun(plainRuns),
      runs: { ledger: ledgerRuns, plain: plainRuns },
      rowsDrawn,
      loaded,
    };
  } finally {
    await page.close();
  }
}

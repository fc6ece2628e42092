/**
 * An open-loop (paced) HTTP load generator: request i starts at `i / rate` seconds whatever the
 * answers before it, as independent users arrive, and its latency runs from that scheduled start
 * (or from its sending, when a timer fired early) to its answer. A server (or a generator) that
 * falls behind is charged for the wait, so no coordinated omission hides it.
 *
 * autocannon's `overallRate` is not such a load: each connection sends its share of the second
 * back to back and then idles until the next second, so "300 req/s over 20 connections" arrives
 * as 20 concurrent loops at the top of every second. Its latencies are those of that burst.
 */
import type { Agent } from 'node:http';
import { type Call, figures, type KindFigures, sendTallied, type Tally } from './closed-loop';

export interface OpenLoopOptions {
  url: string;
  /** Requests started per second, evenly spaced. */
  rate: number;
  /** Requests in all. */
  count: number;
  /** Its keep-alive connections (`connections(n)`): a request finding all busy waits, and is charged for it. */
  agent: Agent;
  /** The request with index `index` (0 … count − 1). */
  next: (index: number) => Call;
}

export interface OpenLoopResult {
  /** From the first scheduled start to the last answer. */
  seconds: number;
  figures: KindFigures;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = new URL(options.url);
  const interval = 1000 / options.rate;
  const tally: Tally = { latencies: [], failures: {}, samples: {} };
  const started = performance.now();
  // A timer can fire up to a millisecond early: such a request is timed from when it was sent.
  const fire = (call: Call, due: number): Promise<void> =>
    sendTallied(options.agent, url, call, tally, Math.max(due, performance.now()));
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const due = started + index * interval;
    const wait = due - performance.now();
    // Timers fire on whole milliseconds: a request due sooner goes now, and one the loop is
    // late for goes at once, its lateness counted in its latency.
    if (wait >= 1) {
      await sleep(wait);
    }
    inFlight.push(fire(options.next(index), due));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, figures: figures('all', tally, seconds) };
}

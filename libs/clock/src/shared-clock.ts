import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type Clock, SimulatedClock } from './clock';

/** What every process of a shared simulated clock agrees on; kept in one Redis key. */
export interface ClockState {
  /** ISO instant the clock shows at `anchorMs`. */
  start: string;
  /** Real epoch ms from which it runs. */
  anchorMs: number;
  /** Simulated ms per real ms. */
  speed: number;
  /** ISO instant where it stops and stands until the next state; null: it runs on. */
  stopAt: string | null;
}

const stateSchema = z.strictObject({
  start: z.iso.datetime({ offset: true }),
  anchorMs: z.number().int().nonnegative(),
  speed: z.number().positive(),
  stopAt: z.iso.datetime({ offset: true }).nullable(),
});

/**
 * A simulated clock whose course one driver sets for every process: it runs to a stop and
 * stands there until the driver lets it run again. The demo stops it at 10:00 of each day it has
 * work for, so a busy machine slows the year down instead of letting the calendar run past the
 * script. Processes follow the driver through `followClockState`.
 */
export class SharedClock implements Clock {
  private current: SimulatedClock;

  constructor(
    state: ClockState,
    /** The Redis key the state is kept under. */
    readonly key: string,
  ) {
    this.current = toClock(state);
  }

  get speed(): number {
    return this.current.speed;
  }

  now(): Date {
    return this.current.now();
  }

  realTimeOf(instant: Date): number {
    return this.current.realTimeOf(instant);
  }

  set(state: ClockState): void {
    this.current = toClock(state);
  }
}

function toClock(state: ClockState): SimulatedClock {
  return new SimulatedClock(
    new Date(state.start),
    state.anchorMs,
    state.speed,
    Date.now,
    state.stopAt ? new Date(state.stopAt) : null,
  );
}

export function parseClockState(text: string): ClockState {
  return stateSchema.parse(JSON.parse(text));
}

/** Writes the state every follower picks up within one poll. */
export async function publishClockState(
  redis: Redis,
  key: string,
  state: ClockState,
): Promise<void> {
  await redis.set(key, JSON.stringify(state));
}

/**
 * Keeps `clock` on the state stored at `key`, read every `intervalMs`. A missing or unreadable
 * value leaves the clock as it is. Reads it once before returning, so a process that starts in
 * the middle of a run is on the driver's time from its first timestamp. Returns the function that
 * stops following.
 */
export async function followClockState(
  clock: SharedClock,
  redis: Redis,
  intervalMs = 20,
): Promise<() => void> {
  const key = clock.key;
  const first = await redis.get(key);
  if (first) {
    clock.set(parseClockState(first));
  }
  let last = first ?? '';
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    redis
      .get(key)
      .then((text) => {
        if (text && text !== last) {
          clock.set(parseClockState(text));
          last = text;
        }
      })
      .catch(() => undefined)
      .finally(() => (reading = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

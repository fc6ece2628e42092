/**
 * The system's notion of now. Every business timestamp (a report's date, an event's occurredAt,
 * the day a sweep works on) and every wait for a business instant (a delayed reminder job) goes
 * through a Clock, so the whole system can run on a simulated, compressed calendar — the demo
 * plays a year in about a minute — while connection timeouts, retries and token expiry stay on
 * real time.
 */
export interface Clock {
  now(): Date;
  /** Simulated milliseconds per real millisecond: 1 for the real clock. */
  readonly speed: number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date(), speed: 1 };

/**
 * A clock that shows `start` at the real instant `anchorMs` and runs `speed` times faster than
 * real time from there. Every process given the same three values agrees on the time.
 */
export class SimulatedClock implements Clock {
  constructor(
    readonly start: Date,
    readonly anchorMs: number,
    readonly speed: number,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(): Date {
    return new Date(this.start.getTime() + (this.realNow() - this.anchorMs) * this.speed);
  }
}

/** Real milliseconds to wait until `instant` comes on `clock`; 0 once it has passed. */
export function realMsUntil(clock: Clock, instant: Date): number {
  return realMsOf(clock, instant.getTime() - clock.now().getTime());
}

/** Real milliseconds that `simulatedMs` of `clock`'s time take (rounded up; 0 for none or less). */
export function realMsOf(clock: Clock, simulatedMs: number): number {
  return simulatedMs <= 0 ? 0 : Math.ceil(simulatedMs / clock.speed);
}

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
  /** The real instant (epoch ms) at which this clock shows `instant`, when it is not simply `speed`-proportional. */
  realTimeOf?(instant: Date): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date(), speed: 1 };

/**
 * A clock that stands at `start` until the real instant `anchorMs`, then runs `speed` times
 * faster than real time. Every process given the same three values agrees on the time. Standing
 * still first lets a demo start its services and import its plans all on the first morning, and
 * set the year going once they are ready.
 */
export class SimulatedClock implements Clock {
  constructor(
    readonly start: Date,
    readonly anchorMs: number,
    readonly speed: number,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(): Date {
    const elapsed = Math.max(0, this.realNow() - this.anchorMs);
    return new Date(this.start.getTime() + elapsed * this.speed);
  }

  realTimeOf(instant: Date): number {
    return this.anchorMs + Math.max(0, instant.getTime() - this.start.getTime()) / this.speed;
  }
}

/** Real milliseconds to wait until `instant` comes on `clock`; 0 once it has passed. */
export function realMsUntil(clock: Clock, instant: Date): number {
  if (instant.getTime() <= clock.now().getTime()) {
    return 0;
  }
  if (clock.realTimeOf) {
    return Math.max(0, Math.ceil(clock.realTimeOf(instant) - Date.now()));
  }
  return realMsOf(clock, instant.getTime() - clock.now().getTime());
}

/** Real milliseconds that `simulatedMs` of `clock`'s time take (rounded up; 0 for none or less). */
export function realMsOf(clock: Clock, simulatedMs: number): number {
  return simulatedMs <= 0 ? 0 : Math.ceil(simulatedMs / clock.speed);
}

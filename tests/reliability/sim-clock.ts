/**
 * The simulated clock every process of a run shares (DUBAN_CLOCK_START / _ANCHOR / _SPEED), as
 * libs/clock reads it: simulated time stands at `start` until the real epoch ms `anchor`, then
 * runs `speed` times faster than real time. The suite picks a working-day evening for `start` so reminders (09:00 Asia/Shanghai on
 * working days) come due every `dayRealSeconds` of the run.
 */
export interface SimClock {
  start: Date;
  anchor: number;
  speed: number;
  now(real?: number): Date;
  /** The real epoch ms at which simulated time reaches `sim`. */
  realAt(sim: Date): number;
  env(): Record<string, string>;
}

const DAY_MS = 86_400_000;

export function simClock(start: Date, dayRealSeconds: number, anchor = Date.now()): SimClock {
  const speed = DAY_MS / 1000 / dayRealSeconds;
  return {
    start,
    anchor,
    speed,
    now: (real = Date.now()) => new Date(start.getTime() + Math.max(0, real - anchor) * speed),
    realAt: (sim) => anchor + Math.max(0, sim.getTime() - start.getTime()) / speed,
    env: () => ({
      DUBAN_CLOCK_START: start.toISOString(),
      DUBAN_CLOCK_ANCHOR: String(anchor),
      DUBAN_CLOCK_SPEED: String(speed),
    }),
  };
}

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The weekdays (Monday–Friday) from `firstDay` on, `count` of them. */
export function weekdaysFrom(firstDay: string, count: number): string[] {
  const days: string[] = [];
  for (
    let d = new Date(`${firstDay}T00:00:00Z`);
    days.length < count;
    d = new Date(d.getTime() + DAY_MS)
  ) {
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      days.push(d.toISOString().slice(0, 10));
    }
  }
  return days;
}

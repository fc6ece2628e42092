import { ClockConfigError, clockFromEnv } from './clock.env';
import { realMsOf, realMsUntil, SimulatedClock, systemClock } from './clock';

describe('SimulatedClock', () => {
  const start = new Date('2026-01-05T08:00:00+08:00');
  const anchor = 1_000_000;

  it('stands at the start until the anchor, then runs `speed` times faster', () => {
    let real = anchor - 5000;
    const clock = new SimulatedClock(start, anchor, 3600, () => real);
    expect(clock.now().toISOString()).toBe('2026-01-05T00:00:00.000Z');
    real = anchor;
    expect(clock.now().toISOString()).toBe('2026-01-05T00:00:00.000Z');
    real += 1000; // one real second is one simulated hour
    expect(clock.now().toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('knows the real instant it will show a simulated one, counting the wait for the anchor', () => {
    const clock = new SimulatedClock(start, anchor, 3600, () => anchor - 5000);
    expect(clock.realTimeOf(new Date('2026-01-05T01:00:00Z'))).toBe(anchor + 1000);
    expect(clock.realTimeOf(new Date('2026-01-05T00:00:00Z'))).toBe(anchor);
  });

  it('waits out the standing start before the compressed span', () => {
    const now = Date.now();
    const clock = new SimulatedClock(start, now + 2000, 86_400);
    const wait = realMsUntil(clock, new Date('2026-01-06T00:00:00Z'));
    // 2 s until the clock starts, then one simulated day at 86,400× is one real second
    expect(wait).toBeGreaterThan(2900);
    expect(wait).toBeLessThanOrEqual(3000);
  });

  it('converts a wait for a simulated instant into real milliseconds, rounding up', () => {
    const clock = new SimulatedClock(start, Date.now(), 86_400);
    // one simulated day at 86,400× takes one real second (less the little already elapsed)
    expect(realMsUntil(clock, new Date('2026-01-06T00:00:00Z'))).toBeGreaterThan(950);
    expect(realMsUntil(clock, new Date('2026-01-06T00:00:00Z'))).toBeLessThanOrEqual(1000);
    expect(realMsUntil(clock, new Date('2026-01-04T00:00:00Z'))).toBe(0);
    // 60 simulated seconds: 0.69 ms, rounded up so a wait is never cut short
    expect(realMsOf(clock, 60_000)).toBe(1);
    expect(realMsOf(clock, 0)).toBe(0);
    expect(realMsOf(clock, -5)).toBe(0);
  });

  it('leaves real durations alone on the system clock', () => {
    expect(systemClock.speed).toBe(1);
    expect(realMsOf(systemClock, 60_000)).toBe(60_000);
    const inOneMinute = new Date(Date.now() + 60_000);
    expect(realMsUntil(systemClock, inOneMinute)).toBeGreaterThan(59_000);
    expect(realMsUntil(systemClock, inOneMinute)).toBeLessThanOrEqual(60_000);
  });
});

describe('clockFromEnv', () => {
  it('is the real clock when nothing is set', () => {
    expect(clockFromEnv({})).toBe(systemClock);
  });

  it('builds the simulated clock every process given the same values agrees on', () => {
    const env = {
      DUBAN_CLOCK_START: '2026-01-05T08:00:00+08:00',
      DUBAN_CLOCK_ANCHOR: String(Date.now() - 2000),
      DUBAN_CLOCK_SPEED: '43200',
    };
    const clock = clockFromEnv(env);
    expect(clock.speed).toBe(43_200);
    // two real seconds at 43,200× are one simulated day
    const day = clock.now().getTime() - new Date('2026-01-05T00:00:00Z').getTime();
    expect(day).toBeGreaterThanOrEqual(86_400_000);
    expect(day).toBeLessThan(86_400_000 + 60 * 60_000);
  });

  it('runs at real speed from the start when only the start is given', () => {
    const clock = clockFromEnv({ DUBAN_CLOCK_START: '2026-03-02T10:00:00+08:00' });
    expect(clock.speed).toBe(1);
    expect(Math.abs(clock.now().getTime() - Date.parse('2026-03-02T02:00:00Z'))).toBeLessThan(1000);
  });

  it.each([
    [
      { DUBAN_CLOCK_START: '2026-01-05 08:00' },
      'Invalid clock setting DUBAN_CLOCK_START="2026-01-05 08:00": expected an ISO instant with offset such as 2026-01-05T08:00:00+08:00',
    ],
    [
      { DUBAN_CLOCK_START: '2026-01-05T08:00:00Z', DUBAN_CLOCK_ANCHOR: 'yesterday' },
      'Invalid clock setting DUBAN_CLOCK_ANCHOR="yesterday": expected epoch milliseconds (a positive integer)',
    ],
    [
      { DUBAN_CLOCK_START: '2026-01-05T08:00:00Z', DUBAN_CLOCK_SPEED: '0' },
      'Invalid clock setting DUBAN_CLOCK_SPEED="0": expected a positive number',
    ],
    [
      { DUBAN_CLOCK_SPEED: '100' },
      'Invalid clock setting DUBAN_CLOCK_SPEED="100": DUBAN_CLOCK_SPEED needs DUBAN_CLOCK_START',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => clockFromEnv(env)).toThrow(new ClockConfigError(message));
  });
});

import { Redis } from 'ioredis';
import { createTestRedis, pollUntil, type TestRedis } from '@duban/testing';
import { realMsUntil, STANDING_CLOCK_POLL_MS } from './clock';
import { type ClockState, followClockState, publishClockState, SharedClock } from './shared-clock';

describe('SharedClock (Redis)', () => {
  let redis: TestRedis;
  let client: Redis;
  const stops: Array<() => void> = [];

  beforeAll(() => {
    redis = createTestRedis();
    client = new Redis(redis.url);
  });

  afterAll(async () => {
    stops.forEach((stop) => stop());
    client.disconnect();
    await redis.cleanup();
  });

  it('stands at its stop, and every follower moves when the driver lets it run', async () => {
    const key = `${redis.prefix}:clock`;
    const standing: ClockState = {
      start: '2026-01-05T01:00:00.000Z',
      anchorMs: Date.now(),
      speed: 3_600_000, // a simulated hour per real millisecond
      stopAt: '2026-01-05T01:00:00.000Z',
    };
    await publishClockState(client, key, standing);
    const driver = new SharedClock(standing, key);
    const follower = new SharedClock({ ...standing, start: '2020-01-01T00:00:00.000Z' }, key);
    stops.push(await followClockState(follower, client, 5));

    // The follower read the stored state before following: it stands where the driver does.
    expect(follower.now().toISOString()).toBe('2026-01-05T01:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(follower.now().toISOString()).toBe('2026-01-05T01:00:00.000Z');
    // A job for the next morning finds the clock standing: it is told to look again shortly.
    expect(realMsUntil(follower, new Date('2026-01-06T01:00:00Z'))).toBe(STANDING_CLOCK_POLL_MS);

    const running: ClockState = {
      start: standing.start,
      anchorMs: Date.now(),
      speed: standing.speed,
      stopAt: '2026-01-06T02:00:00.000Z',
    };
    driver.set(running);
    await publishClockState(client, key, running);
    await pollUntil(() => follower.now().toISOString() === '2026-01-06T02:00:00.000Z', {
      timeoutMs: 2000,
      what: 'the follower ran to the next stop',
    });
    expect(driver.now().toISOString()).toBe('2026-01-06T02:00:00.000Z');
  });
});

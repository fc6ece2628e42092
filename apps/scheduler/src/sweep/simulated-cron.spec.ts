import { SimulatedClock } from '@duban/clock';
import { SimulatedCron } from './simulated-cron';

const DAY_MS = 86_400_000;

describe('SimulatedCron', () => {
  it('finds the next occurrence of the pattern in the office time zone', () => {
    const clock = new SimulatedClock(new Date('2026-03-02T00:00:00+08:00'), Date.now(), 1);
    const cron = new SimulatedCron(clock, '30 0 * * *', 'Asia/Shanghai', jest.fn(), jest.fn());
    // 00:30 Beijing time is 16:30 UTC the day before
    expect(cron.next(new Date('2026-03-02T00:00:00+08:00')).toISOString()).toBe(
      '2026-03-01T16:30:00.000Z',
    );
    expect(cron.next(new Date('2026-03-02T00:30:00+08:00')).toISOString()).toBe(
      '2026-03-02T16:30:00.000Z',
    );
    expect(cron.next(new Date('2026-12-31T23:59:00+08:00')).toISOString()).toBe(
      '2026-12-31T16:30:00.000Z',
    );
  });

  it('ticks once per simulated day, in order, without skipping a day', async () => {
    // 40 ms of real time per simulated day; the first tick is 30 simulated minutes away
    const clock = new SimulatedClock(
      new Date('2026-03-02T00:00:00+08:00'),
      Date.now(),
      DAY_MS / 40,
    );
    const ticks: string[] = [];
    const cron = new SimulatedCron(
      clock,
      '30 0 * * *',
      'Asia/Shanghai',
      (occurrence) => {
        ticks.push(occurrence.toISOString());
        return Promise.resolve();
      },
      (error) => {
        throw error;
      },
    );
    cron.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    cron.stop();
    const countAtStop = ticks.length;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(countAtStop).toBeGreaterThanOrEqual(3);
    expect(ticks).toHaveLength(countAtStop); // nothing after stop
    ticks.forEach((tick, index) => {
      expect(tick).toBe(
        new Date(Date.parse('2026-03-01T16:30:00Z') + index * DAY_MS).toISOString(),
      );
    });
  });

  it('reports a failed tick and keeps ticking', async () => {
    const clock = new SimulatedClock(
      new Date('2026-03-02T00:29:00+08:00'),
      Date.now(),
      DAY_MS / 20,
    );
    const errors: string[] = [];
    let calls = 0;
    const cron = new SimulatedCron(
      clock,
      '30 0 * * *',
      'Asia/Shanghai',
      () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('redis down')) : Promise.resolve();
      },
      (error) => errors.push(error.message),
    );
    cron.start();
    await new Promise((resolve) => setTimeout(resolve, 120));
    cron.stop();
    expect(errors).toEqual(['redis down']);
    expect(calls).toBeGreaterThanOrEqual(3);
  });
});

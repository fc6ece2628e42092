import { randomUUID } from 'node:crypto';
import type { AnyDomainEvent } from '@duban/contracts';
import type { ApplyResult } from './apply-event';
import { EventBatcher } from './event-batcher';

const event = (taskId: string): AnyDomainEvent => ({
  id: randomUUID(),
  type: 'TaskReopened',
  aggregateType: 'task',
  aggregateId: taskId,
  occurredAt: '2026-09-01T02:00:00.000Z',
  payload: { taskId, completionId: null, reason: 'returned' },
});

describe('EventBatcher', () => {
  it('applies events handed in together as one batch, and later ones in the next', async () => {
    const batches: string[][] = [];
    const sut = new EventBatcher(
      (events) => {
        batches.push(events.map((e) => e.aggregateId));
        return Promise.resolve(events.map((): ApplyResult => 'applied'));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const first = ['a', 'b', 'c'].map((id) => sut.apply(event(id)));
    await expect(Promise.all(first)).resolves.toEqual(['applied', 'applied', 'applied']);
    await sut.apply(event('d'));
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('never puts more than maxBatch events in one batch, nor runs more than maxInFlight batches', async () => {
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const sut = new EventBatcher(
      async (events) => {
        running += 1;
        most = Math.max(most, running);
        sizes.push(events.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return events.map((): ApplyResult => 'applied');
      },
      { maxBatch: 4, maxInFlight: 2 },
    );
    await Promise.all(Array.from({ length: 11 }, (_, i) => sut.apply(event(String(i)))));
    expect(sizes).toEqual([4, 4, 3]);
    expect(most).toBe(2);
  });

  it("gives each job its own event's result", async () => {
    const sut = new EventBatcher(
      (events) =>
        Promise.resolve(
          events.map((e): ApplyResult => (e.aggregateId === 'old' ? 'duplicate' : 'applied')),
        ),
      { maxBatch: 10, maxInFlight: 1 },
    );
    const results = await Promise.all([sut.apply(event('new')), sut.apply(event('old'))]);
    expect(results).toEqual(['applied', 'duplicate']);
  });

  it('applies a failed batch again one event at a time: only the bad event fails', async () => {
    const calls: string[][] = [];
    const sut = new EventBatcher(
      (events) => {
        calls.push(events.map((e) => e.aggregateId));
        return events.some((e) => e.aggregateId === 'bad')
          ? Promise.reject(new Error('bad event'))
          : Promise.resolve(events.map((): ApplyResult => 'applied'));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((id) => sut.apply(event(id))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });
});

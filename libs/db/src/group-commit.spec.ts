import { GroupCommit, type GroupCommitOptions } from './group-commit';

describe('GroupCommit', () => {
  it('runs items handed in together as one batch, and later ones in the next', async () => {
    const batches: string[][] = [];
    const sut = new GroupCommit(
      (items: readonly string[]) => {
        batches.push([...items]);
        return Promise.resolve(items.map((item) => item.toUpperCase()));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    await expect(Promise.all(['a', 'b', 'c'].map((item) => sut.run(item)))).resolves.toEqual([
      'A',
      'B',
      'C',
    ]);
    await sut.run('d');
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('never puts more than maxBatch items in one batch, nor runs more than maxInFlight batches', async () => {
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const sut = new GroupCommit(
      async (items: readonly number[]) => {
        running += 1;
        most = Math.max(most, running);
        sizes.push(items.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return [...items];
      },
      { maxBatch: 4, maxInFlight: 2 },
    );
    await Promise.all(Array.from({ length: 11 }, (_, i) => sut.run(i)));
    expect(sizes).toEqual([4, 4, 3]);
    expect(most).toBe(2);
  });

  it('runs a failed batch again one item at a time: only the bad item fails', async () => {
    const calls: string[][] = [];
    const sut = new GroupCommit(
      (items: readonly string[]) => {
        calls.push([...items]);
        return items.includes('bad')
          ? Promise.reject(new Error('bad item'))
          : Promise.resolve(items.map(() => 'ok'));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => sut.run(item)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });
});

describe('GroupCommit with gatherMs', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  /** A GroupCommit whose batches answer their items, recorded in `batches`. */
  const echoing = (options: GroupCommitOptions) => {
    const batches: number[][] = [];
    const sut = new GroupCommit((items: readonly number[]) => {
      batches.push([...items]);
      return Promise.resolve([...items]);
    }, options);
    return { sut, batches };
  };

  /** Lets setImmediate callbacks and promise callbacks run. */
  const turns = async (n = 3) => {
    for (let i = 0; i < n; i += 1) {
      await jest.advanceTimersByTimeAsync(0);
    }
  };

  it('holds a small batch back until its first item has waited gatherMs, gathering the later ones', async () => {
    jest.useFakeTimers();
    const { sut, batches } = echoing({ maxBatch: 10, maxInFlight: 1, gatherMs: 10 });
    const results = [sut.run(1)];
    await turns();
    await jest.advanceTimersByTimeAsync(6);
    results.push(sut.run(2));
    await turns();
    await jest.advanceTimersByTimeAsync(3);
    // 9 ms after the first item: nothing started yet.
    expect(batches).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await turns();
    expect(batches).toEqual([[1, 2]]);
    await expect(Promise.all(results)).resolves.toEqual([1, 2]);
  });

  it('starts a full batch at once', async () => {
    jest.useFakeTimers();
    const { sut, batches } = echoing({ maxBatch: 3, maxInFlight: 1, gatherMs: 1_000 });
    const results = [1, 2, 3, 4].map((item) => sut.run(item));
    await turns();
    // The first three went at once; the fourth waits for company or for its 1 s.
    expect(batches).toEqual([[1, 2, 3]]);
    await jest.advanceTimersByTimeAsync(999);
    expect(batches).toEqual([[1, 2, 3]]);
    await jest.advanceTimersByTimeAsync(1);
    await turns();
    expect(batches).toEqual([[1, 2, 3], [4]]);
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3, 4]);
  });
});

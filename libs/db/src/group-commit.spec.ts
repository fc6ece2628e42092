import { GroupCommit } from './group-commit';

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

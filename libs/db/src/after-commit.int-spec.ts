import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@duban/testing';
import { afterCommit } from './after-commit';

describe('afterCommit', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  /** Read on another pooled connection: only committed rows are visible there. */
  const committed = async (name: string) =>
    (
      await db.dataSource.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM departments WHERE name = $1`,
        [name],
      )
    )[0].n;

  it('runs once the transaction has committed, when its writes are visible to others', async () => {
    const name = `部门${randomUUID()}`;
    const seen: number[] = [];
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO departments (name) VALUES ($1)`, [name]);
      afterCommit(manager, 'probe', () => {
        void committed(name).then((n) => seen.push(n));
      });
      seen.push(await committed(name));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([0, 1]);
  });

  it('runs one callback per key, the first registered, however often it is asked', async () => {
    const calls: string[] = [];
    await db.dataSource.transaction(async (manager) => {
      afterCommit(manager, 'wake', () => calls.push('wake 1'));
      afterCommit(manager, 'wake', () => calls.push('wake 2'));
      afterCommit(manager, 'other', () => calls.push('other'));
      await manager.query('SELECT 1');
    });
    expect(calls).toEqual(['wake 1', 'other']);
  });

  it('never runs when the transaction rolls back, nor in the next one on the same connection', async () => {
    const calls: string[] = [];
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      afterCommit(runner.manager, 'wake', () => calls.push('rolled back'));
      await runner.rollbackTransaction();
      await runner.startTransaction();
      await runner.commitTransaction();
      expect(calls).toEqual([]);
    } finally {
      await runner.release();
    }
  });

  it('waits for the outermost commit, not the release of a savepoint inside it', async () => {
    const calls: string[] = [];
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.startTransaction(); // a savepoint
      afterCommit(runner.manager, 'wake', () => calls.push('committed'));
      await runner.commitTransaction(); // releases the savepoint
      expect(calls).toEqual([]);
      await runner.commitTransaction();
      expect(calls).toEqual(['committed']);
    } finally {
      await runner.release();
    }
  });

  it('refuses outside a transaction, where there is no commit to wait for', () => {
    expect(() => afterCommit(db.dataSource.manager, 'wake', () => undefined)).toThrow(
      /inside a transaction/,
    );
  });

  it('a callback that throws does not turn the committed transaction into an error', async () => {
    const name = `部门${randomUUID()}`;
    await expect(
      db.dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO departments (name) VALUES ($1)`, [name]);
        afterCommit(manager, 'broken', () => {
          throw new Error('nudge failed');
        });
      }),
    ).resolves.toBeUndefined();
    expect(await committed(name)).toBe(1);
  });
});

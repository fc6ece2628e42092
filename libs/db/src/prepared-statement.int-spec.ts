import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@duban/testing';
import { isDatabaseUnavailable } from './database-unavailable';
import { preparedStatement, queryPrepared } from './prepared-statement';

describe('queryPrepared', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const INSERT_DEPARTMENT = preparedStatement(
    `INSERT INTO departments (name) VALUES ($1) RETURNING id, name`,
  );
  const COUNT_DEPARTMENT = preparedStatement(
    `SELECT count(*)::int AS n FROM departments WHERE name = $1`,
  );
  const countOf = async (name: string) =>
    (await queryPrepared<{ n: number }>(db.dataSource, COUNT_DEPARTMENT, [name]))[0]?.n;

  it('names a statement after its text', () => {
    expect(preparedStatement('SELECT 1').name).toBe(preparedStatement('SELECT 1').name);
    expect(preparedStatement('SELECT 1').name).not.toBe(preparedStatement('SELECT 2').name);
    expect(preparedStatement('SELECT 1').name).toMatch(/^duban_[0-9a-f]{24}$/);
  });

  it('runs on the pool, statement after statement, with the rows typed as asked', async () => {
    const names = [`部门${randomUUID()}`, `部门${randomUUID()}`, `部门${randomUUID()}`];
    for (const name of names) {
      const [row] = await queryPrepared<{ id: string; name: string }>(
        db.dataSource,
        INSERT_DEPARTMENT,
        [name],
      );
      expect(row?.name).toBe(name);
    }
    // More executions than the pool has connections: each one prepared the statement at most once.
    for (const name of names) {
      expect(await countOf(name)).toBe(1);
    }
  });

  it("runs inside the caller's transaction, so a rollback takes its rows away", async () => {
    const name = `部门${randomUUID()}`;
    await expect(
      db.dataSource.transaction(async (manager) => {
        await queryPrepared(manager, INSERT_DEPARTMENT, [name]);
        // Seen by the transaction's own connection before commit.
        expect((await queryPrepared<{ n: number }>(manager, COUNT_DEPARTMENT, [name]))[0]?.n).toBe(
          1,
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countOf(name)).toBe(0);
  });

  it('fails as TypeORM does: a QueryFailedError carrying the SQLSTATE', async () => {
    const name = `部门${randomUUID()}`;
    await queryPrepared(db.dataSource, INSERT_DEPARTMENT, [name]);
    const failure = await queryPrepared(db.dataSource, INSERT_DEPARTMENT, [name]).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(failure).toMatchObject({ code: '23505', driverError: { code: '23505' } });
    expect(isDatabaseUnavailable(failure)).toBe(false);
    expect(await countOf(name)).toBe(1);
  });
});

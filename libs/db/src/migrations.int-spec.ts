import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@duban/testing';
import { pendingSchemaChanges, revertAllMigrations, runMigrations } from './migrate';

const userTables = async (dataSource: DataSource): Promise<string[]> =>
  (
    await dataSource.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    )
  ).map((row) => row.tablename);

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('leave no drift between the entities and the schema they build', async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual({ up: [], down: [] });
  });

  it('revert down to an empty database and apply again with the same result', async () => {
    const before = await userTables(db.dataSource);
    expect(before).toEqual(
      expect.arrayContaining(['tasks', 'task_assignments', 'outbox', 'reminders', 'audit_log']),
    );

    expect(await revertAllMigrations(db.dataSource)).toBeGreaterThan(0);
    expect(await userTables(db.dataSource)).toEqual([]);

    const applied = await runMigrations(db.dataSource);
    expect(applied.length).toBeGreaterThan(0);
    expect(await userTables(db.dataSource)).toEqual(before);
    expect(await pendingSchemaChanges(db.dataSource)).toEqual({ up: [], down: [] });
  });

  it('refuse a value outside an enum with the named CHECK constraint', async () => {
    await expect(
      db.dataSource.query(`INSERT INTO departments (name, kind) VALUES ($1, 'ministry')`, [
        `部门${randomUUID()}`,
      ]),
    ).rejects.toThrow(/departments_kind_check/);
    await expect(
      db.dataSource.query(
        `INSERT INTO users (username, display_name, password_hash, role) VALUES ('u', 'u', 'x', 'department')`,
      ),
    ).rejects.toThrow(/users_department_role_check/);
  });

  it('index open tasks by deadline for the overdue board', async () => {
    const [plan] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('方案', '正文', repeat('a', 64)) RETURNING id`,
    );
    await db.dataSource.query(
      `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status)
       SELECT $1, 'n' || g, 1, '任务' || g, date '2020-01-01' + (g % 2000),
              CASE WHEN g % 10 = 0 THEN 'open' ELSE 'completed' END
       FROM generate_series(1, 20000) g`,
      [plan.id],
    );
    await db.dataSource.query('ANALYZE tasks');
    const plan_ = await db.dataSource.query<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT id FROM tasks WHERE status IN ('open', 'completion_pending') AND deadline IS NOT NULL AND deadline < date '2021-01-01'`,
    );
    expect(plan_.map((row) => row['QUERY PLAN']).join('\n')).toContain('tasks_open_deadline_idx');
  });
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@duban/testing';
import {
  pendingSchemaChanges,
  revertAllMigrations,
  revertLastMigration,
  runMigrations,
} from './migrate';
import { dataSourceOptions } from './data-source';
import { MIGRATIONS } from './migrations';

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

  describe("the assignments' copies of their task (the board's index)", () => {
    let planId: string;
    let departmentId: string;
    const copiesOf = (taskId: string) =>
      db.dataSource.query<
        { status: string; deadline: string | null; completedAt: Date | null; n: number }[]
      >(
        `SELECT a.task_status AS status, to_char(a.task_deadline, 'YYYY-MM-DD') AS deadline,
                a.task_completed_at AS "completedAt", count(*)::int AS n
           FROM task_assignments a WHERE a.task_id = $1
          GROUP BY 1, 2, 3`,
        [taskId],
      );
    const newTask = async (numberPath: string, deadline: string) => {
      const [task] = await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO tasks (plan_id, number_path, level, title, deadline) VALUES ($1, $2, 1, '任务', $3) RETURNING id`,
        [planId, numberPath, deadline],
      );
      return task.id;
    };

    beforeAll(async () => {
      const [plan] = await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO plans (title, source_text, source_hash) VALUES ('方案', '正文', repeat('b', 64)) RETURNING id`,
      );
      const [department] = await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO departments (name) VALUES ($1) RETURNING id`,
        [`部门${randomUUID()}`],
      );
      planId = plan.id;
      departmentId = department.id;
    });

    it('are filled on insert and follow every change of the task in its transaction', async () => {
      const taskId = await newTask('copy.1', '2026-03-20');
      const [other] = await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO departments (name) VALUES ($1) RETURNING id`,
        [`部门${randomUUID()}`],
      );
      await db.dataSource.query(
        `INSERT INTO task_assignments (task_id, department_id, role) VALUES ($1, $2, 'lead'), ($1, $3, 'support')`,
        [taskId, departmentId, other.id],
      );
      expect(await copiesOf(taskId)).toEqual([
        { status: 'open', deadline: '2026-03-20', completedAt: null, n: 2 },
      ]);

      await db.dataSource.query(`UPDATE tasks SET deadline = '2026-06-30' WHERE id = $1`, [taskId]);
      expect(await copiesOf(taskId)).toEqual([
        { status: 'open', deadline: '2026-06-30', completedAt: null, n: 2 },
      ]);

      const completedAt = new Date('2026-05-01T02:00:00Z');
      await db.dataSource.query(
        `UPDATE tasks SET status = 'completed', completed_at = $2 WHERE id = $1`,
        [taskId, completedAt],
      );
      expect(await copiesOf(taskId)).toEqual([
        { status: 'completed', deadline: '2026-06-30', completedAt, n: 2 },
      ]);

      // A rolled-back change leaves the copies as they were.
      const runner = db.dataSource.createQueryRunner();
      await runner.startTransaction();
      await runner.query(`UPDATE tasks SET status = 'open', completed_at = NULL WHERE id = $1`, [
        taskId,
      ]);
      await runner.rollbackTransaction();
      await runner.release();
      expect(await copiesOf(taskId)).toEqual([
        { status: 'completed', deadline: '2026-06-30', completedAt, n: 2 },
      ]);

      // An assignment moved to another task copies the new task.
      const movedTo = await newTask('copy.2', '2027-01-10');
      await db.dataSource.query(
        `UPDATE task_assignments SET task_id = $2 WHERE task_id = $1 AND department_id = $3`,
        [taskId, movedTo, other.id],
      );
      expect(await copiesOf(movedTo)).toEqual([
        { status: 'open', deadline: '2027-01-10', completedAt: null, n: 1 },
      ]);
    });

    it("answer a department's board from one index alone", async () => {
      await db.dataSource.query(
        `WITH t AS (
           INSERT INTO tasks (plan_id, number_path, level, title, deadline)
           SELECT $1, 'board' || g, 1, '任务' || g, date '2026-01-01' + g FROM generate_series(1, 300) g
           RETURNING id)
         INSERT INTO task_assignments (task_id, department_id, role) SELECT id, $2, 'lead' FROM t`,
        [planId, departmentId],
      );
      // VACUUM marks the pages all-visible, as autovacuum does on a live table.
      await db.dataSource.query('VACUUM ANALYZE task_assignments');
      const runner = db.dataSource.createQueryRunner();
      try {
        // Small tables tempt the planner to read them whole: ask for the path it takes at size.
        await runner.query('SET enable_seqscan = off');
        await runner.query('SET enable_bitmapscan = off');
        const rows = (await runner.query(
          `EXPLAIN SELECT count(*) FILTER (WHERE a.task_deadline < '2026-06-01'),
                          count(*) FILTER (WHERE a.acknowledged_at IS NULL)
             FROM task_assignments a
            WHERE a.department_id = $1
              AND (a.task_status IN ('open', 'completion_pending') OR a.task_completed_at > now())`,
          [departmentId],
        )) as { 'QUERY PLAN': string }[];
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(plan).toContain('Index Only Scan using task_assignments_department_idx');
        expect(plan).not.toContain('tasks');
      } finally {
        await runner.release();
      }
    });
  });

  const PARTITION_MIGRATION = 'AssessmentDeltasByYear1795368069323';
  const ARRAYS_MIGRATION = 'AssessmentDeltaArrays1795380000000';
  const QUALITY_MIGRATION = 'AssessmentDeltaQuality1795400000000';

  /** Reverts the newest migrations down to and including `name`, which must have been applied. */
  async function revertThrough(dataSource: DataSource, name: string): Promise<void> {
    for (;;) {
      const [last] = await dataSource.query<{ name: string }[]>(
        `SELECT name FROM migrations ORDER BY id DESC LIMIT 1`,
      );
      expect(last).toBeDefined();
      await revertLastMigration(dataSource);
      if (last?.name === name) {
        return;
      }
    }
  }

  /** Applies the migrations up to and including `name`, through a data source knowing only those. */
  async function migrateThrough(name: string): Promise<void> {
    const upTo = new DataSource({
      ...dataSourceOptions({ url: db.url, poolSize: 2, applicationName: 'duban-test' }),
      migrations: MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => new m().name === name) + 1),
    });
    await upTo.initialize();
    try {
      await runMigrations(upTo);
    } finally {
      await upTo.destroy();
    }
  }

  /** A department with an assessed result in `year`; answers the result's id. */
  async function storedResult(dataSource: DataSource, year: number): Promise<string> {
    const [department] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO departments (name) VALUES ($1) RETURNING id`,
      [`部门${randomUUID()}`],
    );
    const [scheme] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO assessment_schemes (year, method, definition, digest, source)
       VALUES ($1, 'points', '{}', $2, 'test') RETURNING id`,
      [year, randomUUID()],
    );
    const [run] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO assessment_runs (year, scheme_id, as_of, state) VALUES ($1, $2, '2026-01-15', 'succeeded') RETURNING id`,
      [year, scheme?.id],
    );
    const [result] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO assessment_results (year, department_id, method, status, score, run_id, computed_at)
       VALUES ($1, $2, 'points', 'assessed', 80, $3, now()) RETURNING id`,
      [year, department?.id, run?.id],
    );
    return result?.id ?? '';
  }

  it('move stored deltas to one partition per year, ids kept, and back', async () => {
    // The test database is at the latest migration: step back to the unpartitioned table.
    const { dataSource } = db;
    await revertThrough(dataSource, PARTITION_MIGRATION);
    const [department] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO departments (name) VALUES ($1) RETURNING id`,
      [`部门${randomUUID()}`],
    );
    const [scheme] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO assessment_schemes (year, method, definition, digest, source)
       VALUES (2024, 'points', '{}', 'd', 'test') RETURNING id`,
    );
    const resultOf = async (year: number): Promise<string> => {
      const [run] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO assessment_runs (year, scheme_id, as_of, state) VALUES ($1, $2, '2026-01-15', 'succeeded') RETURNING id`,
        [year, scheme?.id],
      );
      const [result] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO assessment_results (year, department_id, method, status, score, run_id, computed_at)
         VALUES ($1, $2, 'points', 'assessed', 80, $3, now()) RETURNING id`,
        [year, department?.id, run?.id],
      );
      return result?.id ?? '';
    };
    const r2024 = await resultOf(2024);
    const r2025 = await resultOf(2025);
    await dataSource.query(
      `INSERT INTO assessment_deltas (result_id, rule, points, occurred_on)
       VALUES ($1, 'on_time', 2, '2024-05-01'), ($2, 'late_report', -0.1, '2025-03-28'),
              ($2, 'cap', -1.5, '2026-01-15')`,
      [r2024, r2025],
    );
    const before = await dataSource.query<{ id: string; result_id: string; rule: string }[]>(
      `SELECT id, result_id, rule FROM assessment_deltas ORDER BY id`,
    );

    await migrateThrough(PARTITION_MIGRATION);
    const partitions = await dataSource.query<{ name: string; rows: number }[]>(
      `SELECT tableoid::regclass::text AS name, count(*)::int AS rows
       FROM assessment_deltas GROUP BY 1 ORDER BY 1`,
    );
    expect(partitions).toEqual([
      { name: 'assessment_deltas_2024_migrated', rows: 1 },
      { name: 'assessment_deltas_2025_migrated', rows: 2 },
    ]);
    expect(
      await dataSource.query(`SELECT id, result_id, rule FROM assessment_deltas ORDER BY id`),
    ).toEqual(before);
    // New rows continue the ids.
    const [added] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO assessment_deltas (result_id, rule, points, occurred_on, year)
       VALUES ($1, 'floor', 1, '2026-01-15', 2025) RETURNING id`,
      [r2025],
    );
    expect(BigInt(added?.id ?? '0')).toBeGreaterThan(BigInt(before.at(-1)?.id ?? '0'));

    await revertThrough(dataSource, PARTITION_MIGRATION);
    expect(
      await dataSource.query(`SELECT id, result_id, rule FROM assessment_deltas ORDER BY id`),
    ).toEqual([...before, { id: added?.id, result_id: r2025, rule: 'floor' }]);
    await runMigrations(dataSource);
  });

  it('gather the stored deltas of each result into one row of arrays, in order, and back', async () => {
    const { dataSource } = db;
    await revertThrough(dataSource, ARRAYS_MIGRATION);
    const r2022 = await storedResult(dataSource, 2022);
    const r2023 = await storedResult(dataSource, 2023);
    const task = randomUUID();
    const event = randomUUID();
    for (const year of [2022, 2023]) {
      await dataSource.query(
        `CREATE TABLE assessment_deltas_${year}_test PARTITION OF assessment_deltas FOR VALUES IN (${year})`,
      );
    }
    await dataSource.query(
      `INSERT INTO assessment_deltas
         (result_id, year, task_id, event_id, rule, role, points, occurred_on, deadline, period, share)
       VALUES ($1, 2022, $3, $4, 'on_time', 'lead', 2, '2022-05-01', '2022-05-10', NULL, NULL),
              ($2, 2023, $3, NULL, 'late_report', 'support', -0.1, '2023-03-28', NULL, '2023-03', NULL),
              ($2, 2023, $3, $4, 'completed_late', 'lead', 60, '2023-04-02', '2023-03-31', NULL,
               '{"weight": 1, "credit": 0.9, "daysLate": 2}'),
              ($2, 2023, NULL, NULL, 'cap', NULL, -1.5, '2026-01-15', NULL, NULL, NULL)`,
      [r2022, r2023, task, event],
    );
    const rows = () =>
      dataSource.query<Record<string, unknown>[]>(
        `SELECT result_id, task_id, event_id, rule, role, points, occurred_on::text, deadline::text,
                period, share, year
         FROM assessment_deltas WHERE result_id IN ($1, $2) ORDER BY result_id, id`,
        [r2022, r2023],
      );
    // Each result's deltas keep their order; the ids are not kept (arrays have none).
    const before = await rows();

    await runMigrations(dataSource);
    expect(
      await dataSource.query(
        `SELECT tableoid::regclass::text AS name, result_id, part, cardinality(rules) AS deltas
         FROM assessment_deltas WHERE result_id IN ($1, $2) ORDER BY year`,
        [r2022, r2023],
      ),
    ).toEqual([
      { name: 'assessment_deltas_2022_arrays', result_id: r2022, part: 0, deltas: 1 },
      { name: 'assessment_deltas_2023_arrays', result_id: r2023, part: 0, deltas: 3 },
    ]);
    expect(
      await dataSource.query(
        `SELECT s.result_id, d.task_id, d.event_id, d.rule, d.role,
                (d.hundredths::numeric / 100)::numeric(7,2) AS points, d.occurred_on::text,
                d.deadline::text, d.period, d.share, s.year
         FROM assessment_deltas s
         CROSS JOIN LATERAL unnest(s.task_ids, s.event_ids, s.rules, s.roles, s.hundredths,
                                   s.occurred_on, s.deadlines, s.periods, s.shares) WITH ORDINALITY
           AS d(task_id, event_id, rule, role, hundredths, occurred_on, deadline, period, share, n)
         WHERE s.result_id IN ($1, $2)
         ORDER BY s.result_id, s.part, d.n`,
        [r2022, r2023],
      ),
    ).toEqual(before);
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });

    await revertThrough(dataSource, ARRAYS_MIGRATION);
    expect(await rows()).toEqual(before);
    await runMigrations(dataSource);
  });

  it('carry a quality delta on its outcome element, and give it an element of its own on revert', async () => {
    const { dataSource } = db;
    const result = await storedResult(dataSource, 2021);
    const [t1, t2, e1, e2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await dataSource.query(
      `CREATE TABLE assessment_deltas_2021_test PARTITION OF assessment_deltas FOR VALUES IN (2021)`,
    );
    // t1 on time and rated excellent; t2's outcome not counted, only its poor rating; a cap row.
    // Points in hundredths, as stored now; the revert gives them back as numeric points.
    await dataSource.query(
      `INSERT INTO assessment_deltas (result_id, year, part, task_ids, event_ids, rules, roles,
                                      hundredths, occurred_on, deadlines, quality_rules,
                                      quality_hundredths)
       VALUES ($1, 2021, 0, ARRAY[$2, $3]::uuid[], ARRAY[$4, $5]::uuid[], ARRAY['on_time', NULL],
               ARRAY['lead', 'lead'], ARRAY[200, NULL]::int[], ARRAY['2021-05-01', '2021-06-09']::date[],
               ARRAY['2021-05-10', '2021-06-01']::date[], ARRAY['quality_excellent', 'quality_poor'],
               ARRAY[50, -100]::int[]),
              ($1, 2021, 1, NULL, NULL, ARRAY['cap'], NULL, ARRAY[-150]::int[],
               ARRAY['2022-01-15']::date[], NULL, NULL, NULL)`,
      [result, t1, t2, e1, e2],
    );

    await revertThrough(dataSource, QUALITY_MIGRATION);
    expect(
      await dataSource.query(
        `SELECT part, task_ids::text[], event_ids::text[], rules, roles::text[], points::text[],
                occurred_on::text[], deadlines::text[]
         FROM assessment_deltas WHERE result_id = $1 ORDER BY part`,
        [result],
      ),
    ).toEqual([
      {
        part: 0,
        task_ids: [t1, t1, t2],
        event_ids: [e1, e1, e2],
        rules: ['on_time', 'quality_excellent', 'quality_poor'],
        roles: ['lead', 'lead', 'lead'],
        points: ['2.00', '0.50', '-1.00'],
        occurred_on: ['2021-05-01', '2021-05-01', '2021-06-09'],
        deadlines: ['2021-05-10', '2021-05-10', '2021-06-01'],
      },
      {
        part: 1,
        task_ids: null,
        event_ids: null,
        rules: ['cap'],
        roles: null,
        points: ['-1.50'],
        occurred_on: ['2022-01-15'],
        deadlines: null,
      },
    ]);

    await runMigrations(dataSource);
    expect(
      await dataSource.query(
        `SELECT count(*)::int AS rows FROM assessment_deltas
         WHERE result_id = $1 AND quality_rules IS NULL AND quality_hundredths IS NULL`,
        [result],
      ),
    ).toEqual([{ rows: 2 }]);
    expect(
      await dataSource.query(
        `SELECT part, rules, hundredths FROM assessment_deltas WHERE result_id = $1 ORDER BY part`,
        [result],
      ),
    ).toEqual([
      {
        part: 0,
        rules: ['on_time', 'quality_excellent', 'quality_poor'],
        hundredths: [200, 50, -100],
      },
      { part: 1, rules: ['cap'], hundredths: [-150] },
    ]);
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });
  });
});

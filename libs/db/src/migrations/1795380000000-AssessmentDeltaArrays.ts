import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * assessment_deltas holds a result's deltas as parallel arrays, a few rows per result instead of one
 * row per delta: an annual run writes a year's millions of deltas as it sums them, and needs no
 * index over them (libs/assessment run-results.writer.ts). Still partitioned by year. Stored deltas
 * move, in their order, to one row per result (part 0). The deltas of one task are found through the
 * departments that held or reported on it, hence the index of report facts by task.
 */
export class AssessmentDeltaArrays1795380000000 implements MigrationInterface {
  name = 'AssessmentDeltaArrays1795380000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "assessment_deltas" RENAME TO "assessment_delta_rows"`);
    await queryRunner.query(
      `ALTER TABLE "assessment_delta_rows" RENAME CONSTRAINT "PK_0c1a46aa9055993407fa5bf68b1" TO "assessment_delta_rows_pkey"`,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_deltas" ("result_id" uuid NOT NULL, "part" smallint NOT NULL, "year" integer NOT NULL, "task_ids" uuid array, "event_ids" uuid array, "rules" text array NOT NULL, "roles" character varying(10) array, "points" numeric(7,2) array NOT NULL, "occurred_on" date array NOT NULL, "deadlines" date array, "periods" text array, "shares" jsonb array, CONSTRAINT "PK_48ff8ec5a5af94512060b2e2dfb" PRIMARY KEY ("result_id", "part", "year")) PARTITION BY LIST ("year")`,
    );
    // lz4 compresses the arrays several times faster than the default pglz; a server built
    // without it keeps the default.
    await queryRunner.query(
      `DO $$ BEGIN
         ALTER TABLE "assessment_deltas" ${ARRAY_COLUMNS.map((c) => `ALTER COLUMN "${c}" SET COMPRESSION lz4`).join(', ')};
       EXCEPTION WHEN feature_not_supported THEN NULL;
       END $$`,
    );
    for (const year of await yearsOf(queryRunner, 'assessment_delta_rows')) {
      await queryRunner.query(
        `CREATE TABLE "assessment_deltas_${year}_arrays" PARTITION OF "assessment_deltas" FOR VALUES IN (${year})`,
      );
    }
    await queryRunner.query(
      `INSERT INTO "assessment_deltas" ("result_id", "part", "year", "task_ids", "event_ids", "rules", "roles", "points", "occurred_on", "deadlines", "periods", "shares")
       SELECT result_id, 0, year, array_agg(task_id ORDER BY id), array_agg(event_id ORDER BY id),
              array_agg(rule ORDER BY id), array_agg(role ORDER BY id), array_agg(points ORDER BY id),
              array_agg(occurred_on ORDER BY id), array_agg(deadline ORDER BY id),
              array_agg(period ORDER BY id), array_agg(share ORDER BY id)
       FROM "assessment_delta_rows" GROUP BY result_id, year`,
    );
    // The id sequence is owned by the old table and goes with it.
    await queryRunner.query(`DROP TABLE "assessment_delta_rows"`);
    await queryRunner.query(
      `CREATE INDEX "assessment_report_facts_task_idx" ON "assessment_report_facts" ("task_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assessment_report_facts_task_idx"`);
    await queryRunner.query(`ALTER TABLE "assessment_deltas" RENAME TO "assessment_delta_arrays"`);
    await queryRunner.query(
      `ALTER TABLE "assessment_delta_arrays" RENAME CONSTRAINT "PK_48ff8ec5a5af94512060b2e2dfb" TO "assessment_delta_arrays_pkey"`,
    );
    await queryRunner.query(`CREATE SEQUENCE "assessment_deltas_id_seq"`);
    await queryRunner.query(
      `CREATE TABLE "assessment_deltas" ("id" bigint NOT NULL DEFAULT nextval('"assessment_deltas_id_seq"'), "result_id" uuid NOT NULL, "task_id" uuid, "event_id" uuid, "rule" text NOT NULL, "role" character varying(10), "points" numeric(7,2) NOT NULL, "occurred_on" date NOT NULL, "deadline" date, "period" text, "share" jsonb, "year" integer NOT NULL, CONSTRAINT "PK_0c1a46aa9055993407fa5bf68b1" PRIMARY KEY ("result_id", "id", "year")) PARTITION BY LIST ("year")`,
    );
    await queryRunner.query(
      `ALTER SEQUENCE "assessment_deltas_id_seq" OWNED BY "assessment_deltas"."id"`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_deltas_task_idx" ON "assessment_deltas" ("task_id") `,
    );
    for (const year of await yearsOf(queryRunner, 'assessment_delta_arrays')) {
      await queryRunner.query(
        `CREATE TABLE "assessment_deltas_${year}_rows" PARTITION OF "assessment_deltas" FOR VALUES IN (${year})`,
      );
    }
    await queryRunner.query(
      `INSERT INTO "assessment_deltas" ("result_id", "task_id", "event_id", "rule", "role", "points", "occurred_on", "deadline", "period", "share", "year")
       SELECT a.result_id, d.task_id, d.event_id, d.rule, d.role, d.points, d.occurred_on,
              d.deadline, d.period, d.share, a.year
       FROM "assessment_delta_arrays" a
       CROSS JOIN LATERAL unnest(a.task_ids, a.event_ids, a.rules, a.roles, a.points, a.occurred_on,
                                 a.deadlines, a.periods, a.shares) WITH ORDINALITY
         AS d(task_id, event_id, rule, role, points, occurred_on, deadline, period, share, n)
       ORDER BY a.result_id, a.part, d.n`,
    );
    await queryRunner.query(`DROP TABLE "assessment_delta_arrays"`);
  }
}

const ARRAY_COLUMNS = [
  'task_ids',
  'event_ids',
  'rules',
  'roles',
  'points',
  'occurred_on',
  'deadlines',
  'periods',
  'shares',
];

async function yearsOf(queryRunner: QueryRunner, table: string): Promise<number[]> {
  const rows = (await queryRunner.query(`SELECT DISTINCT year FROM "${table}" ORDER BY year`)) as {
    year: number;
  }[];
  return rows.map((row) => Number(row.year));
}

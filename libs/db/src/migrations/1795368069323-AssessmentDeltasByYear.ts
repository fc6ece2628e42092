import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * assessment_deltas becomes a table partitioned by year: an annual run builds the year's deltas in
 * a table of its own and swaps it in (libs/assessment run-results.writer.ts). The primary key
 * (result_id, id, year) is also the breakdown's index, so the separate result index goes. Stored
 * deltas move, with their ids, to one partition per year of their result. Two small partial
 * indexes let the scoring query find the rare closed assignments and yearly tasks at once.
 */
export class AssessmentDeltasByYear1795368069323 implements MigrationInterface {
  name = 'AssessmentDeltasByYear1795368069323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assessment_deltas_result_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_deltas_task_idx"`);
    await queryRunner.query(
      `ALTER TABLE "assessment_deltas" DROP CONSTRAINT "PK_5a19fcdb4e4f9e955b8d139a55b"`,
    );
    await queryRunner.query(`ALTER SEQUENCE "assessment_deltas_id_seq" OWNED BY NONE`);
    await queryRunner.query(`ALTER TABLE "assessment_deltas" RENAME TO "assessment_deltas_old"`);
    await queryRunner.query(
      `CREATE TABLE "assessment_deltas" ("id" bigint NOT NULL DEFAULT nextval('"assessment_deltas_id_seq"'), "result_id" uuid NOT NULL, "task_id" uuid, "event_id" uuid, "rule" text NOT NULL, "role" character varying(10), "points" numeric(7,2) NOT NULL, "occurred_on" date NOT NULL, "deadline" date, "period" text, "share" jsonb, "year" integer NOT NULL, CONSTRAINT "PK_0c1a46aa9055993407fa5bf68b1" PRIMARY KEY ("result_id", "id", "year")) PARTITION BY LIST ("year")`,
    );
    await queryRunner.query(
      `ALTER SEQUENCE "assessment_deltas_id_seq" OWNED BY "assessment_deltas"."id"`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_deltas_task_idx" ON "assessment_deltas" ("task_id") `,
    );
    const years = (await queryRunner.query(
      `SELECT DISTINCT r.year FROM "assessment_deltas_old" d
       JOIN "assessment_results" r ON r.id = d.result_id ORDER BY r.year`,
    )) as { year: number }[];
    for (const { year } of years) {
      await queryRunner.query(
        `CREATE TABLE "assessment_deltas_${Number(year)}_migrated" PARTITION OF "assessment_deltas" FOR VALUES IN (${Number(year)})`,
      );
    }
    await queryRunner.query(
      `INSERT INTO "assessment_deltas" ("id", "result_id", "task_id", "event_id", "rule", "role", "points", "occurred_on", "deadline", "period", "share", "year")
       SELECT d.id, d.result_id, d.task_id, d.event_id, d.rule, d.role, d.points, d.occurred_on,
              d.deadline, d.period, d.share, r.year
       FROM "assessment_deltas_old" d JOIN "assessment_results" r ON r.id = d.result_id`,
    );
    await queryRunner.query(`DROP TABLE "assessment_deltas_old"`);
    await queryRunner.query(
      `CREATE INDEX "assessment_assignment_facts_closed_idx" ON "assessment_assignment_facts" ("task_id", "department_id") WHERE "valid_to" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_task_facts_yearly_idx" ON "assessment_task_facts" ("task_id") WHERE "recurrence" = 'yearly'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assessment_task_facts_yearly_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_assignment_facts_closed_idx"`);
    await queryRunner.query(`ALTER SEQUENCE "assessment_deltas_id_seq" OWNED BY NONE`);
    await queryRunner.query(
      `ALTER TABLE "assessment_deltas" RENAME TO "assessment_deltas_by_year"`,
    );
    await queryRunner.query(
      `ALTER INDEX "assessment_deltas_task_idx" RENAME TO "assessment_deltas_by_year_task_idx"`,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_deltas" ("id" bigint NOT NULL DEFAULT nextval('"assessment_deltas_id_seq"'), "result_id" uuid NOT NULL, "task_id" uuid, "event_id" uuid, "rule" text NOT NULL, "role" character varying(10), "points" numeric(7,2) NOT NULL, "occurred_on" date NOT NULL, "deadline" date, "period" text, "share" jsonb, CONSTRAINT "PK_5a19fcdb4e4f9e955b8d139a55b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER SEQUENCE "assessment_deltas_id_seq" OWNED BY "assessment_deltas"."id"`,
    );
    await queryRunner.query(
      `INSERT INTO "assessment_deltas" ("id", "result_id", "task_id", "event_id", "rule", "role", "points", "occurred_on", "deadline", "period", "share")
       SELECT id, result_id, task_id, event_id, rule, role, points, occurred_on, deadline, period, share
       FROM "assessment_deltas_by_year"`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_deltas_result_idx" ON "assessment_deltas" ("result_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_deltas_task_idx" ON "assessment_deltas" ("task_id") `,
    );
    await queryRunner.query(`DROP TABLE "assessment_deltas_by_year"`);
  }
}

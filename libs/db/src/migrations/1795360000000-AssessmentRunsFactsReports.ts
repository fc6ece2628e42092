import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentRunsFactsReports1795360000000 implements MigrationInterface {
  name = 'AssessmentRunsFactsReports1795360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "assessment_deltas" DROP CONSTRAINT "FK_c122154cfe19beff1c0b6f4872e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."assessment_schemes_year_key"`);
    await queryRunner.query(
      `CREATE TABLE "assessment_assignment_facts" ("id" BIGSERIAL NOT NULL, "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "role" character varying(10) NOT NULL, "valid_from" date, "valid_to" date, "event_id" uuid NOT NULL, CONSTRAINT "assessment_assignment_facts_range_check" CHECK ("valid_from" IS NULL OR "valid_to" IS NULL OR "valid_from" <= "valid_to"), CONSTRAINT "assessment_assignment_facts_role_check" CHECK ("role" IN ('lead', 'support')), CONSTRAINT "PK_6e1ccbe3fea2fb1e2bd4c34e159" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_assignment_facts_open_key" ON "assessment_assignment_facts"  ("task_id", "department_id") WHERE "valid_to" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_assignment_facts_task_idx" ON "assessment_assignment_facts"  ("task_id", "department_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_completion_facts" ("completion_id" uuid NOT NULL, "task_id" uuid NOT NULL, "approved_on" date NOT NULL, "rating" character varying(10), "occurrence_year" integer NOT NULL, "event_id" uuid NOT NULL, CONSTRAINT "assessment_completion_facts_rating_check" CHECK ("rating" IS NULL OR "rating" IN ('excellent', 'good', 'fair', 'poor')), CONSTRAINT "PK_ef723b3ce154a8ff2971acc50a8" PRIMARY KEY ("completion_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_completion_facts_task_idx" ON "assessment_completion_facts"  ("task_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'queued', "scheme_id" uuid NOT NULL, "as_of" date NOT NULL, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "assessed_count" integer, "not_assessed_count" integer, "delta_count" integer, "error" text, CONSTRAINT "assessment_runs_state_check" CHECK ("state" IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "PK_602971f3c36bb5f6478b9948993" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_runs_year_idx" ON "assessment_runs"  ("year", "requested_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_runs_year_active_key" ON "assessment_runs"  ("year") WHERE "state" IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "year" integer NOT NULL, "format" character varying(10) NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'queued', "content" bytea, "byte_size" integer, "error" text, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ready_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "assessment_reports_content_check" CHECK (("state" = 'ready') = ("content" IS NOT NULL)), CONSTRAINT "assessment_reports_state_check" CHECK ("state" IN ('queued', 'ready', 'failed')), CONSTRAINT "assessment_reports_format_check" CHECK ("format" IN ('xlsx', 'html')), CONSTRAINT "PK_fe37befe4a803b56417f46a5178" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_reports_run_format_key" ON "assessment_reports"  ("run_id", "format") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_report_facts" ("event_id" uuid NOT NULL, "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "period" text NOT NULL, "state" character varying(10) NOT NULL, "due_on" date NOT NULL, CONSTRAINT "assessment_report_facts_state_check" CHECK ("state" IN ('late', 'missed')), CONSTRAINT "PK_4f5fb3ff282d667b1a25e2ecfed" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_report_facts_due_idx" ON "assessment_report_facts"  ("due_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_task_facts" ("task_id" uuid NOT NULL, "deadline" date, "recurrence" character varying(10) NOT NULL DEFAULT 'none', "until_year" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assessment_task_facts_recurrence_check" CHECK ("recurrence" IN ('none', 'yearly')), CONSTRAINT "PK_bd304c09a1551fb0686c7ce813f" PRIMARY KEY ("task_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_task_facts_deadline_idx" ON "assessment_task_facts"  ("deadline") `,
    );
    await queryRunner.query(`ALTER TABLE "assessment_schemes" ADD "digest" character(64) NOT NULL`);
    await queryRunner.query(`ALTER TABLE "assessment_schemes" ADD "source" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "assessment_results" ADD "base" numeric(7,2)`);
    await queryRunner.query(`ALTER TABLE "assessment_results" ADD "raw_score" numeric(9,2)`);
    await queryRunner.query(
      `ALTER TABLE "assessment_results" ADD "not_assessed_reason" character varying(30)`,
    );
    await queryRunner.query(`ALTER TABLE "assessment_deltas" ADD "deadline" date`);
    await queryRunner.query(`ALTER TABLE "assessment_deltas" ADD "period" text`);
    await queryRunner.query(`ALTER TABLE "assessment_deltas" ADD "share" jsonb`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_schemes_year_digest_key" ON "assessment_schemes"  ("year", "digest") `,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_results_run_idx" ON "assessment_results"  ("run_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_runs" ADD CONSTRAINT "FK_ad221c2b14bc83909caa610c28a" FOREIGN KEY ("scheme_id") REFERENCES "assessment_schemes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_reports" ADD CONSTRAINT "FK_7a5a5ef17108a765d8c732a50c2" FOREIGN KEY ("run_id") REFERENCES "assessment_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_results" ADD CONSTRAINT "FK_ee00a91f0654a288fdbe201f97c" FOREIGN KEY ("run_id") REFERENCES "assessment_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "assessment_results" DROP CONSTRAINT "FK_ee00a91f0654a288fdbe201f97c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_reports" DROP CONSTRAINT "FK_7a5a5ef17108a765d8c732a50c2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_runs" DROP CONSTRAINT "FK_ad221c2b14bc83909caa610c28a"`,
    );
    await queryRunner.query(`DROP INDEX "public"."assessment_results_run_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_schemes_year_digest_key"`);
    await queryRunner.query(`ALTER TABLE "assessment_deltas" DROP COLUMN "share"`);
    await queryRunner.query(`ALTER TABLE "assessment_deltas" DROP COLUMN "period"`);
    await queryRunner.query(`ALTER TABLE "assessment_deltas" DROP COLUMN "deadline"`);
    await queryRunner.query(`ALTER TABLE "assessment_results" DROP COLUMN "not_assessed_reason"`);
    await queryRunner.query(`ALTER TABLE "assessment_results" DROP COLUMN "raw_score"`);
    await queryRunner.query(`ALTER TABLE "assessment_results" DROP COLUMN "base"`);
    await queryRunner.query(`ALTER TABLE "assessment_schemes" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "assessment_schemes" DROP COLUMN "digest"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_task_facts_deadline_idx"`);
    await queryRunner.query(`DROP TABLE "assessment_task_facts"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_report_facts_due_idx"`);
    await queryRunner.query(`DROP TABLE "assessment_report_facts"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_reports_run_format_key"`);
    await queryRunner.query(`DROP TABLE "assessment_reports"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_runs_year_active_key"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_runs_year_idx"`);
    await queryRunner.query(`DROP TABLE "assessment_runs"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_completion_facts_task_idx"`);
    await queryRunner.query(`DROP TABLE "assessment_completion_facts"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_assignment_facts_task_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_assignment_facts_open_key"`);
    await queryRunner.query(`DROP TABLE "assessment_assignment_facts"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_schemes_year_key" ON "assessment_schemes" USING btree ("year") `,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_deltas" ADD CONSTRAINT "FK_c122154cfe19beff1c0b6f4872e" FOREIGN KEY ("result_id") REFERENCES "assessment_results"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}

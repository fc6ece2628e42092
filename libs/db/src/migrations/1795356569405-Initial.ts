import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795356569405 implements MigrationInterface {
  name = 'Initial1795356569405';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "short_names" text array NOT NULL DEFAULT '{}', "aliases" text array NOT NULL DEFAULT '{}', "emails" text array NOT NULL DEFAULT '{}', "kind" character varying(20) NOT NULL DEFAULT 'government', "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "departments_kind_check" CHECK ("kind" IN ('government', 'district', 'park', 'institution', 'collective', 'other')), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "departments_name_key" ON "departments"  ("name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "department_id" uuid NOT NULL, "method" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "score" numeric(7,2), "rank" integer, "run_id" uuid NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "assessment_results_score_check" CHECK (("status" = 'assessed') = ("score" IS NOT NULL)), CONSTRAINT "assessment_results_method_check" CHECK ("method" IN ('points', 'weighted-share')), CONSTRAINT "assessment_results_status_check" CHECK ("status" IN ('assessed', 'not_assessed')), CONSTRAINT "PK_5907c861a69b7bf628090784637" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_results_year_department_key" ON "assessment_results"  ("year", "department_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_deltas" ("id" BIGSERIAL NOT NULL, "result_id" uuid NOT NULL, "task_id" uuid, "event_id" uuid, "rule" text NOT NULL, "role" character varying(10), "points" numeric(7,2) NOT NULL, "occurred_on" date NOT NULL, CONSTRAINT "PK_5a19fcdb4e4f9e955b8d139a55b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_deltas_result_idx" ON "assessment_deltas"  ("result_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_deltas_task_idx" ON "assessment_deltas"  ("task_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_schemes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "method" character varying(20) NOT NULL, "definition" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assessment_schemes_year_check" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "assessment_schemes_method_check" CHECK ("method" IN ('points', 'weighted-share')), CONSTRAINT "PK_3595f552415542ecc160d3c9c81" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_schemes_year_key" ON "assessment_schemes"  ("year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actor_user_id" uuid, "actor" text NOT NULL, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "before" jsonb, "after" jsonb, "event_ids" uuid array NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_entity_idx" ON "audit_log"  ("entity_type", "entity_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "doc_number" text, "issuer" text, "issue_date" date, "source_text" text NOT NULL, "source_hash" character(64) NOT NULL, "version" integer NOT NULL DEFAULT '1', "status" character varying(20) NOT NULL DEFAULT 'draft', "goals" jsonb NOT NULL DEFAULT '[]', "created_by" uuid, "row_version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "plans_version_check" CHECK ("version" >= 1), CONSTRAINT "plans_status_check" CHECK ("status" IN ('draft', 'active', 'archived')), CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "plans_source_hash_version_key" ON "plans"  ("source_hash", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "parent_id" uuid, "number_path" text NOT NULL, "level" smallint NOT NULL, "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "deadline" date, "deadline_phrase" text, "recurrence" character varying(10) NOT NULL DEFAULT 'none', "status" character varying(20) NOT NULL DEFAULT 'open', "targets" jsonb NOT NULL DEFAULT '[]', "completed_at" TIMESTAMP WITH TIME ZONE, "quality_rating" character varying(10), "row_version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tasks_level_check" CHECK ("level" >= 1), CONSTRAINT "tasks_quality_rating_check" CHECK ("quality_rating" IS NULL OR "quality_rating" IN ('excellent', 'good', 'fair', 'poor')), CONSTRAINT "tasks_recurrence_check" CHECK ("recurrence" IN ('none', 'yearly')), CONSTRAINT "tasks_status_check" CHECK ("status" IN ('open', 'completion_pending', 'completed', 'cancelled')), CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "tasks_parent_id_idx" ON "tasks"  ("parent_id") `);
    await queryRunner.query(
      `CREATE INDEX "tasks_open_deadline_idx" ON "tasks"  ("deadline", "id") WHERE "status" IN ('open', 'completion_pending') AND "deadline" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "tasks_plan_number_key" ON "tasks"  ("plan_id", "number_path") `,
    );
    await queryRunner.query(
      `CREATE TABLE "extension_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "previous_deadline" date, "requested_deadline" date NOT NULL, "reason" text NOT NULL, "progress" text NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'pending', "requested_by" uuid, "decided_by" uuid, "decision_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "extension_requests_state_check" CHECK ("state" IN ('pending', 'approved', 'rejected')), CONSTRAINT "PK_cf652cfbd6bc847a21929fd703f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "extension_requests_pending_key" ON "extension_requests"  ("task_id", "department_id") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "extension_requests_task_idx" ON "extension_requests"  ("task_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mail_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" text NOT NULL, "department_id" uuid, "reminder_ids" uuid array NOT NULL DEFAULT '{}', "recipients" text array NOT NULL, "cc" text array NOT NULL DEFAULT '{}', "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mail_deliveries_attempts_check" CHECK ("attempts" >= 0), CONSTRAINT "mail_deliveries_state_check" CHECK ("state" IN ('pending', 'sending', 'sent', 'failed')), CONSTRAINT "PK_c3b04f863547fccfd11b4d4b11e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "mail_deliveries_message_id_key" ON "mail_deliveries"  ("message_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "mail_deliveries_state_idx" ON "mail_deliveries"  ("state", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "type" text NOT NULL, "aggregate_type" text NOT NULL, "aggregate_id" uuid NOT NULL, "payload" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_seq_key" ON "outbox"  ("seq") `);
    await queryRunner.query(
      `CREATE INDEX "outbox_unpublished_idx" ON "outbox"  ("seq") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "processed_events" ("consumer" text NOT NULL, "event_id" uuid NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_270df9e0013dff41bb91d555db4" PRIMARY KEY ("consumer", "event_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "progress_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "period" character(7), "text" text NOT NULL, "percent" smallint NOT NULL, "indicator_values" jsonb NOT NULL DEFAULT '{}', "state" character varying(10) NOT NULL DEFAULT 'on_time', "reported_by" uuid, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "progress_reports_period_check" CHECK ("period" IS NULL OR "period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "progress_reports_state_check" CHECK ("state" IN ('on_time', 'late')), CONSTRAINT "progress_reports_percent_check" CHECK ("percent" BETWEEN 0 AND 100), CONSTRAINT "PK_175179020a43d5ec75ab1d6a04f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "progress_reports_task_idx" ON "progress_reports"  ("task_id", "reported_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'scheduled', "provisional" boolean NOT NULL DEFAULT false, "notice_number" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reminders_state_check" CHECK ("state" IN ('scheduled', 'cancelled', 'fired', 'sent', 'failed')), CONSTRAINT "reminders_kind_check" CHECK ("kind" IN ('acknowledgement', 'pre_deadline', 'due_day', 'notice_blue', 'notice_orange', 'notice_red', 'report_due', 'report_missed')), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "reminders_key_key" ON "reminders"  ("key") `);
    await queryRunner.query(
      `CREATE INDEX "reminders_scheduled_fire_idx" ON "reminders"  ("fire_at") WHERE "state" = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE INDEX "reminders_task_department_idx" ON "reminders"  ("task_id", "department_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "role" character varying(10) NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "task_assignments_role_check" CHECK ("role" IN ('lead', 'support')), CONSTRAINT "PK_b68f42cf36d807d8a19a96066d7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_assignments_department_idx" ON "task_assignments"  ("department_id", "task_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "task_assignments_task_department_key" ON "task_assignments"  ("task_id", "department_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_completions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "evidence" text NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'pending', "rating" character varying(10), "decision_reason" text, "declared_by" uuid, "decided_by" uuid, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "task_completions_decision_check" CHECK (("state" = 'approved') = ("rating" IS NOT NULL)), CONSTRAINT "task_completions_rating_check" CHECK ("rating" IS NULL OR "rating" IN ('excellent', 'good', 'fair', 'poor')), CONSTRAINT "task_completions_state_check" CHECK ("state" IN ('pending', 'approved', 'returned')), CONSTRAINT "PK_c9c25215a82514668ab1d72a04d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "task_completions_pending_key" ON "task_completions"  ("task_id") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_completions_task_idx" ON "task_completions"  ("task_id", "declared_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" character varying(20) NOT NULL, "department_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_department_role_check" CHECK (("role" = 'department') = ("department_id" IS NOT NULL)), CONSTRAINT "users_role_check" CHECK ("role" IN ('admin', 'supervisor', 'department', 'leader')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_username_key" ON "users"  ("username") `);
    await queryRunner.query(
      `CREATE INDEX "users_department_id_idx" ON "users"  ("department_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "departments" ADD CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b" FOREIGN KEY ("parent_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_results" ADD CONSTRAINT "FK_de7e210beb078e4e3861e1e61e3" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_deltas" ADD CONSTRAINT "FK_c122154cfe19beff1c0b6f4872e" FOREIGN KEY ("result_id") REFERENCES "assessment_results"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_31a280e3d0a129221e614c63125" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_b03c99063a4eaf084f069a4d5a7" FOREIGN KEY ("parent_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "FK_9f7f906d26983d95257acdba174" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_fb620dac8dd4c96e43f27e297ce" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_2143449220c30f64af8057d6c07" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_724a04dce0aad114ddfe9e8140b" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_2777c340d5edab103f50ad87c93" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignments" ADD CONSTRAINT "FK_b389f4488d0a8241c3c98273966" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignments" ADD CONSTRAINT "FK_675e1b210b5bd5bce6e79d90971" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_completions" ADD CONSTRAINT "FK_3967800678c1fa2c32358f76580" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_0921d1972cf861d568f5271cd85" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_0921d1972cf861d568f5271cd85"`);
    await queryRunner.query(
      `ALTER TABLE "task_completions" DROP CONSTRAINT "FK_3967800678c1fa2c32358f76580"`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignments" DROP CONSTRAINT "FK_675e1b210b5bd5bce6e79d90971"`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignments" DROP CONSTRAINT "FK_b389f4488d0a8241c3c98273966"`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" DROP CONSTRAINT "FK_2777c340d5edab103f50ad87c93"`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" DROP CONSTRAINT "FK_724a04dce0aad114ddfe9e8140b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_2143449220c30f64af8057d6c07"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_fb620dac8dd4c96e43f27e297ce"`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_9f7f906d26983d95257acdba174"`,
    );
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_b03c99063a4eaf084f069a4d5a7"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_31a280e3d0a129221e614c63125"`);
    await queryRunner.query(
      `ALTER TABLE "assessment_deltas" DROP CONSTRAINT "FK_c122154cfe19beff1c0b6f4872e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_results" DROP CONSTRAINT "FK_de7e210beb078e4e3861e1e61e3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "departments" DROP CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b"`,
    );
    await queryRunner.query(`DROP INDEX "public"."users_department_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."users_username_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."task_completions_task_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_completions_pending_key"`);
    await queryRunner.query(`DROP TABLE "task_completions"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignments_task_department_key"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignments_department_idx"`);
    await queryRunner.query(`DROP TABLE "task_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_task_department_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_scheduled_fire_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_key_key"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
    await queryRunner.query(`DROP INDEX "public"."progress_reports_task_idx"`);
    await queryRunner.query(`DROP TABLE "progress_reports"`);
    await queryRunner.query(`DROP TABLE "processed_events"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_unpublished_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_seq_key"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."mail_deliveries_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mail_deliveries_message_id_key"`);
    await queryRunner.query(`DROP TABLE "mail_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."extension_requests_task_idx"`);
    await queryRunner.query(`DROP INDEX "public"."extension_requests_pending_key"`);
    await queryRunner.query(`DROP TABLE "extension_requests"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_plan_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_open_deadline_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_parent_id_idx"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
    await queryRunner.query(`DROP INDEX "public"."plans_source_hash_version_key"`);
    await queryRunner.query(`DROP TABLE "plans"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_schemes_year_key"`);
    await queryRunner.query(`DROP TABLE "assessment_schemes"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_deltas_task_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_deltas_result_idx"`);
    await queryRunner.query(`DROP TABLE "assessment_deltas"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_results_year_department_key"`);
    await queryRunner.query(`DROP TABLE "assessment_results"`);
    await queryRunner.query(`DROP INDEX "public"."departments_name_key"`);
    await queryRunner.query(`DROP TABLE "departments"`);
  }
}

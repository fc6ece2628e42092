import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderSchedule1795358322894 implements MigrationInterface {
  name = 'ReminderSchedule1795358322894';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice_counters" ("year" smallint NOT NULL, "last_number" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notice_counters_last_number_check" CHECK ("last_number" >= 0), CONSTRAINT "PK_752677aff43106180201a9dbee5" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sweep_marks" ("kind" character varying(20) NOT NULL, "subject" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sweep_marks_kind_check" CHECK ("kind" IN ('task_overdue', 'report_missed')), CONSTRAINT "PK_cabbbea213541da7edfd33b3f09" PRIMARY KEY ("kind", "subject"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "reminders_fired_department_idx" ON "reminders"  ("department_id", "fire_at") WHERE "state" = 'fired'`,
    );
    await queryRunner.query(
      `CREATE INDEX "reminders_scheduled_id_idx" ON "reminders"  ("id") WHERE "state" = 'scheduled'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."reminders_scheduled_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_fired_department_idx"`);
    await queryRunner.query(`DROP TABLE "sweep_marks"`);
    await queryRunner.query(`DROP TABLE "notice_counters"`);
  }
}

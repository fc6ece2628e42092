import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue board of one department counts its open assignments by deadline. Reading each
 * task for its status and deadline costs one random index or heap probe per assignment (1,500
 * for a department of the 1M-task bench data); so each assignment carries a copy of its task's
 * status, deadline and completion time, kept by triggers in the same transaction as the task
 * (no code path can forget them), and the department index INCLUDEs them: a department's board
 * is one range of one index. TypeORM cannot declare INCLUDE or triggers; the entity marks the
 * index `synchronize: false` and the copied columns read-only.
 */
export class AssignmentTaskCopies1795370000000 implements MigrationInterface {
  name = 'AssignmentTaskCopies1795370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "task_assignments" ADD "task_status" character varying(20), ADD "task_deadline" date, ADD "task_completed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "task_assignments" a SET "task_status" = t."status", "task_deadline" = t."deadline", "task_completed_at" = t."completed_at"
         FROM "tasks" t WHERE t."id" = a."task_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_assignments" ALTER COLUMN "task_status" SET NOT NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "task_assignments_copy_task"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT t."status", t."deadline", t."completed_at"
          INTO NEW."task_status", NEW."task_deadline", NEW."task_completed_at"
          FROM "tasks" t WHERE t."id" = NEW."task_id";
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "task_assignments_copy_task" BEFORE INSERT OR UPDATE OF "task_id" ON "task_assignments"
         FOR EACH ROW EXECUTE FUNCTION "task_assignments_copy_task"()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "tasks_copy_to_assignments"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "task_assignments"
           SET "task_status" = NEW."status", "task_deadline" = NEW."deadline", "task_completed_at" = NEW."completed_at"
         WHERE "task_id" = NEW."id";
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tasks_copy_to_assignments" AFTER UPDATE OF "status", "deadline", "completed_at" ON "tasks"
         FOR EACH ROW
         WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deadline" IS DISTINCT FROM NEW."deadline"
               OR OLD."completed_at" IS DISTINCT FROM NEW."completed_at")
         EXECUTE FUNCTION "tasks_copy_to_assignments"()`,
    );
    await queryRunner.query(`DROP INDEX "public"."task_assignments_department_idx"`);
    await queryRunner.query(
      `CREATE INDEX "task_assignments_department_idx" ON "task_assignments" ("department_id", "task_id")
         INCLUDE ("role", "acknowledged_at", "task_status", "task_deadline", "task_completed_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."task_assignments_department_idx"`);
    await queryRunner.query(
      `CREATE INDEX "task_assignments_department_idx" ON "task_assignments" ("department_id", "task_id") `,
    );
    await queryRunner.query(`DROP TRIGGER "tasks_copy_to_assignments" ON "tasks"`);
    await queryRunner.query(`DROP FUNCTION "tasks_copy_to_assignments"()`);
    await queryRunner.query(`DROP TRIGGER "task_assignments_copy_task" ON "task_assignments"`);
    await queryRunner.query(`DROP FUNCTION "task_assignments_copy_task"()`);
    await queryRunner.query(
      `ALTER TABLE "task_assignments" DROP COLUMN "task_completed_at", DROP COLUMN "task_deadline", DROP COLUMN "task_status"`,
    );
  }
}

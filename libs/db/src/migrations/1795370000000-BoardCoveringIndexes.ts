import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue board of one department reads each of its assignments and the status, deadline
 * and completion date of each task. Both indexes carry those columns (INCLUDE), so the board is
 * answered from index pages alone instead of one random heap page per assignment and per task.
 * TypeORM cannot declare INCLUDE; the entities mark these indexes `synchronize: false`.
 */
export class BoardCoveringIndexes1795370000000 implements MigrationInterface {
  name = 'BoardCoveringIndexes1795370000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."task_assignments_department_idx"`);
    await queryRunner.query(
      `CREATE INDEX "task_assignments_department_idx" ON "task_assignments" ("department_id", "task_id") INCLUDE ("role", "acknowledged_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "tasks_board_idx" ON "tasks" ("id") INCLUDE ("status", "deadline", "completed_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tasks_board_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_assignments_department_idx"`);
    await queryRunner.query(
      `CREATE INDEX "task_assignments_department_idx" ON "task_assignments" ("department_id", "task_id") `,
    );
  }
}

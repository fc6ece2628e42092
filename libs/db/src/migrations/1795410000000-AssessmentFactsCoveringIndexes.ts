import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual run reads a year's task, assignment and completion facts in task order, from indexes
 * that hold every column it needs: PostgreSQL then merge-joins them without a hash table and without
 * touching the heap (index-only scans; autovacuum keeps the visibility map current), whatever the
 * heap's order. A task's first approval is the first entry of its run in the completions' index, so
 * it needs no sort either. The open-assignment key also answers a report's role in force by index
 * alone. TypeORM cannot declare INCLUDE: the entities name these indexes `synchronize: false`.
 * A run finds the departments it gave no delta (a few) among the assignments by department.
 */
export class AssessmentFactsCoveringIndexes1795410000000 implements MigrationInterface {
  name = 'AssessmentFactsCoveringIndexes1795410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assessment_assignment_facts_open_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_assignment_facts_open_key" ON "assessment_assignment_facts" ("task_id", "department_id") INCLUDE ("role", "valid_from") WHERE "valid_to" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_task_facts_due_idx" ON "assessment_task_facts" ("task_id") INCLUDE ("deadline", "recurrence", "until_year")`,
    );
    await queryRunner.query(
      `CREATE INDEX "assessment_assignment_facts_department_idx" ON "assessment_assignment_facts" ("department_id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."assessment_completion_facts_task_idx"`);
    await queryRunner.query(
      `CREATE INDEX "assessment_completion_facts_first_idx" ON "assessment_completion_facts" ("task_id", "approved_on", "completion_id") INCLUDE ("rating", "event_id", "occurrence_year")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assessment_completion_facts_first_idx"`);
    await queryRunner.query(
      `CREATE INDEX "assessment_completion_facts_task_idx" ON "assessment_completion_facts" ("task_id") `,
    );
    await queryRunner.query(`DROP INDEX "public"."assessment_assignment_facts_department_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_task_facts_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assessment_assignment_facts_open_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assessment_assignment_facts_open_key" ON "assessment_assignment_facts" ("task_id", "department_id") WHERE "valid_to" IS NULL`,
    );
  }
}

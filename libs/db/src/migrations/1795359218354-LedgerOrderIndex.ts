import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerOrderIndex1795359218354 implements MigrationInterface {
  name = 'LedgerOrderIndex1795359218354';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "tasks_deadline_id_idx" ON "tasks"  ("deadline", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tasks_deadline_id_idx"`);
  }
}

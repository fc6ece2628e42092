import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskPosition1795358665148 implements MigrationInterface {
  name = 'TaskPosition1795358665148';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" ADD "position" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "position"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailDeliveriesDepartmentIndex1795358240653 implements MigrationInterface {
  name = 'MailDeliveriesDepartmentIndex1795358240653';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "mail_deliveries_department_state_idx" ON "mail_deliveries"  ("department_id", "state") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mail_deliveries_department_state_idx"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanImports1795358221219 implements MigrationInterface {
  name = 'PlanImports1795358221219';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plan_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_name" text, "source_text" text NOT NULL, "source_hash" character(64) NOT NULL, "draft" jsonb NOT NULL, "state" character varying(12) NOT NULL DEFAULT 'draft', "new_version" boolean NOT NULL DEFAULT false, "plan_id" uuid, "created_by" uuid, "row_version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "plan_imports_state_check" CHECK ("state" IN ('draft', 'committed', 'discarded')), CONSTRAINT "PK_16bf07fc4c58298b78d909fd77f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "plan_imports_source_hash_idx" ON "plan_imports"  ("source_hash") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."plan_imports_source_hash_idx"`);
    await queryRunner.query(`DROP TABLE "plan_imports"`);
  }
}

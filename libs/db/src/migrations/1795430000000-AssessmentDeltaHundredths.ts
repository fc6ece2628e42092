import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * assessment_deltas keeps each delta's points as an integer number of hundredths (`hundredths`,
 * `quality_hundredths`) instead of numeric(7,2): a run aggregates a year of them as plain integers
 * (no numeric copied per delta), and readers turn them back into points (`STORED_DELTAS_SQL`).
 * Stored rows are converted both ways.
 */
export class AssessmentDeltaHundredths1795430000000 implements MigrationInterface {
  name = 'AssessmentDeltaHundredths1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await convert(queryRunner, {
      from: ['points', 'quality_points'],
      to: ['hundredths', 'quality_hundredths'],
      type: 'integer',
      value: '(p * 100)::integer',
    });
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await convert(queryRunner, {
      from: ['hundredths', 'quality_hundredths'],
      to: ['points', 'quality_points'],
      type: 'numeric(7,2)',
      value: '(p::numeric / 100)::numeric(7,2)',
    });
  }
}

/** Replaces the array columns `from` (outcome, quality) by `to`, each element through `value`. */
async function convert(
  queryRunner: QueryRunner,
  input: {
    from: readonly [string, string];
    to: readonly [string, string];
    type: string;
    value: string;
  },
): Promise<void> {
  const { from, to, type, value } = input;
  await queryRunner.query(
    `ALTER TABLE "assessment_deltas" ADD "${to[0]}" ${type} array, ADD "${to[1]}" ${type} array`,
  );
  // As for the other arrays: lz4 where the server has it.
  await queryRunner.query(
    `DO $$ BEGIN
       ALTER TABLE "assessment_deltas" ALTER COLUMN "${to[0]}" SET COMPRESSION lz4,
                                       ALTER COLUMN "${to[1]}" SET COMPRESSION lz4;
     EXCEPTION WHEN feature_not_supported THEN NULL;
     END $$`,
  );
  const converted = (column: string) =>
    `(SELECT array_agg(${value} ORDER BY n) FROM unnest("${column}") WITH ORDINALITY AS u(p, n))`;
  await queryRunner.query(
    `UPDATE "assessment_deltas" SET "${to[0]}" = ${converted(from[0])},
       "${to[1]}" = CASE WHEN "${from[1]}" IS NULL THEN NULL ELSE ${converted(from[1])} END`,
  );
  await queryRunner.query(
    `ALTER TABLE "assessment_deltas" DROP COLUMN "${from[0]}", DROP COLUMN "${from[1]}"`,
  );
  await queryRunner.query(`ALTER TABLE "assessment_deltas" ALTER COLUMN "${to[0]}" SET NOT NULL`);
}

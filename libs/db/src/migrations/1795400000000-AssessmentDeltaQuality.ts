import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A task's quality delta rides on the element of its outcome delta in assessment_deltas: both name
 * the same task, approval event, role, day and deadline, so an annual run aggregates one element
 * per task occurrence instead of one per delta (libs/assessment year-deltas.sql.ts). Element i holds
 * an outcome delta (rules[i], points[i]), a quality delta (quality_rules[i], quality_points[i]) or
 * both. Rows already stored keep their layout: a quality delta there is an element of its own,
 * which readers expand the same way. Down folds the quality deltas back into elements of their own.
 */
export class AssessmentDeltaQuality1795400000000 implements MigrationInterface {
  name = 'AssessmentDeltaQuality1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "assessment_deltas" ADD "quality_rules" text array, ADD "quality_points" numeric(7,2) array`,
    );
    // As for the other arrays: lz4 where the server has it.
    await queryRunner.query(
      `DO $$ BEGIN
         ALTER TABLE "assessment_deltas" ALTER COLUMN "quality_rules" SET COMPRESSION lz4,
                                         ALTER COLUMN "quality_points" SET COMPRESSION lz4;
       EXCEPTION WHEN feature_not_supported THEN NULL;
       END $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const fields: readonly (readonly [string, string])[] = [
      ['task_ids', 'e.task_id'],
      ['event_ids', 'e.event_id'],
      ['rules', 'q.rule'],
      ['roles', 'e.role'],
      ['points', 'q.points'],
      ['occurred_on', 'e.occurred_on'],
      ['deadlines', 'e.deadline'],
      ['periods', 'e.period'],
      ['shares', 'e.share'],
    ];
    await queryRunner.query(
      `UPDATE "assessment_deltas" s SET ${fields.map(([column]) => `"${column}" = f."${column}"`).join(', ')}
       FROM (SELECT s.result_id, s.part, s.year,
                    ${fields.map(([column, value]) => `array_agg(${value} ORDER BY e.n, q.k) AS "${column}"`).join(', ')}
             FROM "assessment_deltas" s
             CROSS JOIN LATERAL unnest(s.task_ids, s.event_ids, s.rules, s.roles, s.points,
                                       s.occurred_on, s.deadlines, s.periods, s.shares,
                                       s.quality_rules, s.quality_points) WITH ORDINALITY
               AS e(task_id, event_id, rule, role, points, occurred_on, deadline, period, share,
                    quality_rule, quality_points, n)
             CROSS JOIN LATERAL (VALUES (0, e.rule, e.points), (1, e.quality_rule, e.quality_points))
               AS q(k, rule, points)
             WHERE s.quality_rules IS NOT NULL AND q.rule IS NOT NULL
             GROUP BY s.result_id, s.part, s.year) f
       WHERE s.result_id = f.result_id AND s.part = f.part AND s.year = f.year`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_deltas" DROP COLUMN "quality_points", DROP COLUMN "quality_rules"`,
    );
  }
}

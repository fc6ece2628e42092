import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AssessmentResult } from './assessment-result.entity';

/**
 * Applied rules of one result — the task, event, rule and date behind each number of points — as
 * parallel arrays: element i of every array is one delta, or two where a task's quality delta rides
 * on its outcome delta (quality_rules, quality_points). A result's deltas fill a few rows (one per
 * slice of tasks a run computed side by side, one for its reports, one for a cap or floor row), so
 * a year of millions of deltas is a few thousand rows, written as the run sums them, with no index
 * over the deltas themselves. Readers unnest them (libs/assessment `STORED_DELTAS_SQL`). An array
 * left null holds no value for any delta of the row (a task row has no periods, a report row no
 * deadlines, a points row no shares).
 *
 * Partitioned by year (LIST): an annual run builds the year's rows in a table of its own and, in the
 * transaction that stores the results, drops the year's previous partition and attaches the new one
 * (libs/assessment run-results.writer.ts): readers see one run or the other.
 */
@Entity('assessment_deltas')
export class AssessmentDelta {
  // No foreign key: deltas are written and replaced only with their result, in one transaction.
  @PrimaryColumn('uuid')
  resultId!: string;

  /** Which of the result's rows (a slice of its task deltas, its reports, its cap or floor). */
  @PrimaryColumn('smallint')
  part!: number;

  /** The result's year: the partition key. */
  @PrimaryColumn('int')
  year!: number;

  @ManyToOne(() => AssessmentResult, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<AssessmentResult>;

  @Column('uuid', { array: true, nullable: true })
  taskIds!: (string | null)[] | null;

  @Column('uuid', { array: true, nullable: true })
  eventIds!: (string | null)[] | null;

  /** The outcome delta's rule; null where the element holds only a quality delta. */
  @Column('text', { array: true })
  rules!: (string | null)[];

  @Column('varchar', { length: 10, array: true, nullable: true })
  roles!: (string | null)[] | null;

  /** The outcome delta's points in hundredths (250 is 2.5 points); null beside a null rule. */
  @Column('int', { array: true })
  hundredths!: (number | null)[];

  @Column('date', { array: true })
  occurredOn!: string[];

  /** The task's deadline for the year's occurrence (task outcome and quality deltas). */
  @Column('date', { array: true, nullable: true })
  deadlines!: (string | null)[] | null;

  /** The reporting period (report deltas). */
  @Column('text', { array: true, nullable: true })
  periods!: (string | null)[] | null;

  /** Weighted-share deltas: `{ weight, credit, daysLate }`. */
  @Column('jsonb', { array: true, nullable: true })
  shares!: ({ weight: number; credit: number; daysLate: number } | null)[] | null;

  /**
   * The quality delta on the same task, event, role, day and deadline as the element's outcome
   * delta (`quality_excellent` …) and its points in hundredths, or null: a rated occurrence is one
   * element, not two.
   */
  @Column('text', { array: true, nullable: true })
  qualityRules!: (string | null)[] | null;

  @Column('int', { array: true, nullable: true })
  qualityHundredths!: (number | null)[] | null;

  /**
   * The sum of the row's points and its number of deltas, written with the arrays (a run reads
   * them back instead of its compressed arrays). Null on rows written before they existed.
   */
  @Column('numeric', { precision: 11, scale: 2, nullable: true })
  pointsSum!: string | null;

  @Column('int', { nullable: true })
  deltaCount!: number | null;
}

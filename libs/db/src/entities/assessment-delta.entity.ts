import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AssessmentResult } from './assessment-result.entity';

/**
 * One applied rule: the task, event, rule and date behind a number of points.
 *
 * Partitioned by year (LIST): an annual run builds the year's deltas in a table of its own, indexes
 * it, and in the transaction that stores the results drops the year's previous partition and
 * attaches the new one (libs/assessment run-results.writer.ts). A year's millions of rows are thus
 * replaced without a row-by-row delete or index update, and readers see one run or the other.
 * The primary key leads with the result, so it is also the index of a department's breakdown.
 */
@Entity('assessment_deltas')
@Index('assessment_deltas_task_idx', ['taskId'])
export class AssessmentDelta {
  // No foreign key: a year's run writes millions of deltas at once, and a per-row key check would
  // double the time. Deltas are written and replaced only with their result, in one transaction.
  @PrimaryColumn('uuid')
  resultId!: string;

  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** The result's year: the partition key. */
  @PrimaryColumn('int')
  year!: number;

  @ManyToOne(() => AssessmentResult, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<AssessmentResult>;

  @Column('uuid', { nullable: true })
  taskId!: string | null;

  @Column('uuid', { nullable: true })
  eventId!: string | null;

  @Column('text')
  rule!: string;

  @Column('varchar', { length: 10, nullable: true })
  role!: string | null;

  @Column('numeric', { precision: 7, scale: 2 })
  points!: string;

  @Column('date')
  occurredOn!: string;

  /** The task's deadline for the year's occurrence (task outcome and quality rows). */
  @Column('date', { nullable: true })
  deadline!: string | null;

  /** The reporting period (report rows). */
  @Column('text', { nullable: true })
  period!: string | null;

  /** Weighted-share rows: `{ weight, credit, daysLate }`. */
  @Column('jsonb', { nullable: true })
  share!: { weight: number; credit: number; daysLate: number } | null;
}

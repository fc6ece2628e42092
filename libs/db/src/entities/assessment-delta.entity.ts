import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AssessmentResult } from './assessment-result.entity';

/** One applied rule: the task, event, rule and date behind a number of points. */
@Entity('assessment_deltas')
@Index('assessment_deltas_task_idx', ['taskId'])
export class AssessmentDelta {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index('assessment_deltas_result_idx')
  @Column('uuid')
  resultId!: string;

  // No foreign key: a year's run writes millions of deltas with COPY, and a per-row key check
  // would double the time. Deltas are written and deleted only with their result, in one
  // transaction (libs/assessment run-results.writer.ts).
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

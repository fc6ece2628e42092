import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import {
  ASSESSMENT_METHODS,
  ASSESSMENT_STATUSES,
  checkIn,
  type AssessmentMethod,
  type AssessmentStatus,
} from '../enums';
import { AssessmentRun } from './assessment-run.entity';
import { Department } from './department.entity';

/** One department's annual score; its applied deltas explain every point. */
@Entity('assessment_results')
@Check('assessment_results_status_check', checkIn('status', ASSESSMENT_STATUSES))
@Check('assessment_results_method_check', checkIn('method', ASSESSMENT_METHODS))
@Check('assessment_results_score_check', `("status" = 'assessed') = ("score" IS NOT NULL)`)
@Index('assessment_results_year_department_key', ['year', 'departmentId'], { unique: true })
export class AssessmentResult {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('int')
  year!: number;

  @Column('uuid')
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  @Column('varchar', { length: 20 })
  method!: AssessmentMethod;

  @Column('varchar', { length: 20 })
  status!: AssessmentStatus;

  @Column('numeric', { precision: 7, scale: 2, nullable: true })
  score!: string | null;

  @Column('int', { nullable: true })
  rank!: number | null;

  /** The points method's base; 0 for the weighted share; null when not assessed. */
  @Column('numeric', { precision: 7, scale: 2, nullable: true })
  base!: string | null;

  /** The total before the cap/floor adjustment. */
  @Column('numeric', { precision: 9, scale: 2, nullable: true })
  rawScore!: string | null;

  /** Why a department is not assessed (`no_tasks_in_year`, `nothing_settled_yet`). */
  @Column('varchar', { length: 30, nullable: true })
  notAssessedReason!: string | null;

  @Index('assessment_results_run_idx')
  @Column('uuid')
  runId!: string;

  @ManyToOne(() => AssessmentRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<AssessmentRun>;

  @Column('timestamptz')
  computedAt!: Date;
}

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

  @Column('uuid')
  runId!: string;

  @Column('timestamptz')
  computedAt!: Date;
}

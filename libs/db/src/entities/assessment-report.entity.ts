import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import {
  ASSESSMENT_REPORT_FORMATS,
  ASSESSMENT_REPORT_STATES,
  checkIn,
  type AssessmentReportFormat,
  type AssessmentReportState,
} from '../enums';
import { AssessmentRun } from './assessment-run.entity';

/**
 * A report file of one run (.xlsx workbook or HTML page), built by a job. The bytes live here,
 * in PostgreSQL, so every api instance can serve them and a backup carries them.
 */
@Entity('assessment_reports')
@Check('assessment_reports_format_check', checkIn('format', ASSESSMENT_REPORT_FORMATS))
@Check('assessment_reports_state_check', checkIn('state', ASSESSMENT_REPORT_STATES))
@Check('assessment_reports_content_check', `("state" = 'ready') = ("content" IS NOT NULL)`)
// One file per run and format: asking again returns the same report.
@Index('assessment_reports_run_format_key', ['runId', 'format'], { unique: true })
export class AssessmentReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  runId!: string;

  @ManyToOne(() => AssessmentRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<AssessmentRun>;

  @Column('int')
  year!: number;

  @Column('varchar', { length: 10 })
  format!: AssessmentReportFormat;

  @Column('varchar', { length: 10, default: 'queued' })
  state!: AssessmentReportState;

  @Column('bytea', { nullable: true })
  content!: Buffer | null;

  @Column('int', { nullable: true })
  byteSize!: number | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column('timestamptz', { nullable: true })
  readyAt!: Date | null;
}

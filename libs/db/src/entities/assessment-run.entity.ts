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
  ASSESSMENT_RUN_STATES,
  ACTIVE_ASSESSMENT_RUN_STATES,
  checkIn,
  type AssessmentRunState,
} from '../enums';
import { AssessmentScheme } from './assessment-scheme.entity';

const ACTIVE_STATES_SQL = ACTIVE_ASSESSMENT_RUN_STATES.map((s) => `'${s}'`).join(', ');

/** One annual assessment run of a year: queued by the api, computed by the assessment worker. */
@Entity('assessment_runs')
@Check('assessment_runs_state_check', checkIn('state', ASSESSMENT_RUN_STATES))
// One run of a year at a time: a second request meets this index and gets 409.
@Index('assessment_runs_year_active_key', ['year'], {
  unique: true,
  where: `"state" IN (${ACTIVE_STATES_SQL})`,
})
@Index('assessment_runs_year_idx', ['year', 'requestedAt'])
export class AssessmentRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('int')
  year!: number;

  @Column('varchar', { length: 10, default: 'queued' })
  state!: AssessmentRunState;

  @Column('uuid')
  schemeId!: string;

  @ManyToOne(() => AssessmentScheme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheme_id' })
  scheme?: Relation<AssessmentScheme>;

  /** The scoring date: an open task is overdue when its deadline is before it. */
  @Column('date')
  asOf!: string;

  @Column('uuid', { nullable: true })
  requestedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;

  @Column('int', { nullable: true })
  assessedCount!: number | null;

  @Column('int', { nullable: true })
  notAssessedCount!: number | null;

  @Column('int', { nullable: true })
  deltaCount!: number | null;

  @Column('text', { nullable: true })
  error!: string | null;
}

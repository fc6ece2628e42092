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
import { REPORT_STATES, checkIn, type ReportState } from '../enums';
import { Department } from './department.entity';
import { Task } from './task.entity';

/** A department's progress report on a task, for a reporting period (YYYY-MM) or ad hoc. */
@Entity('progress_reports')
@Check('progress_reports_percent_check', '"percent" BETWEEN 0 AND 100')
@Check('progress_reports_state_check', checkIn('state', REPORT_STATES))
@Check(
  'progress_reports_period_check',
  `"period" IS NULL OR "period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`,
)
@Index('progress_reports_task_idx', ['taskId', 'reportedAt'])
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Column('uuid')
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  @Column('char', { length: 7, nullable: true })
  period!: string | null;

  @Column('text')
  text!: string;

  @Column('smallint')
  percent!: number;

  /** Values reported against the task's targets, keyed by indicator. */
  @Column('jsonb', { default: () => "'{}'" })
  indicatorValues!: Record<string, number>;

  @Column('varchar', { length: 10, default: 'on_time' })
  state!: ReportState;

  @Column('uuid', { nullable: true })
  reportedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  reportedAt!: Date;
}

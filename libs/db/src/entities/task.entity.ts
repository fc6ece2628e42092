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
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import {
  OPEN_TASK_STATUSES_SQL,
  QUALITY_RATINGS,
  RECURRENCES,
  TASK_STATUSES,
  checkIn,
  type Recurrence,
  type TaskStatus,
} from '../enums';
import type { QualityRating } from '@duban/contracts';
import { Plan } from './plan.entity';

/** A quantitative target of one task (力争工业总产值达到80亿元). */
export interface TaskTarget {
  phrase: string;
  indicator: string | null;
  value: number | null;
  unit: string | null;
  comparator: 'at_least' | 'at_most' | 'equal' | null;
  year: number | null;
}

@Entity('tasks')
@Check('tasks_status_check', checkIn('status', TASK_STATUSES))
@Check('tasks_recurrence_check', checkIn('recurrence', RECURRENCES))
@Check('tasks_quality_rating_check', checkIn('quality_rating', QUALITY_RATINGS, true))
@Check('tasks_level_check', '"level" >= 1')
@Index('tasks_plan_number_key', ['planId', 'numberPath'], { unique: true })
// The ledger's deadline order (keyset pagination over every task).
@Index('tasks_deadline_id_idx', ['deadline', 'id'])
// The overdue board and the daily sweep scan only the tasks still owed, by deadline.
@Index('tasks_open_deadline_idx', ['deadline', 'id'], {
  where: `"status" IN (${OPEN_TASK_STATUSES_SQL}) AND "deadline" IS NOT NULL`,
})
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Index('tasks_parent_id_idx')
  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Task, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Task> | null;

  /** Heading path as written, e.g. 三.(一).2 */
  @Column('text')
  numberPath!: string;

  @Column('smallint')
  level!: number;

  /** Place in the plan's document order (the ledger lists tasks as the plan does). */
  @Column('int', { default: 0 })
  position!: number;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  body!: string;

  @Column('date', { nullable: true })
  deadline!: string | null;

  /** The deadline as the plan wrote it (到“十三五”末), kept for the ledger. */
  @Column('text', { nullable: true })
  deadlinePhrase!: string | null;

  @Column('varchar', { length: 10, default: 'none' })
  recurrence!: Recurrence;

  @Column('varchar', { length: 20, default: 'open' })
  status!: TaskStatus;

  @Column('jsonb', { default: () => "'[]'" })
  targets!: TaskTarget[];

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('varchar', { length: 10, nullable: true })
  qualityRating!: QualityRating | null;

  /** Optimistic lock: an edit based on a stale version is refused with 409. */
  @VersionColumn({ default: 1 })
  rowVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

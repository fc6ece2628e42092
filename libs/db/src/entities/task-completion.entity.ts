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
import type { QualityRating } from '@duban/contracts';
import { COMPLETION_STATES, QUALITY_RATINGS, checkIn, type CompletionState } from '../enums';
import { Task } from './task.entity';

/** 办结: a completion declared by the lead department and decided by the office. */
@Entity('task_completions')
@Check('task_completions_state_check', checkIn('state', COMPLETION_STATES))
@Check('task_completions_rating_check', checkIn('rating', QUALITY_RATINGS, true))
@Check('task_completions_decision_check', `("state" = 'approved') = ("rating" IS NOT NULL)`)
@Index('task_completions_task_idx', ['taskId', 'declaredAt'])
// At most one declaration waits for the office's decision per task.
@Index('task_completions_pending_key', ['taskId'], { unique: true, where: `"state" = 'pending'` })
export class TaskCompletion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Column('uuid')
  departmentId!: string;

  @Column('text')
  evidence!: string;

  @Column('varchar', { length: 10, default: 'pending' })
  state!: CompletionState;

  @Column('varchar', { length: 10, nullable: true })
  rating!: QualityRating | null;

  /** Why the office returned it (退办). */
  @Column('text', { nullable: true })
  decisionReason!: string | null;

  @Column('uuid', { nullable: true })
  declaredBy!: string | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  declaredAt!: Date;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;
}

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
import { EXTENSION_STATES, checkIn, type ExtensionState } from '../enums';
import { Task } from './task.entity';

/** 延期: a department asks for a later deadline before the current one passes. */
@Entity('extension_requests')
@Check('extension_requests_state_check', checkIn('state', EXTENSION_STATES))
@Index('extension_requests_task_idx', ['taskId', 'createdAt'])
@Index('extension_requests_pending_key', ['taskId', 'departmentId'], {
  unique: true,
  where: `"state" = 'pending'`,
})
export class ExtensionRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  taskId!: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Column('uuid')
  departmentId!: string;

  @Column('date', { nullable: true })
  previousDeadline!: string | null;

  @Column('date')
  requestedDeadline!: string;

  @Column('text')
  reason!: string;

  @Column('text')
  progress!: string;

  @Column('varchar', { length: 10, default: 'pending' })
  state!: ExtensionState;

  @Column('uuid', { nullable: true })
  requestedBy!: string | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('text', { nullable: true })
  decisionNote!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;
}

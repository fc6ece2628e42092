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
import type { AssignmentRole } from '@duban/contracts';
import { ASSIGNMENT_ROLES, checkIn, type TaskStatus } from '../enums';
import { Department } from './department.entity';
import { Task } from './task.entity';

/** Columns only the database writes (triggers), never loaded with the entity. */
const TRIGGER_WRITTEN = { insert: false, update: false, select: false } as const;

/** A department's responsibility for a task: lead (牵头) or support (配合). */
@Entity('task_assignments')
@Check('task_assignments_role_check', checkIn('role', ASSIGNMENT_ROLES))
@Index('task_assignments_task_department_key', ['taskId', 'departmentId'], { unique: true })
// The per-department board is one range of this index: (department_id, task_id) INCLUDE (role,
// acknowledged_at and the task copies below), created by a migration (TypeORM cannot declare INCLUDE).
@Index('task_assignments_department_idx', { synchronize: false })
export class TaskAssignment {
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

  @Column('varchar', { length: 10 })
  role!: AssignmentRole;

  /** 签收: when the department acknowledged the assignment. */
  @Column('timestamptz', { nullable: true })
  acknowledgedAt!: Date | null;

  @Column('uuid', { nullable: true })
  acknowledgedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt!: Date;

  /**
   * Copies of the task's status, deadline and completion time for the board, written only by
   * the database's triggers (migration AssignmentTaskCopies) in the task's own transaction.
   */
  @Column({ type: 'varchar', length: 20, ...TRIGGER_WRITTEN })
  taskStatus?: TaskStatus;

  @Column({ type: 'date', nullable: true, ...TRIGGER_WRITTEN })
  taskDeadline?: string | null;

  @Column({ type: 'timestamptz', nullable: true, ...TRIGGER_WRITTEN })
  taskCompletedAt?: Date | null;
}

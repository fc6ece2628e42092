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
import { ASSIGNMENT_ROLES, checkIn } from '../enums';
import { Department } from './department.entity';
import { Task } from './task.entity';

/** A department's responsibility for a task: lead (牵头) or support (配合). */
@Entity('task_assignments')
@Check('task_assignments_role_check', checkIn('role', ASSIGNMENT_ROLES))
@Index('task_assignments_task_department_key', ['taskId', 'departmentId'], { unique: true })
// The per-department board starts from here: (department_id, task_id) INCLUDE (role,
// acknowledged_at), created by a migration because TypeORM cannot declare INCLUDE.
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
}

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
} from 'typeorm';
import {
  REMINDER_KINDS,
  REMINDER_STATES,
  checkIn,
  type ReminderKind,
  type ReminderState,
} from '../enums';
import { Department } from './department.entity';
import { Task } from './task.entity';

/**
 * One scheduled reminder or 督办 notice: task × department × kind × fire time. PostgreSQL holds
 * the schedule; a delayed BullMQ job with jobId = id mirrors each `scheduled` row.
 */
@Entity('reminders')
@Check('reminders_kind_check', checkIn('kind', REMINDER_KINDS))
@Check('reminders_state_check', checkIn('state', REMINDER_STATES))
// A reminder's identity: scheduling twice is harmless. Leading with task and department, it also
// serves every lookup of a task's (and department's) rows.
@Index('reminders_task_department_kind_fire_key', ['taskId', 'departmentId', 'kind', 'fireAt'], {
  unique: true,
})
// The sweep's reconciliation walks the scheduled rows in id order, batch after batch.
@Index('reminders_scheduled_id_idx', ['id'], { where: `"state" = 'scheduled'` })
// Composing a department's mail of one day reads its fired rows; the sweep finds stranded ones.
@Index('reminders_fired_department_idx', ['departmentId', 'fireAt'], {
  where: `"state" = 'fired'`,
})
export class Reminder {
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

  @Column('varchar', { length: 20 })
  kind!: ReminderKind;

  @Column('timestamptz')
  fireAt!: Date;

  @Column('varchar', { length: 10, default: 'scheduled' })
  state!: ReminderState;

  /** Computed on a weekends-only calendar because the year's holidays are not published yet. */
  @Column('boolean', { default: false })
  provisional!: boolean;

  /** 督办单 number, e.g. 督办〔2026〕17号, given when a notice fires. */
  @Column('text', { nullable: true })
  noticeNumber!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

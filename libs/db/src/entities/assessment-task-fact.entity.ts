import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RECURRENCES, checkIn, type Recurrence } from '../enums';

/**
 * The assessment's own view of a task, kept current from events: the deadline in force and the
 * recurrence. The annual run reads these facts instead of the operational tables.
 */
@Entity('assessment_task_facts')
@Check('assessment_task_facts_recurrence_check', checkIn('recurrence', RECURRENCES))
// The annual run selects the one-off tasks due in its year by deadline.
@Index('assessment_task_facts_deadline_idx', ['deadline'])
// (task_id) INCLUDE (deadline, recurrence, until_year), created by a migration (TypeORM cannot
// declare INCLUDE): the annual run reads the due tasks from it alone, in task order.
@Index('assessment_task_facts_due_idx', { synchronize: false })
// The yearly tasks, whose approvals a year's scoring matches to the year's occurrence.
@Index('assessment_task_facts_yearly_idx', ['taskId'], { where: `"recurrence" = 'yearly'` })
export class AssessmentTaskFact {
  @PrimaryColumn('uuid')
  taskId!: string;

  /** In force after edits and approved extensions; null: no deadline, never assessed. */
  @Column('date', { nullable: true })
  deadline!: string | null;

  @Column('varchar', { length: 10, default: 'none' })
  recurrence!: Recurrence;

  /** Last year of a yearly task; null: no end. */
  @Column('int', { nullable: true })
  untilYear!: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentRole } from '@duban/contracts';
import { ASSIGNMENT_ROLES, checkIn } from '../enums';

/**
 * A department's role on a task over the day range [validFrom, validTo): points follow the
 * assignment in force on the deadline, so a handover closes one row and opens another.
 */
@Entity('assessment_assignment_facts')
@Check('assessment_assignment_facts_role_check', checkIn('role', ASSIGNMENT_ROLES))
@Check(
  'assessment_assignment_facts_range_check',
  '"valid_from" IS NULL OR "valid_to" IS NULL OR "valid_from" <= "valid_to"',
)
@Index('assessment_assignment_facts_task_idx', ['taskId', 'departmentId'])
// At most one open row per task and department: unique (task_id, department_id) INCLUDE (role,
// valid_from) WHERE valid_to IS NULL, created by a migration (TypeORM cannot declare INCLUDE). The
// annual run reads the open assignments from it alone, in task order.
@Index('assessment_assignment_facts_open_key', { synchronize: false })
// A department's assignments: whether one without any delta in a year still had a task due.
@Index('assessment_assignment_facts_department_idx', ['departmentId'])
// The closed rows (handovers, role changes): the few a year's scoring must order by start.
@Index('assessment_assignment_facts_closed_idx', ['taskId', 'departmentId'], {
  where: '"valid_to" IS NOT NULL',
})
export class AssessmentAssignmentFact {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  taskId!: string;

  @Column('uuid')
  departmentId!: string;

  @Column('varchar', { length: 10 })
  role!: AssignmentRole;

  /** Null: from the task's first allocation (the plan as committed), not from a later handover. */
  @Column('date', { nullable: true })
  validFrom!: string | null;

  /** Null: still in force. */
  @Column('date', { nullable: true })
  validTo!: string | null;

  /** The TaskAssigned event that opened the row. */
  @Column('uuid')
  eventId!: string;
}

import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { REPORT_FACT_STATES, checkIn, type ReportFactState } from '../enums';

/** A progress report that arrived late (ProgressReported late) or never (ReportMissed). */
@Entity('assessment_report_facts')
@Check('assessment_report_facts_state_check', checkIn('state', REPORT_FACT_STATES))
// A report counts in the year of its due date.
@Index('assessment_report_facts_due_idx', ['dueOn'])
// The stored deltas of one task are found through the departments that reported on it.
@Index('assessment_report_facts_task_idx', ['taskId'])
export class AssessmentReportFact {
  /** The event id: a report fact is recorded once per event. */
  @PrimaryColumn('uuid')
  eventId!: string;

  @Column('uuid')
  taskId!: string;

  @Column('uuid')
  departmentId!: string;

  /** Reporting period (YYYY-MM), or the due date for an ad hoc report. */
  @Column('text')
  period!: string;

  @Column('varchar', { length: 10 })
  state!: ReportFactState;

  @Column('date')
  dueOn!: string;
}

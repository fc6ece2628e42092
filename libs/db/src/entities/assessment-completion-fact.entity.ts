import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { QualityRating } from '@duban/contracts';
import { QUALITY_RATINGS, checkIn } from '../enums';

/** The office's approval of a completion (办结) with its quality rating, from TaskCompleted. */
@Entity('assessment_completion_facts')
@Check('assessment_completion_facts_rating_check', checkIn('rating', QUALITY_RATINGS, true))
// (task_id, approved_on, completion_id) INCLUDE (rating, event_id, occurrence_year), created by a
// migration (TypeORM cannot declare INCLUDE): a task's approvals in the order the first one is
// chosen, read by the annual run from the index alone.
@Index('assessment_completion_facts_first_idx', { synchronize: false })
export class AssessmentCompletionFact {
  @PrimaryColumn('uuid')
  completionId!: string;

  @Column('uuid')
  taskId!: string;

  /** Approval date: it decides on time versus late. */
  @Column('date')
  approvedOn!: string;

  @Column('varchar', { length: 10, nullable: true })
  rating!: QualityRating | null;

  /** The year whose occurrence the approval closes (a yearly task is completed once a year). */
  @Column('int')
  occurrenceYear!: number;

  @Column('uuid')
  eventId!: string;
}

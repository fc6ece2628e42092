import { Check, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { SWEEP_MARK_KINDS, checkIn, type SweepMarkKind } from '../enums';

/**
 * What the daily sweep has already recorded, so it records each fact once: a task overdue for a
 * deadline (`${taskId}:${deadline}`), a missed report (`${taskId}:${departmentId}:${period}`).
 */
@Entity('sweep_marks')
@Check('sweep_marks_kind_check', checkIn('kind', SWEEP_MARK_KINDS))
export class SweepMark {
  @PrimaryColumn('varchar', { length: 20 })
  kind!: SweepMarkKind;

  @PrimaryColumn('text')
  subject!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

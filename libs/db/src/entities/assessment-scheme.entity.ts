import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ASSESSMENT_METHODS, checkIn, type AssessmentMethod } from '../enums';

/**
 * A scheme a year was assessed with, as validated from config/assessment/<year>.yaml. Rows are
 * immutable versions: an edited file becomes a new row, and each run names the version it used.
 */
@Entity('assessment_schemes')
@Index('assessment_schemes_year_digest_key', ['year', 'digest'], { unique: true })
@Check('assessment_schemes_method_check', checkIn('method', ASSESSMENT_METHODS))
@Check('assessment_schemes_year_check', '"year" BETWEEN 2000 AND 2100')
export class AssessmentScheme {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('int')
  year!: number;

  /** sha256 of the canonical definition: the same scheme is stored once. */
  @Column('char', { length: 64 })
  digest!: string;

  /** Where it came from, e.g. `config/assessment/2025.yaml`. */
  @Column('text')
  source!: string;

  @Column('varchar', { length: 20 })
  method!: AssessmentMethod;

  @Column('jsonb')
  definition!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

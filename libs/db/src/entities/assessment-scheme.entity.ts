import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ASSESSMENT_METHODS, checkIn, type AssessmentMethod } from '../enums';

/** The scheme a year was (or will be) assessed with, as validated from config/assessment/<year>.yaml. */
@Entity('assessment_schemes')
@Check('assessment_schemes_method_check', checkIn('method', ASSESSMENT_METHODS))
@Check('assessment_schemes_year_check', '"year" BETWEEN 2000 AND 2100')
export class AssessmentScheme {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('assessment_schemes_year_key', { unique: true })
  @Column('int')
  year!: number;

  @Column('varchar', { length: 20 })
  method!: AssessmentMethod;

  @Column('jsonb')
  definition!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

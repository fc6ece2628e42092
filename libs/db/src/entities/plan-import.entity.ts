import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { IMPORT_STATES, checkIn, type ImportState } from '../enums';

/**
 * A plan on its way in: the parsed draft the office reviews and edits before committing it.
 * The draft is kept whole (jsonb) because it is edited as one document; committing turns it
 * into plans, tasks and assignments.
 */
@Entity('plan_imports')
@Check('plan_imports_state_check', checkIn('state', IMPORT_STATES))
@Index('plan_imports_source_hash_idx', ['sourceHash'])
export class PlanImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { nullable: true })
  fileName!: string | null;

  @Column('text')
  sourceText!: string;

  @Column('char', { length: 64 })
  sourceHash!: string;

  @Column('jsonb')
  draft!: Record<string, unknown>;

  @Column('varchar', { length: 12, default: 'draft' })
  state!: ImportState;

  /** Asked to become a new version of a plan already imported from the same text. */
  @Column('boolean', { default: false })
  newVersion!: boolean;

  @Column('uuid', { nullable: true })
  planId!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @VersionColumn({ default: 1 })
  rowVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

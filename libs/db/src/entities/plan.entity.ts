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
import { PLAN_STATUSES, checkIn, type PlanStatus } from '../enums';

/** A plan-level quantitative goal from the 主要目标 section (not a task). */
export interface PlanGoal {
  phrase: string;
  indicator: string | null;
  value: number | null;
  unit: string | null;
}

/** An action plan (实施方案/行动计划) as imported; its tasks hang below it. */
@Entity('plans')
@Check('plans_status_check', checkIn('status', PLAN_STATUSES))
@Check('plans_version_check', '"version" >= 1')
// The same document may be imported again only as an explicit new version.
@Index('plans_source_hash_version_key', ['sourceHash', 'version'], { unique: true })
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  /** 文号, e.g. 柳政规〔2018〕21号. */
  @Column('text', { nullable: true })
  docNumber!: string | null;

  @Column('text', { nullable: true })
  issuer!: string | null;

  @Column('date', { nullable: true })
  issueDate!: string | null;

  @Column('text')
  sourceText!: string;

  /** sha256 of the normalised source text: detects a document imported twice. */
  @Column('char', { length: 64 })
  sourceHash!: string;

  @Column('int', { default: 1 })
  version!: number;

  @Column('varchar', { length: 20, default: 'draft' })
  status!: PlanStatus;

  @Column('jsonb', { default: () => "'[]'" })
  goals!: PlanGoal[];

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @VersionColumn({ default: 1 })
  rowVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

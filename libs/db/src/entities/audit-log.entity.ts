import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, with the state before and after; written with the change itself. */
@Entity('audit_log')
@Index('audit_log_entity_idx', ['entityType', 'entityId', 'at'])
export class AuditLog {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { nullable: true })
  actorUserId!: string | null;

  /** Readable actor: a user name, or a service such as `scheduler`. */
  @Column('text')
  actor!: string;

  @Column('text')
  action!: string;

  @Column('text')
  entityType!: string;

  @Column('uuid')
  entityId!: string;

  @Column('jsonb', { nullable: true })
  before!: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after!: Record<string, unknown> | null;

  /** The outbox events this change emitted. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  eventIds!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

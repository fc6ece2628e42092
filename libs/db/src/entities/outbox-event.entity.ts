import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

/**
 * Transactional outbox: written in the same transaction as the change it announces, published
 * to the consumer queues by the relay. `id` is the event id and the BullMQ jobId.
 */
@Entity('outbox')
// The relay claims unpublished rows in commit order; published rows stay out of this index.
@Index('outbox_unpublished_idx', ['seq'], { where: '"published_at" IS NULL' })
export class OutboxEvent {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('outbox_seq_key', { unique: true })
  @Column('bigint')
  @Generated('increment')
  seq!: string;

  @Column('text')
  type!: string;

  @Column('text')
  aggregateType!: string;

  @Column('uuid')
  aggregateId!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;
}

import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A consumer's record of the events it has applied: the dedupe key for at-least-once delivery. */
@Entity('processed_events')
export class ProcessedEvent {
  @PrimaryColumn('text')
  consumer!: string;

  @PrimaryColumn('uuid')
  eventId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt!: Date;
}

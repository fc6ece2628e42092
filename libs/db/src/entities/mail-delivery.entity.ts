import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DELIVERY_STATES, checkIn, type DeliveryState } from '../enums';

/** One mail: recorded with its deterministic Message-ID before and after the SMTP call. */
@Entity('mail_deliveries')
@Check('mail_deliveries_state_check', checkIn('state', DELIVERY_STATES))
@Check('mail_deliveries_attempts_check', '"attempts" >= 0')
@Index('mail_deliveries_state_idx', ['state', 'updatedAt'])
// The composer looks up a department's unsent mails; the office lists a department's mails.
@Index('mail_deliveries_department_state_idx', ['departmentId', 'state'])
export class MailDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('mail_deliveries_message_id_key', { unique: true })
  @Column('text')
  messageId!: string;

  @Column('uuid', { nullable: true })
  departmentId!: string | null;

  /** Reminders this mail carries (one, or several in a daily digest). */
  @Column('uuid', { array: true, default: () => "'{}'" })
  reminderIds!: string[];

  @Column('text', { array: true })
  recipients!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  cc!: string[];

  @Column('text')
  subject!: string;

  @Column('text')
  textBody!: string;

  @Column('text')
  htmlBody!: string;

  @Column('varchar', { length: 10, default: 'pending' })
  state!: DeliveryState;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

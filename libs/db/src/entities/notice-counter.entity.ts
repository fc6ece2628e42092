import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The running number of 督办单 notices per year (督办〔2026〕17号). The scheduler increments a
 * year's row in the transaction that fires the notice, so numbers are unique and gapless.
 */
@Entity('notice_counters')
@Check('notice_counters_last_number_check', '"last_number" >= 0')
export class NoticeCounter {
  @PrimaryColumn('smallint')
  year!: number;

  @Column('int', { default: 0 })
  lastNumber!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { DEPARTMENT_KINDS, checkIn, type DepartmentKind } from '../enums';

/** A responsible unit: a bureau, a county government, a park committee, a university, or a group of bodies. */
@Entity('departments')
@Check('departments_kind_check', checkIn('kind', DEPARTMENT_KINDS))
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('departments_name_key', { unique: true })
  @Column('text')
  name!: string;

  /** Short names used in plans (发展改革委 for 市发展改革委). */
  @Column('text', { array: true, default: () => "'{}'" })
  shortNames!: string[];

  /** Other spellings confirmed by the office in review (traditional characters, old names). */
  @Column('text', { array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  emails!: string[];

  @Column('varchar', { length: 20, default: 'government' })
  kind!: DepartmentKind;

  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Department> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

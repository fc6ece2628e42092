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
} from 'typeorm';
import { USER_ROLES, checkIn, type UserRole } from '../enums';
import { Department } from './department.entity';

@Entity('users')
@Check('users_role_check', checkIn('role', USER_ROLES))
// A department user acts for exactly one department; the office, admins and leaders for none.
@Check('users_department_role_check', `("role" = 'department') = ("department_id" IS NOT NULL)`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('users_username_key', { unique: true })
  @Column('text')
  username!: string;

  @Column('text')
  displayName!: string;

  @Column('text')
  passwordHash!: string;

  @Column('varchar', { length: 20 })
  role!: UserRole;

  @Index('users_department_id_idx')
  @Column('uuid', { nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department> | null;

  @Column('boolean', { default: true })
  active!: boolean;

  /** Raised to end every session: a token signed at an older version is refused. */
  @Column('integer', { default: 1 })
  sessionVersion!: number;

  @Column('timestamptz', { nullable: true })
  passwordChangedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import type { MigrationInterface } from 'typeorm';
import { Initial1795356569405 } from './1795356569405-Initial';
import { MailDeliveriesDepartmentIndex1795358240653 } from './1795358240653-MailDeliveriesDepartmentIndex';
import { ReminderSchedule1795358322894 } from './1795358322894-ReminderSchedule';

/** Every migration, oldest first. Listed explicitly so the build and the tests load the same set. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795356569405,
  MailDeliveriesDepartmentIndex1795358240653,
  ReminderSchedule1795358322894,
];

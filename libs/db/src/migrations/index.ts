import type { MigrationInterface } from 'typeorm';
import { Initial1795356569405 } from './1795356569405-Initial';
import { AssessmentRunsFactsReports1795360000000 } from './1795360000000-AssessmentRunsFactsReports';

/** Every migration, oldest first. Listed explicitly so the build and the tests load the same set. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795356569405,
  AssessmentRunsFactsReports1795360000000,
];

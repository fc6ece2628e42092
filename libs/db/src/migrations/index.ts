import type { MigrationInterface } from 'typeorm';
import { Initial1795356569405 } from './1795356569405-Initial';
import { PlanImports1795358221219 } from './1795358221219-PlanImports';
import { MailDeliveriesDepartmentIndex1795358240653 } from './1795358240653-MailDeliveriesDepartmentIndex';
import { ReminderSchedule1795358322894 } from './1795358322894-ReminderSchedule';
import { TaskPosition1795358665148 } from './1795358665148-TaskPosition';
import { LedgerOrderIndex1795359218354 } from './1795359218354-LedgerOrderIndex';
import { AssessmentRunsFactsReports1795360000000 } from './1795360000000-AssessmentRunsFactsReports';
import { AssessmentDeltasByYear1795368069323 } from './1795368069323-AssessmentDeltasByYear';
import { AssignmentTaskCopies1795370000000 } from './1795370000000-AssignmentTaskCopies';
import { AssessmentDeltaArrays1795380000000 } from './1795380000000-AssessmentDeltaArrays';
import { ReminderNaturalKey1795390000000 } from './1795390000000-ReminderNaturalKey';
import { AssessmentDeltaQuality1795400000000 } from './1795400000000-AssessmentDeltaQuality';
import { AssessmentFactsCoveringIndexes1795410000000 } from './1795410000000-AssessmentFactsCoveringIndexes';
import { AssessmentDeltaRowTotals1795420000000 } from './1795420000000-AssessmentDeltaRowTotals';
import { AssessmentDeltaHundredths1795430000000 } from './1795430000000-AssessmentDeltaHundredths';
import { UserSessions1795440000000 } from './1795440000000-UserSessions';

/** Every migration, oldest first. Listed explicitly so the build and the tests load the same set. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795356569405,
  PlanImports1795358221219,
  MailDeliveriesDepartmentIndex1795358240653,
  ReminderSchedule1795358322894,
  TaskPosition1795358665148,
  LedgerOrderIndex1795359218354,
  AssessmentRunsFactsReports1795360000000,
  AssessmentDeltasByYear1795368069323,
  AssignmentTaskCopies1795370000000,
  AssessmentDeltaArrays1795380000000,
  ReminderNaturalKey1795390000000,
  AssessmentDeltaQuality1795400000000,
  AssessmentFactsCoveringIndexes1795410000000,
  AssessmentDeltaRowTotals1795420000000,
  AssessmentDeltaHundredths1795430000000,
  UserSessions1795440000000,
];

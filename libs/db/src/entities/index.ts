import { AssessmentAssignmentFact } from './assessment-assignment-fact.entity';
import { AssessmentCompletionFact } from './assessment-completion-fact.entity';
import { AssessmentReport } from './assessment-report.entity';
import { AssessmentReportFact } from './assessment-report-fact.entity';
import { AssessmentRun } from './assessment-run.entity';
import { AssessmentTaskFact } from './assessment-task-fact.entity';
import { AssessmentDelta } from './assessment-delta.entity';
import { AssessmentResult } from './assessment-result.entity';
import { AssessmentScheme } from './assessment-scheme.entity';
import { AuditLog } from './audit-log.entity';
import { Department } from './department.entity';
import { ExtensionRequest } from './extension-request.entity';
import { MailDelivery } from './mail-delivery.entity';
import { NoticeCounter } from './notice-counter.entity';
import { OutboxEvent } from './outbox-event.entity';
import { Plan } from './plan.entity';
import { PlanImport } from './plan-import.entity';
import { ProcessedEvent } from './processed-event.entity';
import { ProgressReport } from './progress-report.entity';
import { Reminder } from './reminder.entity';
import { SweepMark } from './sweep-mark.entity';
import { Task } from './task.entity';
import { TaskAssignment } from './task-assignment.entity';
import { TaskCompletion } from './task-completion.entity';
import { User } from './user.entity';

export {
  AssessmentDelta,
  AssessmentTaskFact,
  AssessmentRun,
  AssessmentReportFact,
  AssessmentReport,
  AssessmentCompletionFact,
  AssessmentAssignmentFact,
  AssessmentResult,
  AssessmentScheme,
  AuditLog,
  Department,
  ExtensionRequest,
  MailDelivery,
  NoticeCounter,
  OutboxEvent,
  Plan,
  PlanImport,
  ProcessedEvent,
  ProgressReport,
  Reminder,
  SweepMark,
  Task,
  TaskAssignment,
  TaskCompletion,
  User,
};
export type { PlanGoal } from './plan.entity';
export type { TaskTarget } from './task.entity';

export const ENTITIES = [
  AssessmentDelta,
  AssessmentTaskFact,
  AssessmentRun,
  AssessmentReportFact,
  AssessmentReport,
  AssessmentCompletionFact,
  AssessmentAssignmentFact,
  AssessmentResult,
  AssessmentScheme,
  AuditLog,
  Department,
  ExtensionRequest,
  MailDelivery,
  NoticeCounter,
  OutboxEvent,
  Plan,
  PlanImport,
  ProcessedEvent,
  ProgressReport,
  Reminder,
  SweepMark,
  Task,
  TaskAssignment,
  TaskCompletion,
  User,
];

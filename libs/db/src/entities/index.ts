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

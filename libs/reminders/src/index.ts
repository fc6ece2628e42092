export {
  NOTICE_KINDS,
  reminderPolicySchema,
  type LadderStep,
  type NoticeKind,
  type ReminderPolicy,
} from './policy.schema';
export { parseReminderPolicy } from './policy.parser';
export { loadReminderPolicy, REMINDER_POLICY_FILE } from './policy.loader';
export { ReminderPolicyError } from './reminders.errors';
export {
  currentDeadline,
  dueDayOf,
  planReminders,
  type PlanInput,
  type PlannedReminder,
  type PlannerAssignment,
  type PlannerTask,
} from './reminder-planner';
export {
  cycleInstant,
  lastClosedCycle,
  periodOf,
  reportCycle,
  shiftPeriod,
  type ReportCycle,
} from './report-cycle';
export { copyToFor, formatNoticeNumber, isNoticeKind, ladderStepOf } from './notice-number';
export {
  ReminderNotFoundError,
  ReminderNotResendableError,
  ReminderOfficeService,
  type DeliveryResender,
  type ReminderFilter,
  type ReminderSummary,
} from './reminder-office.service';

import { OPEN_TASK_STATUSES, type ReminderKind, type TaskStatus } from '@duban/db';

/** What the composer knows of a fired reminder when it decides whether to mail it. */
export interface FiredNoticeFacts {
  kind: ReminderKind;
  taskStatus: TaskStatus;
  /** Null when the department no longer holds the task. */
  role: 'lead' | 'support' | null;
  acknowledgedAt: Date | null;
  deadline: string | null;
  /** The Asia/Shanghai day being composed (ISO date). */
  day: string;
}

const OPEN: ReadonlySet<TaskStatus> = new Set(OPEN_TASK_STATUSES);

/**
 * Why a fired reminder must not be mailed any more, or null when it still applies. The scheduler
 * checked at fire time; this runs again because the digest window and the queue let time pass.
 */
export function staleReason(facts: FiredNoticeFacts): string | null {
  if (!OPEN.has(facts.taskStatus)) {
    return `task is ${facts.taskStatus}`;
  }
  if (facts.role === null) {
    return 'department no longer assigned to the task';
  }
  switch (facts.kind) {
    case 'acknowledgement':
      return facts.acknowledgedAt ? 'assignment already acknowledged' : null;
    case 'pre_deadline':
    case 'due_day':
      return facts.deadline === null ? 'task has no deadline any more' : null;
    case 'notice_blue':
    case 'notice_orange':
    case 'notice_red':
      if (facts.deadline === null) {
        return 'task has no deadline any more';
      }
      // An approved extension moved the deadline past the day: the ladder restarts, no notice.
      return facts.deadline > facts.day ? `deadline moved to ${facts.deadline}` : null;
    case 'report_due':
    case 'report_missed':
      return null;
  }
}

import { shanghaiDateOf } from '@duban/calendar';
import {
  closeAssignmentFact,
  openAssignmentFact,
  recordCompletionFact,
  recordReportFact,
  reportDueDate,
  refreshTaskFact,
  withdrawCompletionFact,
} from '@duban/assessment';
import type { EventHandlers } from '@duban/outbox';

/** The office's calendar day an event happened on (handovers are dated by it). */
const dayOf = (occurredAt: string): string => shanghaiDateOf(new Date(occurredAt));

/**
 * How the assessment keeps its facts (libs/assessment, assessment-facts.repository.ts) current.
 * Each handler runs inside applyEventOnce's transaction, after the event id was claimed, so a
 * redelivered event changes nothing. TaskOverdue needs no fact: overdue follows from the deadline.
 */
export const ASSESSMENT_EVENT_HANDLERS: EventHandlers = {
  TaskAssigned: async (manager, event) => {
    const { taskId, departmentId, role, deadline } = event.payload;
    await refreshTaskFact(manager, taskId, deadline);
    await openAssignmentFact(manager, {
      taskId,
      departmentId,
      role,
      eventId: event.id,
      day: dayOf(event.occurredAt),
    });
  },
  TaskUnassigned: async (manager, event) => {
    const { taskId, departmentId, role } = event.payload;
    await closeAssignmentFact(manager, taskId, departmentId, dayOf(event.occurredAt), role);
  },
  TaskDeadlineChanged: async (manager, event) => {
    await refreshTaskFact(manager, event.payload.taskId, event.payload.deadline);
  },
  ExtensionApproved: async (manager, event) => {
    await refreshTaskFact(manager, event.payload.taskId, event.payload.deadline);
  },
  TaskCompleted: async (manager, event) => {
    const { taskId, completionId, completedOn, rating } = event.payload;
    await refreshTaskFact(manager, taskId, null);
    await recordCompletionFact(manager, {
      taskId,
      completionId,
      approvedOn: completedOn,
      rating,
      eventId: event.id,
    });
  },
  TaskReopened: async (manager, event) => {
    if (event.payload.completionId !== null) {
      await withdrawCompletionFact(manager, event.payload.completionId);
    }
  },
  ProgressReported: async (manager, event) => {
    const { taskId, departmentId, period, late } = event.payload;
    if (!late) {
      return;
    }
    const day = dayOf(event.occurredAt);
    await recordReportFact(manager, {
      eventId: event.id,
      taskId,
      departmentId,
      period: period ?? day,
      state: 'late',
      dueOn: period === null ? day : reportDueDate(period),
    });
  },
  ReportMissed: async (manager, event) => {
    const { taskId, departmentId, period, dueDate } = event.payload;
    await recordReportFact(manager, {
      eventId: event.id,
      taskId,
      departmentId,
      period,
      state: 'missed',
      dueOn: dueDate,
    });
  },
};

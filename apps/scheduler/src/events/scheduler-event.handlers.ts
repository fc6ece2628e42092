import type { AnyDomainEvent, EventType } from '@duban/contracts';
import type { BatchEventHandler } from '@duban/outbox';
import type { ReminderScheduleService, ReplanTarget } from '../reminders/reminder-schedule.service';

type TargetOf = {
  [K in EventType]?: (event: Extract<AnyDomainEvent, { type: K }>) => ReplanTarget;
};

/**
 * What each event asks of the schedule: the task to re-plan, for one department or all. Every
 * event re-plans from the task's state in PostgreSQL rather than acting on the event alone, so
 * events of one task applied out of order (the event queue runs several at once; a role change
 * is TaskUnassigned then TaskAssigned) still leave the schedule the state asks for. Events not
 * listed change no reminder (CompletionDeclared keeps reminding until the office approves;
 * TaskOverdue is the scheduler's own).
 */
const REPLAN_TARGETS: TargetOf = {
  TaskAssigned: ({ payload }) => ({
    taskId: payload.taskId,
    departmentIds: [payload.departmentId],
  }),
  // The department may have been assigned again (a role change): the replan keeps what it is owed.
  TaskUnassigned: ({ payload }) => ({
    taskId: payload.taskId,
    departmentIds: [payload.departmentId],
  }),
  AssignmentAcknowledged: ({ payload }) => ({
    taskId: payload.taskId,
    departmentIds: [payload.departmentId],
  }),
  TaskDeadlineChanged: ({ payload }) => ({ taskId: payload.taskId }),
  ExtensionApproved: ({ payload }) => ({ taskId: payload.taskId }),
  TaskReopened: ({ payload }) => ({ taskId: payload.taskId }),
  TaskCompleted: ({ payload }) => ({ taskId: payload.taskId }),
};

/**
 * How the scheduler applies a batch of events: the rows of every task they touch change in the
 * batch's transaction (one re-plan for all), their jobs after it commits (one addBulk).
 */
export function createSchedulerEventHandler(schedule: ReminderScheduleService): BatchEventHandler {
  return async (manager, events) => {
    const targets = events.flatMap((event) => {
      const target = REPLAN_TARGETS[event.type] as
        ((e: AnyDomainEvent) => ReplanTarget) | undefined;
      return target ? [target(event)] : [];
    });
    if (targets.length === 0) {
      return;
    }
    const changes = await schedule.replanMany(manager, targets);
    return { afterCommit: () => schedule.applyJobChanges(changes) };
  };
}

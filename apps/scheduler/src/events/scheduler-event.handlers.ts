import type { EntityManager } from 'typeorm';
import type { EventHandlers, HandlerOutcome } from '@duban/outbox';
import type { JobChanges, ReminderScheduleService } from '../reminders/reminder-schedule.service';

/**
 * How the scheduler reacts to each event: rows change in the event's transaction, their jobs
 * after it commits. Every handler re-plans from the task's state in PostgreSQL rather than acting
 * on the event alone, so events of one task applied out of order (the event queue runs several at
 * once; a role change is TaskUnassigned then TaskAssigned) still leave the schedule the state
 * asks for. Events not listed change no reminder (CompletionDeclared keeps reminding until the
 * office approves; TaskOverdue is the scheduler's own).
 */
export function createSchedulerEventHandlers(schedule: ReminderScheduleService): EventHandlers {
  const replan = async (
    manager: EntityManager,
    taskId: string,
    departmentIds?: string[],
  ): Promise<HandlerOutcome> => {
    const changes: JobChanges = await schedule.replan(manager, taskId, departmentIds);
    return { afterCommit: () => schedule.applyJobChanges(changes) };
  };
  return {
    TaskAssigned: (manager, { payload }) => replan(manager, payload.taskId, [payload.departmentId]),
    // The department may have been assigned again (a role change): the replan keeps what it is owed.
    TaskUnassigned: (manager, { payload }) =>
      replan(manager, payload.taskId, [payload.departmentId]),
    AssignmentAcknowledged: (manager, { payload }) =>
      replan(manager, payload.taskId, [payload.departmentId]),
    TaskDeadlineChanged: (manager, { payload }) => replan(manager, payload.taskId),
    ExtensionApproved: (manager, { payload }) => replan(manager, payload.taskId),
    TaskReopened: (manager, { payload }) => replan(manager, payload.taskId),
    TaskCompleted: (manager, { payload }) => replan(manager, payload.taskId),
  };
}

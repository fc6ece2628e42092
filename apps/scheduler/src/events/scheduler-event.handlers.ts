import type { EntityManager } from 'typeorm';
import type { EventHandlers, HandlerOutcome } from '@duban/outbox';
import type { JobChanges, ReminderScheduleService } from '../reminders/reminder-schedule.service';

/**
 * How the scheduler reacts to each event: rows change in the event's transaction, their jobs
 * after it commits. Events not listed change no reminder (CompletionDeclared keeps reminding
 * until the office approves; TaskOverdue is the scheduler's own).
 */
export function createSchedulerEventHandlers(schedule: ReminderScheduleService): EventHandlers {
  const then = (changes: JobChanges): HandlerOutcome => ({
    afterCommit: () => schedule.applyJobChanges(changes),
  });
  const replanTask = async (manager: EntityManager, taskId: string) =>
    then(await schedule.replan(manager, taskId));
  return {
    TaskAssigned: async (manager, { payload }) =>
      then(await schedule.replan(manager, payload.taskId, [payload.departmentId])),
    TaskUnassigned: async (manager, { payload }) =>
      then(
        await schedule.cancel(manager, {
          taskId: payload.taskId,
          departmentId: payload.departmentId,
        }),
      ),
    AssignmentAcknowledged: async (manager, { payload }) =>
      then(
        await schedule.cancel(manager, {
          taskId: payload.taskId,
          departmentId: payload.departmentId,
          kind: 'acknowledgement',
        }),
      ),
    TaskDeadlineChanged: (manager, { payload }) => replanTask(manager, payload.taskId),
    ExtensionApproved: (manager, { payload }) => replanTask(manager, payload.taskId),
    TaskReopened: (manager, { payload }) => replanTask(manager, payload.taskId),
    TaskCompleted: async (manager, { payload }) =>
      then(await schedule.cancel(manager, { taskId: payload.taskId })),
  };
}

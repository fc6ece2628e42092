import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReminderKind } from '@duban/db';
import { planReminders, type ReminderPolicy } from '@duban/reminders';
import { CLOCK, type Clock, REMINDER_POLICY } from '../scheduler.tokens';
import { CalendarHolder } from './calendar.holder';
import { ReminderJobs } from './reminder-jobs';
import { type JobRow, ReminderRepository, type ReplanScope } from './reminder.repository';

/** What a schedule change means for Redis once it has committed. */
export interface JobChanges {
  add: JobRow[];
  remove: string[];
}

const NO_CHANGES: JobChanges = { add: [], remove: [] };

/** A task to re-plan, for all its departments (no departmentIds) or the given ones. */
export interface ReplanTarget {
  taskId: string;
  departmentIds?: readonly string[];
}

/** One scope entry per task (all departments) or per task and department, never both. */
function mergeTargets(targets: readonly ReplanTarget[]): ReplanScope[] {
  const byTask = new Map<string, Set<string> | null>();
  for (const { taskId, departmentIds } of targets) {
    const known = byTask.get(taskId);
    if (known === null) {
      continue;
    }
    if (!departmentIds) {
      byTask.set(taskId, null);
    } else {
      byTask.set(taskId, new Set([...(known ?? []), ...departmentIds]));
    }
  }
  return [...byTask].flatMap(([taskId, departments]): ReplanScope[] =>
    departments === null
      ? [{ taskId, departmentId: null }]
      : [...departments].map((departmentId) => ({ taskId, departmentId })),
  );
}

/**
 * Keeps the reminder rows of a task in step with the task. Rows are written in the caller's
 * transaction; the jobs mirroring them are changed by `applyJobChanges` after it commits.
 */
@Injectable()
export class ReminderScheduleService {
  private readonly logger = new Logger('ReminderSchedule');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReminderRepository,
    private readonly jobs: ReminderJobs,
    private readonly calendar: CalendarHolder,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Brings the task's rows (all departments, or the given ones) to what the planner wants now:
   * future rows it no longer wants are cancelled, wanted rows are added or revived. Rows already
   * due are left to the fire-time check. A moved deadline therefore restarts the ladder.
   */
  replan(
    manager: EntityManager,
    taskId: string,
    departmentIds?: readonly string[],
  ): Promise<JobChanges> {
    return this.replanMany(manager, [{ taskId, departmentIds }]);
  }

  /**
   * `replan` for several tasks at once (the events of a batch), in four statements whatever
   * their number: lock, read, plan in memory, one write. Targets of one task are merged: all its
   * departments if any target asks for all, else the union of the departments named.
   */
  async replanMany(manager: EntityManager, targets: readonly ReplanTarget[]): Promise<JobChanges> {
    if (targets.length === 0) {
      return NO_CHANGES;
    }
    const scope = mergeTargets(targets);
    await this.repository.lockTasks(manager, [...new Set(scope.map((s) => s.taskId))]);
    const now = this.clock.now();
    const found = await this.repository.tasksWithAssignments(manager, scope);
    const calendar = this.calendar.current;
    const planned = [...found.values()].flatMap(({ task, assignments }) =>
      assignments.flatMap((assignment) =>
        planReminders({ task, assignment, policy: this.policy, calendar, now }),
      ),
    );
    return this.repository.sync(manager, scope, now, planned);
  }

  /** Cancels a task's scheduled rows (one department's, one kind's): completion, unassignment, 签收. */
  async cancel(
    manager: EntityManager,
    where: { taskId: string; departmentId?: string; kind?: ReminderKind },
  ): Promise<JobChanges> {
    await this.repository.lockTasks(manager, [where.taskId]);
    const remove = await this.repository.cancelWhere(manager, where);
    return remove.length ? { add: [], remove } : NO_CHANGES;
  }

  /**
   * Mirrors committed changes in Redis. Two re-plans of one task can commit in one order and
   * reach Redis in the other, so after adding it re-reads the rows it added and takes back the
   * jobs of any that a later change has cancelled meanwhile. A failure here is logged, not
   * thrown: the event is applied already, and the daily sweep restores any missing job.
   */
  async applyJobChanges(changes: JobChanges): Promise<void> {
    if (changes.add.length === 0 && changes.remove.length === 0) {
      return;
    }
    try {
      await this.jobs.remove(changes.remove);
      await this.jobs.add(changes.add, this.clock);
      if (changes.add.length) {
        const states = await this.repository.states(
          this.dataSource.manager,
          changes.add.map((row) => row.id),
        );
        await this.jobs.remove(
          changes.add.filter((row) => states.get(row.id) !== 'scheduled').map((row) => row.id),
        );
      }
    } catch (error) {
      this.logger.warn(
        `reminder jobs not updated in Redis (${(error as Error).message}); the daily sweep will restore them`,
      );
    }
  }
}

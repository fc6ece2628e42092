import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { WorkingDayCalendar } from '@duban/calendar';
import type { NewEvent } from '@duban/contracts';
import { Department, Task, TaskAssignment } from '@duban/db';
import { recordChange } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';
import { actorOf } from '../common/actor';
import { Clock } from '../common/clock';
import { taskInScope } from './task-access';
import { editTask } from './task-edit.statement';
import { type TaskDetail, taskDetail, taskHistory } from './task-detail.query';
import type {
  EditedTaskDto,
  EditTaskDto,
  SetAssignmentsDto,
  TaskLedgerQueryDto,
  TaskListQueryDto,
  TaskPageDto,
} from './task.dto';
import { assertRoleWithDepartment, listTasks } from './task-list.query';
import { filteredLedgerCsv, filteredLedgerXlsx } from '../ledger-export/task-ledger-file';
import type { LedgerFile } from '../ledger-export/ledger-export.service';
import { lightWindow } from '../overdue-board/traffic-light';

@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  list(user: AuthUser, filter: TaskListQueryDto): Promise<TaskPageDto> {
    // A department user's list is its own department's, whatever the query says.
    const scoped =
      user.role === 'department'
        ? { ...filter, departmentId: user.departmentId ?? undefined }
        : filter;
    return listTasks(this.dataSource, scoped, lightWindow(this.calendar, this.clock.today()));
  }

  /** The ledger under the console's filter as a file: the rows the list gives, every page. */
  ledgerFile(filter: TaskLedgerQueryDto, format: 'csv' | 'xlsx'): LedgerFile {
    assertRoleWithDepartment(filter);
    const window = lightWindow(this.calendar, this.clock.today());
    return format === 'csv'
      ? filteredLedgerCsv(this.dataSource, filter, window)
      : filteredLedgerXlsx(this.dataSource, filter, window);
  }

  async detail(user: AuthUser, taskId: string): Promise<TaskDetail> {
    // The office and leaders read any task, so the one detail query also answers "does it exist".
    if (user.role === 'department') {
      await taskInScope(this.dataSource.manager, user, taskId);
    }
    return this.found(taskId, await taskDetail(this.dataSource, taskId));
  }

  async history(user: AuthUser, taskId: string) {
    await taskInScope(this.dataSource.manager, user, taskId);
    return taskHistory(this.dataSource, taskId);
  }

  /**
   * The office moves a deadline or fixes a title; a new deadline restarts the reminder ladder.
   * Answers the edited fields and the new version; the whole page is one GET away.
   */
  async edit(user: AuthUser, taskId: string, edit: EditTaskDto): Promise<EditedTaskDto> {
    const result = await editTask(
      this.dataSource.manager,
      actorOf(user),
      { taskId, rowVersion: edit.rowVersion, deadline: edit.deadline, title: edit.title },
      { id: randomUUID(), occurredAt: this.clock.now().toISOString() },
    );
    switch (result.outcome) {
      case 'missing':
        throw new NotFoundException(`Task ${taskId} does not exist`);
      case 'stale':
        throw staleVersion(result.numberPath, edit.rowVersion, result.currentVersion);
      case 'closed':
        throw new ConflictException(
          `Task ${result.numberPath} is ${result.status}: its deadline no longer moves`,
        );
      case 'edited':
        return {
          id: taskId,
          deadline: result.deadline,
          title: result.title,
          rowVersion: result.rowVersion,
        };
    }
  }

  /** Replaces the task's lead and supporting departments; each change is an event. */
  async setAssignments(user: AuthUser, taskId: string, input: SetAssignmentsDto) {
    const lead = [...new Set(input.lead)];
    const support = [...new Set(input.support)].filter((id) => !lead.includes(id));
    if (lead.length === 0) {
      throw new UnprocessableEntityException('A task needs at least one lead department');
    }
    await this.dataSource.transaction(async (manager) => {
      const { task } = await taskInScope(manager, user, taskId, true);
      assertFresh(task, input.rowVersion);
      const wanted = new Map<string, 'lead' | 'support'>([
        ...lead.map((id) => [id, 'lead'] as const),
        ...support.map((id) => [id, 'support'] as const),
      ]);
      const known = await manager.countBy(Department, { id: In([...wanted.keys()]) });
      if (known !== wanted.size) {
        throw new NotFoundException('One of the departments does not exist');
      }
      const current = await manager.findBy(TaskAssignment, { taskId });
      const events: NewEvent[] = [];
      const unassign = (a: TaskAssignment) =>
        events.push({
          type: 'TaskUnassigned',
          aggregateType: 'task',
          aggregateId: taskId,
          payload: { taskId, departmentId: a.departmentId, role: a.role },
        });
      const assign = (departmentId: string, role: 'lead' | 'support') =>
        events.push({
          type: 'TaskAssigned',
          aggregateType: 'task',
          aggregateId: taskId,
          payload: { taskId, departmentId, role, deadline: task.deadline },
        });
      for (const assignment of current) {
        const role = wanted.get(assignment.departmentId);
        if (role === undefined) {
          await manager.delete(TaskAssignment, { id: assignment.id });
          unassign(assignment);
        } else if (role !== assignment.role) {
          // A role change is an unassignment and a new assignment: reminders and points follow the new role.
          await manager.update(TaskAssignment, { id: assignment.id }, { role });
          unassign(assignment);
          assign(assignment.departmentId, role);
        }
      }
      const existing = new Set(current.map((a) => a.departmentId));
      const added = [...wanted].filter(([id]) => !existing.has(id));
      if (added.length) {
        await manager.insert(
          TaskAssignment,
          added.map(([departmentId, role]) => ({
            taskId,
            departmentId,
            role,
            assignedAt: this.clock.now(),
          })),
        );
        added.forEach(([departmentId, role]) => assign(departmentId, role));
      }
      // Assignments are part of the task's version: an edit based on the old set is stale.
      await manager.increment(Task, { id: taskId }, 'rowVersion', 1);
      await recordChange(manager, {
        actor: actorOf(user),
        action: 'task.assignments',
        entityType: 'task',
        entityId: taskId,
        before: {
          assignments: current.map((a) => ({ departmentId: a.departmentId, role: a.role })),
        },
        after: { assignments: [...wanted].map(([departmentId, role]) => ({ departmentId, role })) },
        events,
      });
    });
    return this.found(taskId, await taskDetail(this.dataSource, taskId));
  }

  private found(taskId: string, detail: TaskDetail | undefined): TaskDetail {
    if (!detail) {
      throw new NotFoundException(`Task ${taskId} does not exist`);
    }
    return detail;
  }
}

export function assertFresh(task: Task, rowVersion: number): void {
  if (task.rowVersion !== rowVersion) {
    throw staleVersion(task.numberPath, rowVersion, task.rowVersion);
  }
}

function staleVersion(numberPath: string, basedOn: number, current: number): ConflictException {
  return new ConflictException(
    `Task ${numberPath} changed since version ${basedOn} (now ${current}): reload it and try again`,
  );
}

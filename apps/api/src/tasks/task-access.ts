import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Task, TaskAssignment } from '@duban/db';
import type { AuthUser } from '../auth/auth-user';

export interface TaskInScope {
  task: Task;
  /** The caller's own assignment, for department users; null for the office and leaders. */
  assignment: TaskAssignment | null;
}

/**
 * Loads a task for a caller, checked on the server for every route: a department user only
 * reaches tasks its department is assigned to (403 otherwise). `lock` takes the row for update,
 * so concurrent workflow steps on one task run one after the other.
 */
export async function taskInScope(
  manager: EntityManager,
  user: AuthUser,
  taskId: string,
  lock = false,
): Promise<TaskInScope> {
  const task = await manager.findOne(Task, {
    where: { id: taskId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!task) {
    throw new NotFoundException(`Task ${taskId} does not exist`);
  }
  if (user.role !== 'department') {
    return { task, assignment: null };
  }
  const assignment = await manager.findOne(TaskAssignment, {
    where: { taskId, departmentId: user.departmentId ?? '' },
  });
  if (!assignment) {
    throw new ForbiddenException(`Your department is not assigned to task ${task.numberPath}`);
  }
  return { task, assignment };
}

/** The caller's assignment, for actions only an assigned department takes. */
export function requireAssignment(scope: TaskInScope, action: string): TaskAssignment {
  if (!scope.assignment) {
    throw new ForbiddenException(`Only an assigned department can ${action}`);
  }
  return scope.assignment;
}

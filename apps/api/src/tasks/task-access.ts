import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedStatement, queryPrepared, Task, TaskAssignment } from '@duban/db';
import type { AuthUser } from '../auth/auth-user';

export interface TaskInScope {
  task: Task;
  /** The caller's own assignment, for department users; null for the office and leaders. */
  assignment: TaskAssignment | null;
}

/** The task with the caller's department's assignment, if any, in one round trip. */
const SCOPE_COLUMNS = `t.id, t.plan_id AS "planId", t.parent_id AS "parentId", t.number_path AS "numberPath",
       t.level, t.position, t.title, t.body, to_char(t.deadline, 'YYYY-MM-DD') AS deadline,
       t.deadline_phrase AS "deadlinePhrase", t.recurrence, t.status, t.targets,
       t.completed_at AS "completedAt", t.quality_rating AS "qualityRating", t.row_version AS "rowVersion",
       t.created_at AS "createdAt", t.updated_at AS "updatedAt",
       a.id AS "assignmentId", a.role AS "assignmentRole", a.acknowledged_at AS "acknowledgedAt",
       a.acknowledged_by AS "acknowledgedBy", a.assigned_at AS "assignedAt"
  FROM tasks t LEFT JOIN task_assignments a ON a.task_id = t.id AND a.department_id = $2
 WHERE t.id = $1`;
const READ_SCOPE = preparedStatement(`SELECT ${SCOPE_COLUMNS}`);
// Locks the task row only: concurrent workflow steps on one task run one after the other.
const LOCK_SCOPE = preparedStatement(`SELECT ${SCOPE_COLUMNS} FOR UPDATE OF t`);

type ScopeRow = Omit<Task, 'plan' | 'parent'> & {
  assignmentId: string | null;
  assignmentRole: TaskAssignment['role'] | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  assignedAt: Date | null;
};

/** The one answer for a task that does not exist or that the caller may not read. */
export function taskNotFound(): NotFoundException {
  return new NotFoundException('Task not found');
}

/**
 * Loads a task for a caller, checked on the server for every route: a department user only
 * reaches tasks its department is assigned to (404 otherwise, as if there were none). `lock` takes the row for update,
 * so concurrent workflow steps on one task run one after the other.
 */
export async function taskInScope(
  manager: EntityManager,
  user: AuthUser,
  taskId: string,
  lock = false,
): Promise<TaskInScope> {
  const departmentId = user.role === 'department' ? (user.departmentId ?? null) : null;
  const [row] = await queryPrepared<ScopeRow>(manager, lock ? LOCK_SCOPE : READ_SCOPE, [
    taskId,
    departmentId,
  ]);
  if (!row) {
    throw taskNotFound();
  }
  const {
    assignmentId,
    assignmentRole,
    acknowledgedAt,
    acknowledgedBy,
    assignedAt,
    ...taskColumns
  } = row;
  const task = Object.assign(new Task(), taskColumns);
  if (user.role !== 'department') {
    return { task, assignment: null };
  }
  if (!assignmentId || !assignmentRole || !assignedAt) {
    // Answered exactly as a task that does not exist: a department learns nothing (not even
    // the number) about tasks it is not assigned to.
    throw taskNotFound();
  }
  const assignment = Object.assign(new TaskAssignment(), {
    id: assignmentId,
    taskId: task.id,
    departmentId,
    role: assignmentRole,
    acknowledgedAt,
    acknowledgedBy,
    assignedAt,
  });
  return { task, assignment };
}

/** The caller's assignment, for actions only an assigned department takes. */
export function requireAssignment(scope: TaskInScope, action: string): TaskAssignment {
  if (!scope.assignment) {
    throw new ForbiddenException(`Only an assigned department can ${action}`);
  }
  return scope.assignment;
}

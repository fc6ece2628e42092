/**
 * Where a query reads a task's id, status, deadline and completion time: the task row (alias `t`),
 * or the copies its assignments carry (alias `a`, kept by the triggers of migration
 * AssignmentTaskCopies), which let one department's queries stay in its assignment index.
 */
export interface TaskColumns {
  id: string;
  status: string;
  deadline: string;
  completedAt: string;
}

export const TASK_COLUMNS: TaskColumns = {
  id: 't.id',
  status: 't.status',
  deadline: 't.deadline',
  completedAt: 't.completed_at',
};

export const ASSIGNMENT_COPY_COLUMNS: TaskColumns = {
  id: 'a.task_id',
  status: 'a.task_status',
  deadline: 'a.task_deadline',
  completedAt: 'a.task_completed_at',
};

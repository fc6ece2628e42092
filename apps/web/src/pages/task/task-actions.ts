/**
 * Which workflow steps a person may take on a task, given their role and the task's state. The
 * api decides again on every call; this only keeps the page from offering a button the api
 * would refuse (a supporting department never sees 申报办结, a leader sees no button at all).
 */

export type ViewerRole = 'admin' | 'supervisor' | 'leader' | 'department';

export type TaskAction =
  | 'acknowledge'
  | 'reportProgress'
  | 'requestExtension'
  | 'declareCompletion'
  | 'approveCompletion'
  | 'returnCompletion'
  | 'decideExtension';

export interface Viewer {
  role: ViewerRole;
  /** The department of a department user; null for the office and leaders. */
  departmentId: string | null;
}

export interface TaskState {
  status: 'open' | 'completion_pending' | 'completed' | 'cancelled';
  /** YYYY-MM-DD, or null for a task without a deadline. */
  deadline: string | null;
  assignments: ReadonlyArray<{
    departmentId: string;
    role: 'lead' | 'support';
    acknowledgedAt: string | null;
  }>;
  extensions: ReadonlyArray<{ departmentId: string; state: 'pending' | 'approved' | 'rejected' }>;
  completions: ReadonlyArray<{ state: 'pending' | 'approved' | 'returned' }>;
}

/** Open or waiting for the office's decision on completion: progress may still be reported. */
function isOpen(task: TaskState): boolean {
  return task.status === 'open' || task.status === 'completion_pending';
}

function departmentActions(viewer: Viewer, task: TaskState, today: string): TaskAction[] {
  const own = task.assignments.find((a) => a.departmentId === viewer.departmentId);
  if (!own) {
    return [];
  }
  const actions: TaskAction[] = [];
  if (!own.acknowledgedAt) {
    actions.push('acknowledge');
  }
  if (!isOpen(task)) {
    return actions;
  }
  actions.push('reportProgress');
  if (own.role !== 'lead') {
    return actions;
  }
  const ownPending = task.extensions.some(
    (e) => e.departmentId === viewer.departmentId && e.state === 'pending',
  );
  // Extensions are asked for before the deadline passes (the api answers 409 after it).
  if (task.deadline !== null && today <= task.deadline && !ownPending) {
    actions.push('requestExtension');
  }
  if (task.status === 'open') {
    actions.push('declareCompletion');
  }
  return actions;
}

function officeActions(task: TaskState): TaskAction[] {
  const actions: TaskAction[] = [];
  if (task.status === 'completion_pending' && task.completions.some((c) => c.state === 'pending')) {
    actions.push('approveCompletion', 'returnCompletion');
  }
  if (task.extensions.some((e) => e.state === 'pending')) {
    actions.push('decideExtension');
  }
  return actions;
}

/** The steps `viewer` may take on `task` today (YYYY-MM-DD in Beijing), in the page's order. */
export function allowedActions(viewer: Viewer, task: TaskState, today: string): TaskAction[] {
  switch (viewer.role) {
    case 'department':
      return departmentActions(viewer, task, today);
    case 'admin':
    case 'supervisor':
      return officeActions(task);
    case 'leader':
      return [];
  }
}

/**
 * The order of a department's task cards: what is late first, then what falls due soonest, then
 * open tasks without a deadline, then tasks waiting for the office, then closed ones.
 */

export type Urgency = 'overdue' | 'dueSoon' | 'open' | 'waiting' | 'closed';

export interface OrderedTask {
  deadline: string | null;
  status: 'open' | 'completion_pending' | 'completed' | 'cancelled';
  /** The board's traffic light of the task as the api computed it (null when closed). */
  light: 'red' | 'yellow' | 'green' | null;
}

/**
 * The cards speak the board's language: overdue is its red and due soon its yellow, so a liaison
 * and the office never disagree about what is 临期 (the rule lives in the api alone).
 */
export function urgencyOf(task: OrderedTask): Urgency {
  if (task.status === 'completed' || task.status === 'cancelled') {
    return 'closed';
  }
  if (task.light === 'red') {
    // Late whether or not completion was declared: it counts against the department until approved.
    return 'overdue';
  }
  if (task.status === 'completion_pending') {
    return 'waiting';
  }
  return task.light === 'yellow' ? 'dueSoon' : 'open';
}

const RANK: Record<Urgency, number> = { overdue: 0, dueSoon: 1, open: 2, waiting: 3, closed: 4 };

/** A sorted copy: by urgency, then by deadline (earliest first; none last). */
export function orderMyTasks<T extends OrderedTask>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => {
    const byUrgency = RANK[urgencyOf(a)] - RANK[urgencyOf(b)];
    if (byUrgency !== 0) {
      return byUrgency;
    }
    if (a.deadline === b.deadline) {
      return 0;
    }
    if (a.deadline === null) {
      return 1;
    }
    if (b.deadline === null) {
      return -1;
    }
    return a.deadline < b.deadline ? -1 : 1;
  });
}

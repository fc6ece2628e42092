/**
 * The order of a department's task cards: what is late first, then what falls due soonest, then
 * open tasks without a deadline, then tasks waiting for the office, then closed ones.
 */

export type Urgency = 'overdue' | 'dueSoon' | 'open' | 'waiting' | 'closed';

export interface OrderedTask {
  deadline: string | null;
  status: 'open' | 'completion_pending' | 'completed' | 'cancelled';
}

/** How many calendar days ahead a deadline counts as 临期 on the cards. */
export const DUE_SOON_DAYS = 14;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function urgencyOf(task: OrderedTask, today: string): Urgency {
  if (task.status === 'completed' || task.status === 'cancelled') {
    return 'closed';
  }
  if (task.deadline !== null && task.deadline < today) {
    // Late whether or not completion was declared: it counts against the department until approved.
    return 'overdue';
  }
  if (task.status === 'completion_pending') {
    return 'waiting';
  }
  if (task.deadline !== null && task.deadline <= addDays(today, DUE_SOON_DAYS)) {
    return 'dueSoon';
  }
  return 'open';
}

const RANK: Record<Urgency, number> = { overdue: 0, dueSoon: 1, open: 2, waiting: 3, closed: 4 };

/** A sorted copy: by urgency, then by deadline (earliest first; none last). */
export function orderMyTasks<T extends OrderedTask>(tasks: readonly T[], today: string): T[] {
  return [...tasks].sort((a, b) => {
    const byUrgency = RANK[urgencyOf(a, today)] - RANK[urgencyOf(b, today)];
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

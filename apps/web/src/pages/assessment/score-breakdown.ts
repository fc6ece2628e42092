import type { components } from '../../api/schema';

export type DepartmentBreakdown = components['schemas']['DepartmentBreakdownDto'];
export type DeltaView = components['schemas']['DeltaViewDto'];

/** Points are exact to the hundredth: sums are done in integer hundredths, never in floats. */
function hundredths(points: number): number {
  return Math.round(points * 100);
}

function sumOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + hundredths(value), 0);
}

/** A task whose stated points differ from the sum of its rows. */
export interface TaskMismatch {
  taskId: string;
  stated: number;
  summed: number;
}

/**
 * Whether a department's score is what its parts say: every task's points the sum of its rows,
 * base + tasks = raw score, raw score + cap/floor rows = score. Shown beside the breakdown so a
 * clerk can trust (or question) the figure before signing it off.
 */
export interface BreakdownCheck {
  base: number;
  /** Sum of every task's rows. */
  tasksTotal: number;
  /** Sum of the cap / floor rows. */
  adjustmentsTotal: number;
  /** base + tasksTotal + adjustmentsTotal. */
  computed: number;
  /** The score the run stored (null when not assessed). */
  stated: number | null;
  taskMismatches: TaskMismatch[];
  /** base + tasks equals the stored raw score (true when there is none to compare). */
  rawMatches: boolean;
  addsUp: boolean;
}

export function checkBreakdown(breakdown: DepartmentBreakdown): BreakdownCheck {
  const taskMismatches: TaskMismatch[] = [];
  let tasks = 0;
  for (const task of breakdown.tasks) {
    const summed = sumOf(task.deltas.map((delta) => delta.points));
    tasks += summed;
    if (summed !== hundredths(task.points)) {
      taskMismatches.push({ taskId: task.taskId, stated: task.points, summed: summed / 100 });
    }
  }
  const base = hundredths(breakdown.base ?? 0);
  const adjustments = sumOf(breakdown.adjustments.map((delta) => delta.points));
  const computed = base + tasks + adjustments;
  const rawMatches = breakdown.rawScore === null || hundredths(breakdown.rawScore) === base + tasks;
  const stated = breakdown.score;
  return {
    base: base / 100,
    tasksTotal: tasks / 100,
    adjustmentsTotal: adjustments / 100,
    computed: computed / 100,
    stated,
    taskMismatches,
    rawMatches,
    addsUp:
      stated !== null &&
      taskMismatches.length === 0 &&
      rawMatches &&
      hundredths(stated) === computed,
  };
}

export const RULE_LABELS: Record<string, string> = {
  on_time: '按时办结',
  completed_late: '逾期办结',
  overdue_open: '逾期未办结',
  late_report: '进展迟报',
  missed_report: '进展漏报',
  quality_excellent: '办结质量：优',
  quality_good: '办结质量：良',
  quality_fair: '办结质量：中',
  quality_poor: '办结质量：差',
  cap: '封顶调整',
  floor: '保底调整',
};

/** A signed score for a row: +2.00, −5.00, 0.00. */
export function signedPoints(points: number, format: (value: number) => string): string {
  if (hundredths(points) > 0) {
    return `+${format(points)}`;
  }
  if (hundredths(points) < 0) {
    return `−${format(-points)}`;
  }
  return format(0);
}

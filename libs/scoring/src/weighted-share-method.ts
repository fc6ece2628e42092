import { fromHundredths, toHundredths, toTenThousandths } from './exact-points';
import { compareDeltas } from './delta-order';
import type { WeightedShareScheme } from './scheme.schema';
import type { AssessedResult, ScoreDelta } from './score-result';
import type { TaskOccurrence } from './task-occurrences';

const FULL_CREDIT = 10_000;

interface SettledTask {
  readonly delta: Omit<ScoreDelta, 'points' | 'share'>;
  /** Weight in hundredths. */
  readonly weight: number;
  /** Credit in ten-thousandths. */
  readonly credit: number;
  readonly daysLate: number;
}

export type WeightedShareOutcome =
  | {
      readonly status: 'assessed';
      readonly result: Omit<AssessedResult, 'departmentId' | 'year' | 'method' | 'status'>;
    }
  | { readonly status: 'not_assessed' };

/**
 * Weighted completion share × 100: Σ(weight × credit) / Σ(weight) over the settled tasks (completed,
 * or open past the deadline). Tasks not yet due are left out, not counted as failures.
 */
export function scoreByWeightedShare(
  scheme: WeightedShareScheme,
  occurrences: readonly TaskOccurrence[],
): WeightedShareOutcome {
  const { weights, lateness } = scheme.weightedShare;
  const decayPerDay = toTenThousandths(lateness.decayPerCalendarDay);
  const creditFloor = toTenThousandths(lateness.creditFloor);

  const settled: SettledTask[] = [];
  for (const { taskId, deadline, role, outcome } of occurrences) {
    const weight = toHundredths(weights[role]);
    const row = { taskId, deadline, role, period: null };
    switch (outcome.kind) {
      case 'on_time':
        if (scheme.counts.onTime) {
          settled.push({
            delta: {
              ...row,
              rule: 'on_time',
              eventId: outcome.completion.eventId,
              date: outcome.completion.approvedOn,
            },
            weight,
            credit: FULL_CREDIT,
            daysLate: 0,
          });
        }
        break;
      case 'completed_late':
        if (scheme.counts.overdue) {
          settled.push({
            delta: {
              ...row,
              rule: 'completed_late',
              eventId: outcome.completion.eventId,
              date: outcome.completion.approvedOn,
            },
            weight,
            credit: Math.max(creditFloor, FULL_CREDIT - decayPerDay * outcome.daysLate),
            daysLate: outcome.daysLate,
          });
        }
        break;
      case 'overdue_open':
        if (scheme.counts.overdue) {
          settled.push({
            delta: { ...row, rule: 'overdue_open', eventId: null, date: outcome.firstOverdueDay },
            weight,
            credit: 0,
            daysLate: outcome.daysLate,
          });
        }
        break;
      case 'pending':
        break;
    }
  }

  const totalWeight = settled.reduce((sum, task) => sum + task.weight, 0);
  if (totalWeight === 0) {
    return { status: 'not_assessed' };
  }
  settled.sort((a, b) => compareDeltas(a.delta, b.delta));
  const contributions = apportion(
    settled.map((task) => task.weight * task.credit),
    totalWeight,
  );
  const score = contributions.reduce((sum, hundredths) => sum + hundredths, 0);
  return {
    status: 'assessed',
    result: {
      base: 0,
      rawScore: fromHundredths(score),
      score: fromHundredths(score),
      deltas: settled.map((task, index) => ({
        ...task.delta,
        points: fromHundredths(contributions[index] ?? 0),
        share: {
          weight: fromHundredths(task.weight),
          credit: task.credit / FULL_CREDIT,
          daysLate: task.daysLate,
        },
      })),
    },
  };
}

/**
 * Each task's slice in hundredths of a point is numerator / denominator. The total is rounded once
 * (half up) and the slices by largest remainder, so the rows add up to the score exactly.
 */
function apportion(numerators: readonly number[], denominator: number): number[] {
  const total = numerators.reduce((sum, value) => sum + value, 0);
  const roundedTotal = Math.floor((2 * total + denominator) / (2 * denominator));
  const slices = numerators.map((value) => Math.floor(value / denominator));
  let remaining = roundedTotal - slices.reduce((sum, value) => sum + value, 0);
  const byRemainder = numerators
    .map((value, index) => ({ index, remainder: value % denominator }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (remaining <= 0) {
      break;
    }
    slices[index] = (slices[index] ?? 0) + 1;
    remaining -= 1;
  }
  return slices;
}

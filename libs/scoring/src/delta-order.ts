import type { DeltaRule, ScoreDelta } from './score-result';

/** The order of rules among deltas of one date and task (and of the breakdown's SQL readers). */
export const DELTA_RULE_ORDER: readonly DeltaRule[] = [
  'on_time',
  'completed_late',
  'overdue_open',
  'quality_excellent',
  'quality_good',
  'quality_fair',
  'quality_poor',
  'late_report',
  'missed_report',
  'cap',
  'floor',
];

/** Chronological, then by task and rule, so the breakdown reads the same on every run. */
export function compareDeltas(
  a: Pick<ScoreDelta, 'date' | 'taskId' | 'rule'>,
  b: Pick<ScoreDelta, 'date' | 'taskId' | 'rule'>,
): number {
  if (a.date !== b.date) {
    return a.date < b.date ? -1 : 1;
  }
  const taskA = a.taskId ?? '';
  const taskB = b.taskId ?? '';
  if (taskA !== taskB) {
    return taskA < taskB ? -1 : 1;
  }
  return DELTA_RULE_ORDER.indexOf(a.rule) - DELTA_RULE_ORDER.indexOf(b.rule);
}

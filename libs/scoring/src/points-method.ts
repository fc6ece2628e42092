import type { IsoDate } from './civil-date';
import type { AssignmentFact, ReportFact } from './department-facts';
import { fromHundredths, toHundredths } from './exact-points';
import type { PointsScheme, QualityRating } from './scheme.schema';
import type { AssessedResult, DeltaRule, ScoreDelta } from './score-result';
import { compareDeltas } from './delta-order';
import { assignmentsByTask, roleInForce, type TaskOccurrence } from './task-occurrences';

export interface PointsMethodInput {
  readonly scheme: PointsScheme;
  readonly departmentId: string;
  readonly occurrences: readonly TaskOccurrence[];
  /** Already narrowed to the department, the year and `asOf`, and deduplicated by event id. */
  readonly reports: readonly ReportFact[];
  readonly assignments: readonly AssignmentFact[];
  readonly asOf: IsoDate;
}

const QUALITY_RULES: Readonly<Record<QualityRating, DeltaRule>> = {
  excellent: 'quality_excellent',
  good: 'quality_good',
  fair: 'quality_fair',
  poor: 'quality_poor',
};

/** Deltas in hundredths until the very end, so the sum is exact. */
interface PendingDelta extends Omit<ScoreDelta, 'points'> {
  readonly hundredths: number;
}

/** The common points method: base, plus a delta per task outcome, report and rating, held within [floor, cap]. */
export function scoreByPoints(
  input: PointsMethodInput,
): Omit<AssessedResult, 'departmentId' | 'year' | 'method' | 'status'> {
  const { scheme, asOf } = input;
  const rules = scheme.points;
  const deltas: PendingDelta[] = [];

  for (const occurrence of input.occurrences) {
    const { taskId, deadline, role, outcome } = occurrence;
    // Fields are written out rather than spread from a shared row object: V8 takes a slow path
    // for `{ ...row, more }`, which made this loop several times slower on a million-task year.
    switch (outcome.kind) {
      case 'on_time':
        if (scheme.counts.onTime) {
          deltas.push({
            taskId,
            role,
            deadline,
            period: null,
            share: null,
            rule: 'on_time',
            eventId: outcome.completion.eventId,
            date: outcome.completion.approvedOn,
            hundredths: toHundredths(rules.onTime[role]),
          });
        }
        break;
      case 'completed_late':
        if (scheme.counts.overdue) {
          deltas.push({
            taskId,
            role,
            deadline,
            period: null,
            share: null,
            rule: 'completed_late',
            eventId: outcome.completion.eventId,
            date: outcome.completion.approvedOn,
            hundredths: toHundredths(rules.overdue[role]),
          });
        }
        break;
      case 'overdue_open':
        if (scheme.counts.overdue) {
          deltas.push({
            taskId,
            role,
            deadline,
            period: null,
            share: null,
            rule: 'overdue_open',
            eventId: null,
            date: outcome.firstOverdueDay,
            hundredths: toHundredths(rules.overdue[role]),
          });
        }
        break;
      case 'pending':
        break;
    }
    const completion =
      outcome.kind === 'on_time' || outcome.kind === 'completed_late' ? outcome.completion : null;
    const rating = completion?.rating ?? null;
    if (
      completion !== null &&
      rating !== null &&
      scheme.counts.quality &&
      rules.quality.appliesTo.includes(role)
    ) {
      deltas.push({
        taskId,
        role,
        deadline,
        period: null,
        share: null,
        rule: QUALITY_RULES[rating.rating],
        eventId: rating.eventId,
        date: completion.approvedOn,
        hundredths: toHundredths(rules.quality.ratings[rating.rating]),
      });
    }
  }

  const byTask =
    input.reports.length > 0 ? assignmentsByTask(input.assignments, input.departmentId) : null;
  for (const report of input.reports) {
    const counted = report.state === 'late' ? scheme.counts.lateReport : scheme.counts.missedReport;
    if (!counted) {
      continue;
    }
    deltas.push({
      taskId: report.taskId,
      eventId: report.eventId,
      rule: report.state === 'late' ? 'late_report' : 'missed_report',
      role: roleInForce(
        byTask?.get(report.taskId) ?? [],
        report.taskId,
        input.departmentId,
        report.date,
      ),
      date: report.date,
      deadline: null,
      period: report.period,
      share: null,
      hundredths: toHundredths(report.state === 'late' ? rules.lateReport : rules.missedReport),
    });
  }

  const ordered = deltas.sort(compareDeltas);
  const base = toHundredths(rules.base);
  const raw = ordered.reduce((sum, delta) => sum + delta.hundredths, base);
  const score = Math.min(toHundredths(rules.cap), Math.max(toHundredths(rules.floor), raw));
  if (score !== raw) {
    ordered.push({
      taskId: null,
      eventId: null,
      rule: score < raw ? 'cap' : 'floor',
      role: null,
      date: asOf,
      deadline: null,
      period: null,
      share: null,
      hundredths: score - raw,
    });
  }

  return {
    base: fromHundredths(base),
    rawScore: fromHundredths(raw),
    score: fromHundredths(score),
    // Written out field by field: an object rest in this loop costs a runtime call per delta,
    // and a million-task year has millions of deltas.
    deltas: ordered.map((delta): ScoreDelta => ({
      taskId: delta.taskId,
      eventId: delta.eventId,
      rule: delta.rule,
      role: delta.role,
      points: fromHundredths(delta.hundredths),
      date: delta.date,
      deadline: delta.deadline,
      period: delta.period,
      share: delta.share,
    })),
  };
}

import type { EntityManager } from 'typeorm';
import type { DeltaRule, Role } from '@duban/scoring';
import { BREAKDOWN_ORDER_SQL, STORED_DELTAS_SQL } from '../year-deltas.sql';

export interface ReportDelta {
  readonly taskId: string | null;
  readonly numberPath: string | null;
  readonly title: string | null;
  readonly rule: DeltaRule;
  readonly role: Role | null;
  readonly points: number;
  readonly date: string;
  readonly deadline: string | null;
  readonly period: string | null;
  readonly eventId: string | null;
}

export interface ReportDepartment {
  readonly departmentId: string;
  readonly name: string;
  readonly status: 'assessed' | 'not_assessed';
  readonly rank: number | null;
  readonly base: number | null;
  readonly score: number | null;
  readonly notAssessedReason: string | null;
  readonly deltas: ReportDelta[];
}

/** Everything a report file shows: the run, its scheme, the ranking and every delta. */
export interface ReportData {
  readonly year: number;
  readonly runId: string;
  readonly asOf: string;
  readonly method: string;
  readonly schemeSource: string;
  readonly scheme: Record<string, unknown>;
  readonly computedAt: string;
  /** In ranking order: ranked departments first, then those not assessed. */
  readonly departments: readonly ReportDepartment[];
}

/** Null when the run's results are no longer stored (a later run of the year replaced them). */
export async function loadReportData(
  manager: EntityManager,
  runId: string,
): Promise<ReportData | null> {
  const runs = await manager.query<
    {
      year: number;
      as_of: string;
      method: string;
      source: string;
      definition: Record<string, unknown>;
      finished_at: Date | null;
    }[]
  >(
    `SELECT run.year, run.as_of::text, s.method, s.source, s.definition, run.finished_at
     FROM assessment_runs run JOIN assessment_schemes s ON s.id = run.scheme_id
     WHERE run.id = $1 AND run.state = 'succeeded'`,
    [runId],
  );
  const run = runs[0];
  if (run === undefined) {
    return null;
  }
  const results = await manager.query<
    {
      id: string;
      department_id: string;
      name: string;
      status: 'assessed' | 'not_assessed';
      rank: number | null;
      base: string | null;
      score: string | null;
      not_assessed_reason: string | null;
    }[]
  >(
    `SELECT r.id, r.department_id, dep.name, r.status, r.rank, r.base, r.score, r.not_assessed_reason
     FROM assessment_results r JOIN departments dep ON dep.id = r.department_id
     WHERE r.run_id = $1
     ORDER BY r.rank NULLS LAST, r.department_id`,
    [runId],
  );
  if (results.length === 0) {
    return null;
  }
  const departments = results.map((row): ReportDepartment => ({
    departmentId: row.department_id,
    name: row.name,
    status: row.status,
    rank: row.rank,
    base: row.base === null ? null : Number(row.base),
    score: row.score === null ? null : Number(row.score),
    notAssessedReason: row.not_assessed_reason,
    deltas: [],
  }));
  const byResult = new Map(results.map((row, index) => [row.id, departments[index]]));
  const deltas = await manager.query<
    {
      result_id: string;
      task_id: string | null;
      number_path: string | null;
      title: string | null;
      rule: DeltaRule;
      role: Role | null;
      points: string;
      occurred_on: string;
      deadline: string | null;
      period: string | null;
      event_id: string | null;
    }[]
  >(
    `SELECT s.result_id, d.task_id, t.number_path, t.title, d.rule, d.role, d.points,
            d.occurred_on::text, d.deadline::text, d.period, d.event_id
     FROM assessment_results r
     JOIN ${STORED_DELTAS_SQL} ON s.result_id = r.id AND s.year = $2
     LEFT JOIN tasks t ON t.id = d.task_id
     WHERE r.run_id = $1
     ORDER BY s.result_id, ${BREAKDOWN_ORDER_SQL}`,
    [runId, run.year],
  );
  for (const row of deltas) {
    byResult.get(row.result_id)?.deltas.push({
      taskId: row.task_id,
      numberPath: row.number_path,
      title: row.title,
      rule: row.rule,
      role: row.role,
      points: Number(row.points),
      date: row.occurred_on,
      deadline: row.deadline,
      period: row.period,
      eventId: row.event_id,
    });
  }
  return {
    year: run.year,
    runId,
    asOf: run.as_of,
    method: run.method,
    schemeSource: run.source,
    scheme: run.definition,
    computedAt: (run.finished_at ?? new Date()).toISOString(),
    departments,
  };
}

/** The scheme as `path = value` lines (points.onTime.lead = 2), for the scheme sheet and section. */
export function flattenScheme(value: unknown, prefix = ''): [string, string][] {
  if (Array.isArray(value)) {
    return [[prefix, value.map(String).join(', ')]];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) =>
      flattenScheme(inner, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return [[prefix, String(value)]];
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import {
  rankDepartments,
  scoreDepartment,
  type AssessmentScheme,
  type DepartmentFacts,
  type ScoreDelta,
  type ScoreResult,
} from '@duban/scoring';
import type { YearFacts } from './year-facts.query';

export interface WrittenCounts {
  readonly assessed: number;
  readonly notAssessed: number;
  readonly deltas: number;
}

const NO_FACTS: DepartmentFacts = { tasks: [], assignments: [], reports: [] };
const DELTA_COLUMNS =
  'result_id, task_id, event_id, rule, role, points, occurred_on, deadline, period, share';
/** Departments scored per COPY chunk: large enough to keep PostgreSQL busy, small enough to stream. */
const DEPARTMENTS_PER_CHUNK = 20;

/**
 * Scores the year and replaces its stored results, inside the caller's transaction: the old rows
 * are deleted and the new ones written before one commit, so a reader sees the previous ranking
 * or the new one, never a mixture.
 *
 * Departments are scored one after another while their deltas stream to PostgreSQL through COPY,
 * so the database writes one batch while the next is scored, and no more than a chunk of delta
 * objects is alive at a time (a million-task year has millions). Results are inserted first as
 * placeholders and completed with their scores and ranks once every department is scored.
 * `facts` is consumed: each department's entry is removed once it is scored.
 */
export async function scoreAndReplaceYear(
  queryRunner: QueryRunner,
  input: {
    runId: string;
    year: number;
    asOf: string;
    scheme: AssessmentScheme;
    facts: YearFacts;
  },
): Promise<WrittenCounts> {
  const { runId, year, asOf, scheme, facts } = input;
  await queryRunner.query(
    `DELETE FROM assessment_deltas d USING assessment_results r
     WHERE d.result_id = r.id AND r.year = $1`,
    [year],
  );
  await queryRunner.query(`DELETE FROM assessment_results WHERE year = $1`, [year]);

  const departmentIds = facts.departments.map((department) => department.id);
  const resultIds = departmentIds.map(() => randomUUID());
  await queryRunner.query(
    `INSERT INTO assessment_results (id, year, department_id, method, status, run_id, computed_at)
     SELECT r.id, $1, r.department_id, $2, 'not_assessed', $3, now()
     FROM unnest($4::uuid[], $5::uuid[]) AS r(id, department_id)`,
    [year, scheme.method, runId, resultIds, departmentIds],
  );

  // Each result without its deltas: what ranking and the results table need.
  const summaries: ScoreResult[] = [];
  let deltaCount = 0;
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (let index = 0; index < departmentIds.length; index += 1) {
      const departmentId = departmentIds[index] ?? '';
      const result = scoreDepartment({
        scheme,
        year,
        departmentId,
        facts: facts.byDepartment.get(departmentId) ?? NO_FACTS,
        asOf,
      });
      // Scored: its facts can go, so the heap shrinks as the run advances.
      facts.byDepartment.delete(departmentId);
      if (result.status === 'assessed') {
        const resultId = resultIds[index] ?? '';
        for (const delta of result.deltas) {
          lines.push(copyLine(resultId, delta));
        }
        deltaCount += result.deltas.length;
        summaries.push({ ...result, deltas: [] });
      } else {
        summaries.push(result);
      }
      if ((index + 1) % DEPARTMENTS_PER_CHUNK === 0 && lines.length > 0) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length > 0) {
      yield `${lines.join('\n')}\n`;
    }
  }
  const client = (await queryRunner.connect()) as PoolClient;
  await pipeline(
    Readable.from(chunks()),
    client.query(copyFrom(`COPY assessment_deltas (${DELTA_COLUMNS}) FROM STDIN`)),
  );

  const ranks = new Map(
    rankDepartments(summaries).map((entry) => [entry.departmentId, entry.rank]),
  );
  await queryRunner.query(
    `UPDATE assessment_results r
     SET status = s.status, score = s.score, rank = s.rank, base = s.base,
         raw_score = s.raw_score, not_assessed_reason = s.reason
     FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::int[], $5::numeric[], $6::numeric[],
                 $7::text[]) AS s(id, status, score, rank, base, raw_score, reason)
     WHERE r.id = s.id`,
    [
      resultIds,
      summaries.map((r) => r.status),
      summaries.map((r) => (r.status === 'assessed' ? r.score : null)),
      summaries.map((r) => ranks.get(r.departmentId) ?? null),
      summaries.map((r) => (r.status === 'assessed' ? r.base : null)),
      summaries.map((r) => (r.status === 'assessed' ? r.rawScore : null)),
      summaries.map((r) => (r.status === 'not_assessed' ? r.reason : null)),
    ],
  );
  const assessed = summaries.filter((r) => r.status === 'assessed').length;
  return { assessed, notAssessed: summaries.length - assessed, deltas: deltaCount };
}

function copyLine(resultId: string, delta: ScoreDelta): string {
  return `${resultId}\t${copyValue(delta.taskId)}\t${copyValue(delta.eventId)}\t${delta.rule}\t${
    delta.role ?? '\\N'
  }\t${delta.points.toFixed(2)}\t${delta.date}\t${delta.deadline ?? '\\N'}\t${copyValue(
    delta.period,
  )}\t${delta.share === null ? '\\N' : copyValue(JSON.stringify(delta.share))}`;
}

/** COPY text format: \N is NULL; backslash, tab and line breaks are escaped. */
function copyValue(value: string | null): string {
  if (value === null) {
    return '\\N';
  }
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

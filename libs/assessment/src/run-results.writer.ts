import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import type { RankedDepartment, ScoreResult } from '@duban/scoring';

export interface WrittenCounts {
  readonly assessed: number;
  readonly notAssessed: number;
  readonly deltas: number;
}

const DELTA_COLUMNS =
  'result_id, task_id, event_id, rule, role, points, occurred_on, deadline, period, share';
const LINES_PER_CHUNK = 2000;

/**
 * Replaces the year's stored results with a run's, inside the caller's transaction: the old rows
 * are deleted and the new ones written before one commit, so a reader sees the previous ranking
 * or the new one, never a mixture. Deltas go through COPY: a million-task year has millions.
 */
export async function replaceYearResults(
  queryRunner: QueryRunner,
  input: {
    runId: string;
    year: number;
    results: readonly ScoreResult[];
    ranking: readonly RankedDepartment[];
  },
): Promise<WrittenCounts> {
  const { runId, year, results, ranking } = input;
  await queryRunner.query(
    `DELETE FROM assessment_deltas d USING assessment_results r
     WHERE d.result_id = r.id AND r.year = $1`,
    [year],
  );
  await queryRunner.query(`DELETE FROM assessment_results WHERE year = $1`, [year]);

  const ranks = new Map(ranking.map((entry) => [entry.departmentId, entry.rank]));
  const resultIds = results.map(() => randomUUID());
  await queryRunner.query(
    `INSERT INTO assessment_results
       (id, year, department_id, method, status, score, rank, base, raw_score, not_assessed_reason,
        run_id, computed_at)
     SELECT r.id, $1, r.department_id, r.method, r.status, r.score, r.rank, r.base, r.raw_score,
            r.reason, $2, now()
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::numeric[], $8::int[],
                 $9::numeric[], $10::numeric[], $11::text[])
       AS r(id, department_id, method, status, score, rank, base, raw_score, reason)`,
    [
      year,
      runId,
      resultIds,
      results.map((r) => r.departmentId),
      results.map((r) => r.method),
      results.map((r) => r.status),
      results.map((r) => (r.status === 'assessed' ? r.score : null)),
      results.map((r) => ranks.get(r.departmentId) ?? null),
      results.map((r) => (r.status === 'assessed' ? r.base : null)),
      results.map((r) => (r.status === 'assessed' ? r.rawScore : null)),
      results.map((r) => (r.status === 'not_assessed' ? r.reason : null)),
    ],
  );

  let deltas = 0;
  for (const result of results) {
    deltas += result.status === 'assessed' ? result.deltas.length : 0;
  }
  const client = (await queryRunner.connect()) as PoolClient;
  await pipeline(
    Readable.from(deltaLines(results, resultIds)),
    client.query(copyFrom(`COPY assessment_deltas (${DELTA_COLUMNS}) FROM STDIN`)),
  );
  const assessed = results.filter((r) => r.status === 'assessed').length;
  return { assessed, notAssessed: results.length - assessed, deltas };
}

function* deltaLines(
  results: readonly ScoreResult[],
  resultIds: readonly string[],
): Generator<string> {
  let chunk: string[] = [];
  for (let index = 0; index < results.length; index += 1) {
    const result = results[index];
    if (result?.status !== 'assessed') {
      continue;
    }
    const resultId = resultIds[index] ?? '';
    for (const delta of result.deltas) {
      chunk.push(
        [
          resultId,
          copyValue(delta.taskId),
          copyValue(delta.eventId),
          copyValue(delta.rule),
          copyValue(delta.role),
          delta.points.toFixed(2),
          delta.date,
          copyValue(delta.deadline),
          copyValue(delta.period),
          copyValue(delta.share === null ? null : JSON.stringify(delta.share)),
        ].join('\t'),
      );
      if (chunk.length === LINES_PER_CHUNK) {
        yield `${chunk.join('\n')}\n`;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) {
    yield `${chunk.join('\n')}\n`;
  }
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

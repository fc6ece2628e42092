import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  fromHundredths,
  rankDepartments,
  toHundredths,
  type AssessmentScheme,
  type RankedDepartment,
  type ScoreResult,
} from '@duban/scoring';
import {
  ROW_HUNDREDTHS_SQL,
  SCORING_SETTINGS,
  SqlParams,
  WHOLE_YEAR,
  slicesOf,
  yearDeltaQueries,
  readFactShape,
  type DeltaSlice,
  type FactShape,
  type YearDeltaQueries,
} from './year-deltas.sql';
import { finishResult } from './year-summary';

/**
 * Writing a year's results. A year has millions of deltas (one per applied rule), so they are
 * computed and written set-based in PostgreSQL, into a table of their own, each result's deltas
 * as parallel arrays in a few rows (assessment_deltas), aggregated in the pass that sums them:
 *
 * 1. `buildYearPartition` creates `assessment_deltas_<year>_<run>` (not yet a partition, so no
 *    reader sees it), fills it from `FILL_CONNECTIONS` connections side by side (each one slice
 *    of the year, `deltaSlices`: its task deltas, then those of the reports on its tasks, one row
 *    of each per department), adds a row of each assessed department's cap/floor adjustment, and
 *    finishes and ranks every department's result (`finishResult`, `rankDepartments`).
 * 2. `swapYearPartition`, in the transaction that marks the run succeeded, replaces the year's
 *    results, drops the year's previous partition of assessment_deltas and attaches the new one:
 *    a reader sees the previous ranking with its deltas or the new one with its deltas.
 *
 * The caller holds the year's lock (`YEAR_LOCK_KEY`) throughout, so a table left behind by an
 * interrupted run can be dropped by the next run of the year (`dropUnattachedPartitions`).
 */

export interface WrittenCounts {
  readonly assessed: number;
  readonly notAssessed: number;
  readonly deltas: number;
}

/** Seconds spent in each stage, for the run's log line and the benchmark. */
export interface WriteSeconds {
  /** Computing every task and report delta and writing it (several connections). */
  readonly deltas: number;
  /** Cap/floor rows, scores and ranks. */
  readonly results: number;
  /** Storing the results and swapping the partition in (the run's final transaction). */
  readonly swap: number;
}

export interface BuiltYear {
  readonly year: number;
  readonly partition: string;
  readonly method: AssessmentScheme['method'];
  readonly results: readonly { readonly id: string; readonly summary: ScoreResult }[];
  readonly ranking: readonly RankedDepartment[];
  readonly counts: WrittenCounts;
  readonly seconds: Omit<WriteSeconds, 'swap'>;
}

/**
 * Connections that compute and write the task deltas side by side. Two: the database this is
 * sized for has two cores, and an INSERT … SELECT runs on one. With the year's lock and the
 * snapshot's connection, a run uses four connections of the pool (fewer if the pool is smaller).
 */
export const FILL_CONNECTIONS = 2;

/** The columns of a stored delta, each aggregated into an array column (name, type). */
const DELTA_FIELDS = [
  ['task_id', 'task_ids', 'uuid[]'],
  ['event_id', 'event_ids', 'uuid[]'],
  ['rule', 'rules', 'text[]'],
  ['role', 'roles', 'varchar(10)[]'],
  ['hundredths', 'hundredths', 'int[]'],
  ['occurred_on', 'occurred_on', 'date[]'],
  ['deadline', 'deadlines', 'date[]'],
  ['period', 'periods', 'text[]'],
  ['share', 'shares', 'jsonb[]'],
  ['quality_rule', 'quality_rules', 'text[]'],
  ['quality_hundredths', 'quality_hundredths', 'int[]'],
] as const;

type DeltaField = (typeof DELTA_FIELDS)[number][0];

/**
 * A row's array columns from a delta SELECT `d`; a field none of the SELECT's deltas has (`absent`)
 * is stored as a null array rather than aggregated.
 */
function aggregatedArrays(absent: readonly DeltaField[]): string {
  return DELTA_FIELDS.map(([field, column, type]) =>
    absent.includes(field) ? `NULL::${type} AS ${column}` : `array_agg(d.${field}) AS ${column}`,
  ).join(', ');
}

/**
 * A row's sum, in the pass that builds its arrays, and its count, from the arrays just built (not
 * from the stored ones, compressed and out of line by then; counted per delta, it cost more).
 */
const ROW_SUM = `(sum(${ROW_HUNDREDTHS_SQL})::numeric / 100)::numeric(11,2) AS points_sum`;
const ROW_COUNT = `cardinality(array_remove(g.rules, NULL))
  + COALESCE(cardinality(array_remove(g.quality_rules, NULL)), 0)`;

const ARRAY_COLUMNS = DELTA_FIELDS.map(([, column]) => column).join(', ');

/** Connections the run may use beside the year's lock, from the pool's size (`database.poolSize`). */
function spareConnections(dataSource: DataSource): number {
  const max = (dataSource.options as { extra?: { max?: unknown } }).extra?.max;
  return (typeof max === 'number' ? max : 10) - 1;
}

/** Session advisory lock of a year's run: `SELECT pg_advisory_lock(<this>, year)`. */
export const YEAR_LOCK_KEY = `hashtext('duban:assessment-run')`;

/** The year's deltas table of a run; attached as the year's partition when the run succeeds. */
export function partitionName(year: number, runId: string): string {
  return `assessment_deltas_${Number(year)}_${runId.replace(/[^0-9a-f]/gi, '').slice(0, 12)}`;
}

/** Tables of the year left by interrupted runs (never attached). Call with the year's lock held. */
export async function dropUnattachedPartitions(
  dataSource: DataSource,
  year: number,
): Promise<void> {
  const leftovers = await dataSource.query<{ name: string }[]>(
    `SELECT c.oid::regclass::text AS name FROM pg_class c
     WHERE c.relkind = 'r' AND NOT c.relispartition AND c.relname LIKE $1
       AND c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'assessment_deltas'::regclass)`,
    [`assessment_deltas\\_${Number(year)}\\_%`],
  );
  for (const { name } of leftovers) {
    await dataSource.query(`DROP TABLE IF EXISTS ${name}`);
  }
}

export async function buildYearPartition(
  dataSource: DataSource,
  input: { runId: string; year: number; asOf: string; scheme: AssessmentScheme },
): Promise<BuiltYear> {
  const { runId, year, asOf, scheme } = input;
  const clock = stageClock();
  const partition = partitionName(year, runId);
  // A few thousand rows: the primary key costs nothing to keep up while they are written.
  await dataSource.query(
    `CREATE TABLE ${partition} (LIKE assessment_deltas INCLUDING DEFAULTS INCLUDING CONSTRAINTS
         INCLUDING COMPRESSION,
       CONSTRAINT ${partition}_pkey PRIMARY KEY (result_id, part, year),
       CONSTRAINT ${partition}_year_check CHECK (year = ${Number(year)}))`,
  );
  const written = await writeDeltas(dataSource, partition, input);
  const deltasSeconds = clock();
  const { departmentIds, resultIds, totals, withTasks, adjustmentPart } = written;

  const summaries = departmentIds.map((departmentId, index) => {
    const total = totals.get(resultIds[index] ?? '');
    return finishResult(scheme, year, asOf, departmentId, {
      hasTasks: withTasks.has(departmentId),
      points: total === undefined ? null : fromHundredths(total.hundredths),
    });
  });
  const adjustments = summaries.flatMap((summary, index) =>
    summary.status === 'assessed'
      ? summary.deltas.map((delta) => ({ resultId: resultIds[index] ?? '', delta }))
      : [],
  );
  if (adjustments.length > 0) {
    await dataSource.query(
      `INSERT INTO ${partition} (year, result_id, part, rules, hundredths, occurred_on, points_sum,
                                 delta_count)
       SELECT $1, a.result_id, $2, ARRAY[a.rule], ARRAY[a.hundredths], ARRAY[$3::date],
              (a.hundredths::numeric / 100)::numeric(11,2), 1
       FROM unnest($4::uuid[], $5::text[], $6::int[]) AS a(result_id, rule, hundredths)`,
      [
        year,
        adjustmentPart,
        asOf,
        adjustments.map((a) => a.resultId),
        adjustments.map((a) => a.delta.rule),
        adjustments.map((a) => toHundredths(a.delta.points)),
      ],
    );
  }
  const ranking = rankDepartments(summaries);
  const resultsSeconds = clock();

  const assessed = summaries.filter((r) => r.status === 'assessed').length;
  const deltaCount =
    [...totals.values()].reduce((sum, total) => sum + total.rows, 0) + adjustments.length;
  return {
    year,
    partition,
    method: scheme.method,
    results: summaries.map((summary, index) => ({ id: resultIds[index] ?? '', summary })),
    ranking,
    counts: { assessed, notAssessed: summaries.length - assessed, deltas: deltaCount },
    seconds: { deltas: deltasSeconds, results: resultsSeconds },
  };
}

/** A written row's result, the sum of its points and its number of deltas. */
interface RowTotal {
  readonly result_id: string;
  readonly hundredths: number;
  readonly rows: number;
}

interface WrittenDeltas {
  /** The directory, with the id each department's result will have. */
  readonly departmentIds: readonly string[];
  readonly resultIds: readonly string[];
  /** Sum (hundredths) and count of each result's deltas, by result id; none without deltas. */
  readonly totals: ReadonlyMap<string, { hundredths: number; rows: number }>;
  /** Departments with a task due in the year: assessed, deltas or not. */
  readonly withTasks: ReadonlySet<string>;
  /** The `part` of a result's cap/floor row, after its task and report rows. */
  readonly adjustmentPart: number;
}

/**
 * Writes the task and report deltas to `partition`. Every statement reads the facts as of one
 * moment: the snapshot of a transaction opened here, shared with the connections that write.
 */
async function writeDeltas(
  dataSource: DataSource,
  partition: string,
  input: { year: number; asOf: string; scheme: AssessmentScheme },
): Promise<WrittenDeltas> {
  const { year, asOf, scheme } = input;
  const reader = dataSource.createQueryRunner();
  await reader.connect();
  try {
    await reader.startTransaction('REPEATABLE READ');
    await reader.query(SCORING_SETTINGS);
    const [exported] = await select<{ snapshot: string }>(
      reader,
      `SELECT pg_export_snapshot() AS snapshot`,
    );
    const snapshot = exported?.snapshot ?? null;
    const departmentIds = (
      await select<{ id: string }>(reader, `SELECT id FROM departments ORDER BY id`)
    ).map((d) => d.id);
    const resultIds = departmentIds.map(() => randomUUID());
    const shape = await readFactShape((text) => select<FactShape>(reader, text));
    const queries = yearDeltaQueries(scheme, year, asOf, shape);
    /**
     * Writes `select`'s deltas as one row (`part`) per department, under its result's id, and
     * answers each row's sum and count: the arrays are built in the pass that sums them, and the
     * answer reads the row's totals, not its arrays (which are compressed and stored apart by then).
     */
    const write = async (
      queryRunner: QueryRunner,
      params: SqlParams,
      input: { select: string; part: number; absent: readonly DeltaField[] },
    ): Promise<RowTotal[]> => {
      const y = params.add(year, 'int');
      const part = params.add(input.part, 'smallint');
      const ids = params.add(departmentIds, 'uuid[]');
      const results = params.add(resultIds, 'uuid[]');
      return select<RowTotal>(
        queryRunner,
        `INSERT INTO ${partition} (year, result_id, part, ${ARRAY_COLUMNS}, points_sum, delta_count)
         SELECT ${y}, m.result_id, ${part}, ${ARRAY_COLUMNS}, g.points_sum, ${ROW_COUNT}
         FROM (SELECT d.department_id, ${aggregatedArrays(input.absent)}, ${ROW_SUM}
               FROM (${input.select}) d GROUP BY d.department_id) g
         JOIN unnest(${ids}, ${results}) AS m(department_id, result_id)
           ON m.department_id = g.department_id
         RETURNING result_id, (points_sum * 100)::int AS hundredths, delta_count AS rows`,
        params.values,
      );
    };
    const totals = new Map<string, { hundredths: number; rows: number }>();
    const addTotals = (rows: readonly RowTotal[]) => {
      for (const row of rows) {
        const total = totals.get(row.result_id) ?? { hundredths: 0, rows: 0 };
        total.hundredths += row.hundredths;
        total.rows += row.rows;
        totals.set(row.result_id, total);
      }
    };

    const fills = Math.max(1, Math.min(FILL_CONNECTIONS, spareConnections(dataSource) - 1));
    const slices = await deltaSlices(reader, queries.sliceBy, departmentIds, fills);
    // Task rows are parts 0 … n-1, report rows n … 2n-1, the cap/floor rows 2n.
    const firstReportsPart = slices.length;
    const adjustmentPart = 2 * slices.length;
    // Task deltas have no period; only the weighted share's have a share, only the points' a quality.
    const taskAbsent: DeltaField[] =
      scheme.method === 'points'
        ? ['period', 'share']
        : ['period', 'quality_rule', 'quality_hundredths'];
    // Each connection writes its slice's task deltas, then the deltas of the reports on the
    // slice's tasks, for every department: those found to have no task in the year lose their
    // report rows below.
    const reportDeltas = queries.reportDeltas;
    const reportTotals = (
      await Promise.all(
        slices.map((slice, index) =>
          inTransaction(dataSource, snapshot, async (queryRunner) => {
            const params = new SqlParams();
            const sql = queries.taskDeltas(params, slice);
            addTotals(
              await write(queryRunner, params, { select: sql, part: index, absent: taskAbsent }),
            );
            if (reportDeltas === null) {
              return [];
            }
            const reportParams = new SqlParams();
            const ids = reportParams.add(departmentIds, 'uuid[]');
            return write(queryRunner, reportParams, {
              select: reportDeltas(reportParams, ids, slice),
              part: firstReportsPart + index,
              absent: ['deadline', 'share', 'quality_rule', 'quality_hundredths'],
            });
          }),
        ),
      )
    ).flat();

    // A department without a task delta may still have tasks due (all pending, or weighing
    // nothing): it is assessed all the same.
    const hasDeltas = (index: number): boolean => totals.has(resultIds[index] ?? '');
    const checkParams = new SqlParams();
    const withoutDeltas = checkParams.add(
      departmentIds.filter((_, index) => !hasDeltas(index)),
      'uuid[]',
    );
    const withTasks = new Set([
      ...departmentIds.filter((_, index) => hasDeltas(index)),
      ...(
        await select<{ department_id: string }>(
          reader,
          queries.departmentsWithTasks(checkParams, withoutDeltas),
          checkParams.values,
        )
      ).map((row) => row.department_id),
    ]);
    // Only assessed departments count their reports.
    const assessedResults = new Set<string>(
      departmentIds.flatMap((id, index) => (withTasks.has(id) ? [resultIds[index] ?? ''] : [])),
    );
    const unassessed = reportTotals.filter((row) => !assessedResults.has(row.result_id));
    if (unassessed.length > 0) {
      // Outside the snapshot, which predates the rows the slices' connections wrote.
      await dataSource.query(
        `DELETE FROM ${partition} WHERE part >= $1 AND part < $2 AND result_id = ANY ($3)`,
        [firstReportsPart, adjustmentPart, unassessed.map((row) => row.result_id)],
      );
    }
    addTotals(reportTotals.filter((row) => assessedResults.has(row.result_id)));
    await reader.commitTransaction();
    return { departmentIds, resultIds, totals, withTasks, adjustmentPart };
  } catch (error: unknown) {
    if (reader.isTransactionActive) {
      await reader.rollbackTransaction();
    }
    throw error;
  } finally {
    await reader.release();
  }
}

/**
 * The year cut into `count` slices of about equal size (`sliceBy` of the queries): tasks at the
 * quantiles of the task facts' id histogram (PostgreSQL's statistics; before the table's first
 * ANALYZE there is none, and one slice computes the whole year), departments as equal runs of the
 * sorted directory.
 */
async function deltaSlices(
  queryRunner: QueryRunner,
  sliceBy: YearDeltaQueries['sliceBy'],
  departmentIds: readonly string[],
  count: number,
): Promise<DeltaSlice[]> {
  if (count <= 1) {
    return [WHOLE_YEAR];
  }
  if (sliceBy === 'department') {
    return slicesOf(departmentIds, count);
  }
  const [histogram] = await select<{ bounds: string[] | null }>(
    queryRunner,
    `SELECT histogram_bounds::text::uuid[] AS bounds FROM pg_stats
     WHERE schemaname = current_schema() AND tablename = 'assessment_task_facts'
       AND attname = 'task_id'`,
  );
  return slicesOf(histogram?.bounds ?? [], count);
}

/** The year's attached partition of assessment_deltas (none before its first run). */
export async function yearPartitions(
  queryable: DataSource | QueryRunner,
  year: number,
): Promise<string[]> {
  const rows = (await queryable.query(
    `SELECT c.oid::regclass::text AS name
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'assessment_deltas'::regclass
       AND pg_get_expr(c.relpartbound, c.oid) = $1`,
    [`FOR VALUES IN (${Number(year)})`],
  )) as { name: string }[];
  return rows.map((row) => row.name);
}

/**
 * Inside the caller's transaction: replaces the year's results with the built ones and the year's
 * partition of assessment_deltas with the built table. The previous partition goes whole.
 */
export async function swapYearPartition(
  queryRunner: QueryRunner,
  runId: string,
  built: BuiltYear,
): Promise<void> {
  const { year, partition, results } = built;
  const ranks = new Map(built.ranking.map((entry) => [entry.departmentId, entry.rank]));
  await queryRunner.query(`DELETE FROM assessment_results WHERE year = $1`, [year]);
  await queryRunner.query(
    `INSERT INTO assessment_results
       (id, year, department_id, method, status, score, rank, base, raw_score,
        not_assessed_reason, run_id, computed_at)
     SELECT s.id, $1, s.department_id, $2, s.status, s.score, s.rank, s.base, s.raw_score,
            s.reason, $3, now()
     FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::numeric[], $8::int[], $9::numeric[],
                 $10::numeric[], $11::text[])
          AS s(id, department_id, status, score, rank, base, raw_score, reason)`,
    [
      year,
      built.method,
      runId,
      results.map((r) => r.id),
      results.map((r) => r.summary.departmentId),
      results.map((r) => r.summary.status),
      results.map((r) => (r.summary.status === 'assessed' ? r.summary.score : null)),
      results.map((r) => ranks.get(r.summary.departmentId) ?? null),
      results.map((r) => (r.summary.status === 'assessed' ? r.summary.base : null)),
      results.map((r) => (r.summary.status === 'assessed' ? r.summary.rawScore : null)),
      results.map((r) => (r.summary.status === 'not_assessed' ? r.summary.reason : null)),
    ],
  );
  for (const name of await yearPartitions(queryRunner, year)) {
    await queryRunner.query(`DROP TABLE ${name}`);
  }
  await queryRunner.query(
    `ALTER TABLE assessment_deltas ATTACH PARTITION ${partition} FOR VALUES IN (${Number(year)})`,
  );
}

/** `work` in a transaction of its own; reading `snapshot` (exported) and with SCORING_SETTINGS when given one. */
async function inTransaction<T>(
  dataSource: DataSource,
  snapshot: string | null,
  work: (queryRunner: QueryRunner) => Promise<T>,
): Promise<T> {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    if (snapshot === null) {
      await queryRunner.startTransaction();
    } else {
      await queryRunner.startTransaction('REPEATABLE READ');
      await queryRunner.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, '')}'`);
      await queryRunner.query(SCORING_SETTINGS);
    }
    const result = await work(queryRunner);
    await queryRunner.commitTransaction();
    return result;
  } catch (error: unknown) {
    if (queryRunner.isTransactionActive) {
      await queryRunner.rollbackTransaction();
    }
    throw error;
  } finally {
    await queryRunner.release();
  }
}

/** Rows of a statement (an INSERT … RETURNING answers its rows, like a SELECT). */
async function select<Row>(
  queryRunner: QueryRunner,
  text: string,
  values?: unknown[],
): Promise<Row[]> {
  return (await queryRunner.query(text, values)) as Row[];
}

/** Each call returns the seconds since the previous one. */
function stageClock(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}

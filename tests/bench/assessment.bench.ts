/**
 * bench:assessment — the full annual run (every department scored and every delta written in
 * PostgreSQL, ranked, the stored results and deltas replaced in one transaction) beside one
 * hand-written SQL query computing the same points on the same data, measured in the same run.
 * The run's scores are checked against the query's, so both compute the same thing.
 * Usage: npm run bench:assessment [-- --tasks 1000000 --departments 2000] [-- --reuse]
 * (--reuse keeps the generated database for the next run with the same sizes)
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AssessmentRunner,
  schemeDigest,
  scoreYearInDatabase,
  yearPartitions,
} from '@duban/assessment';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@duban/db';
import { parseScheme, type PointsScheme } from '@duban/scoring';
import { defaultPointsSchemeInput } from '../../libs/scoring/test/scoring.factory';
import { report } from './bench-report';

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) || fallback : fallback;
};
const TASKS = arg('tasks', 1_000_000);
const DEPARTMENTS = arg('departments', 2000);
/** Departments without any task (the last ten): "not assessed". */
const IDLE_DEPARTMENTS = 10;
const REUSE = process.argv.includes('--reuse');
const YEAR = 2025;
const AS_OF = '2026-01-15';
const databaseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
databaseUrl.pathname = REUSE
  ? `/duban_bench_assessment_${TASKS}_${DEPARTMENTS}`
  : `/duban_bench_assessment_${randomUUID().slice(0, 8)}`;

const SCHEME = parseScheme(defaultPointsSchemeInput(YEAR), 'bench scheme') as PointsScheme;

const uuidSql = (prefix: string, n: string) =>
  `('${prefix}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/**
 * 1M one-off tasks due in the year, a lead for each and a supporting department for every other
 * one, 70 % approved (on time or late, more often late for some departments), a rating on every
 * approval, and late or missed reports. Set-based, so it takes seconds.
 */
async function generate(dataSource: DataSource): Promise<void> {
  const active = DEPARTMENTS - IDLE_DEPARTMENTS;
  const lead = `((i % ${active}) + 1)`;
  const support = `(((i * 31 + 7) % ${active}) + 1)`;
  await dataSource.query(
    `INSERT INTO departments (id, name)
     SELECT ${uuidSql('00000000', 'd')}, '部门' || d FROM generate_series(1, ${DEPARTMENTS}) d`,
  );
  await dataSource.query(
    `INSERT INTO assessment_task_facts (task_id, deadline, recurrence)
     SELECT ${uuidSql('10000000', 'i')}, make_date(${YEAR}, 1, 1) + ((i % 365) * 7919 % 365), 'none'
     FROM generate_series(1, ${TASKS}) i`,
  );
  await dataSource.query(
    `INSERT INTO assessment_assignment_facts (task_id, department_id, role, event_id)
     SELECT ${uuidSql('10000000', 'i')}, ${uuidSql('00000000', lead)}, 'lead', ${uuidSql('20000000', 'i')}
     FROM generate_series(1, ${TASKS}) i
     UNION ALL
     SELECT ${uuidSql('10000000', 'i')}, ${uuidSql('00000000', support)}, 'support', ${uuidSql('30000000', 'i')}
     FROM generate_series(2, ${TASKS}, 2) i`,
  );
  await dataSource.query(
    `INSERT INTO assessment_completion_facts
       (completion_id, task_id, approved_on, rating, occurrence_year, event_id)
     SELECT ${uuidSql('40000000', 'i')}, ${uuidSql('10000000', 'i')},
            make_date(${YEAR}, 1, 1) + ((i % 365) * 7919 % 365) + (((i % 40) * 13 % 40) - 30 + (${lead} % 15)),
            (ARRAY['excellent', 'good', 'fair', 'poor'])[i % 4 + 1], ${YEAR},
            ${uuidSql('50000000', 'i')}
     FROM generate_series(1, ${TASKS}) i
     WHERE i % 10 < 7`,
  );
  await dataSource.query(
    `INSERT INTO assessment_report_facts (event_id, task_id, department_id, period, state, due_on)
     SELECT ${uuidSql('60000000', 'r')}, ${uuidSql('10000000', 'r * 5')},
            ${uuidSql('00000000', `(((r * 5) % ${active}) + 1)`)},
            to_char(make_date(${YEAR}, r % 12 + 1, 28), 'YYYY-MM'),
            CASE WHEN r % 3 = 0 THEN 'missed' ELSE 'late' END,
            make_date(${YEAR}, r % 12 + 1, 28)
     FROM generate_series(1, ${Math.floor(TASKS / 5)}) r`,
  );
  await dataSource.query('VACUUM ANALYZE');
}

/**
 * The baseline: the points of every department in one query, written by hand for this scheme's
 * rules (role in force on the deadline, first approval, overdue by calendar, lead-only rating,
 * reports of assessed departments, then cap and floor).
 */
function baselineSql(scheme: PointsScheme): string {
  const p = scheme.points;
  return `
    WITH held AS (
      SELECT a.department_id, a.task_id, a.role, t.deadline
      FROM assessment_task_facts t
      JOIN assessment_assignment_facts a ON a.task_id = t.task_id
      WHERE t.recurrence = 'none' AND t.deadline >= make_date($1, 1, 1)
        AND t.deadline < make_date($1 + 1, 1, 1)
        AND COALESCE(a.valid_from, '1900-01-01') <= t.deadline
        AND (a.valid_to IS NULL OR t.deadline < a.valid_to)
    ), approval AS (
      SELECT DISTINCT ON (task_id) task_id, approved_on, rating
      FROM assessment_completion_facts WHERE approved_on <= $2::date
      ORDER BY task_id, approved_on
    ), task_points AS (
      SELECT h.department_id,
             sum(CASE
                   WHEN c.approved_on <= h.deadline
                     THEN CASE h.role WHEN 'lead' THEN ${p.onTime.lead} ELSE ${p.onTime.support} END
                   WHEN c.approved_on IS NOT NULL OR h.deadline < $2::date
                     THEN CASE h.role WHEN 'lead' THEN ${p.overdue.lead} ELSE ${p.overdue.support} END
                   ELSE 0 END
                 + CASE WHEN h.role = 'lead' THEN
                     CASE c.rating WHEN 'excellent' THEN ${p.quality.ratings.excellent}
                                   WHEN 'good' THEN ${p.quality.ratings.good}
                                   WHEN 'fair' THEN ${p.quality.ratings.fair}
                                   WHEN 'poor' THEN ${p.quality.ratings.poor} ELSE 0 END
                   ELSE 0 END) AS points
      FROM held h LEFT JOIN approval c ON c.task_id = h.task_id
      GROUP BY h.department_id
    ), report_points AS (
      SELECT department_id,
             sum(CASE state WHEN 'late' THEN ${p.lateReport} ELSE ${p.missedReport} END) AS points
      FROM assessment_report_facts
      WHERE due_on >= make_date($1, 1, 1) AND due_on < make_date($1 + 1, 1, 1) AND due_on <= $2::date
      GROUP BY department_id
    )
    SELECT t.department_id,
           LEAST(${p.cap}, GREATEST(${p.floor}, ${p.base} + t.points + COALESCE(r.points, 0)))::numeric(7,2)::text AS score
    FROM task_points t LEFT JOIN report_points r ON r.department_id = t.department_id`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** Times of the baseline, the replacing run and the what-if: each the median of this many. */
const REPEATS = 3;

/** `work` REPEATS times, each after `prepare` (not timed): the median time, with its value. */
async function medianOf<T>(
  work: () => Promise<T>,
  prepare: () => Promise<void> = () => Promise.resolve(),
): Promise<{ seconds: number; value: T }> {
  const times: { seconds: number; value: T }[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    await prepare();
    times.push(await timed(work));
  }
  times.sort((a, b) => a.seconds - b.seconds);
  const median = times[Math.floor(REPEATS / 2)];
  if (median === undefined) {
    throw new Error('no execution timed');
  }
  return median;
}

/** The year's stored results and deltas gone, as before its first run. */
async function dropStoredYear(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DELETE FROM assessment_results WHERE year = $1`, [YEAR]);
  for (const name of await yearPartitions(dataSource, YEAR)) {
    await dataSource.query(`DROP TABLE ${name}`);
  }
}

async function queueRun(dataSource: DataSource): Promise<string> {
  const [scheme] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO assessment_schemes (year, method, definition, digest, source)
     VALUES ($1, 'points', $2, $3, 'bench') ON CONFLICT (year, digest) DO UPDATE SET source = 'bench'
     RETURNING id`,
    [YEAR, JSON.stringify(SCHEME), schemeDigest(SCHEME)],
  );
  const [run] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO assessment_runs (year, scheme_id, as_of) VALUES ($1, $2, $3) RETURNING id`,
    [YEAR, scheme?.id, AS_OF],
  );
  if (run === undefined) {
    throw new Error('no run row');
  }
  return run.id;
}

async function main(): Promise<void> {
  const url = databaseUrl.toString();
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 4, applicationName: 'duban-bench' });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const [{ generated: already }] = await dataSource.query<[{ generated: boolean }]>(
      `SELECT EXISTS (SELECT 1 FROM departments) AS generated`,
    );
    if (already) {
      console.log(`reusing the data of ${databaseUrl.pathname.slice(1)}`);
    } else {
      const generated = await timed(() => generate(dataSource));
      console.log(
        `generated ${TASKS.toLocaleString('en-US')} tasks in ${generated.seconds.toFixed(1)} s`,
      );
    }

    const sql = baselineSql(SCHEME);
    await dataSource.query(sql, [YEAR, AS_OF]); // warm the cache for both sides
    // The baseline is one parallel query, whose time varies by a fifth from run to run on two
    // cores: each repeated figure is the median of REPEATS.
    const baseline = await medianOf(() =>
      dataSource.query<{ department_id: string; score: string }[]>(sql, [YEAR, AS_OF]),
    );

    const runner = new AssessmentRunner(dataSource);
    const runYear = async () => {
      const outcome = await runner.execute(await queueRun(dataSource));
      if (outcome.status !== 'succeeded') {
        throw new Error(`run did not succeed: ${JSON.stringify(outcome)}`);
      }
      return outcome;
    };
    // The first run of a year finds nothing stored; the reused database keeps earlier runs' year.
    const first = await medianOf(runYear, () => dropStoredYear(dataSource));
    const again = await medianOf(runYear);

    // Same points on both sides, department by department.
    const stored = await dataSource.query<{ department_id: string; score: string | null }[]>(
      `SELECT department_id, score::text FROM assessment_results WHERE year = $1`,
      [YEAR],
    );
    const expected = new Map(baseline.value.map((row) => [row.department_id, row.score]));
    const assessed = stored.filter((row) => row.score !== null);
    const mismatches = assessed.filter((row) => expected.get(row.department_id) !== row.score);
    if (assessed.length !== expected.size || mismatches.length > 0) {
      throw new Error(
        `the run and the SQL disagree: ${assessed.length} vs ${expected.size} departments, ` +
          `${mismatches.length} different scores, e.g. ${JSON.stringify(mismatches.slice(0, 3))}`,
      );
    }

    // The what-if: the same scoring summed by department, nothing stored.
    const whatIf = await medianOf(() => scoreYearInDatabase(dataSource, SCHEME, YEAR, AS_OF));
    const whatIfMismatches = whatIf.value.results.filter(
      (r) => r.status === 'assessed' && expected.get(r.departmentId) !== r.score.toFixed(2),
    );
    if (whatIfMismatches.length > 0) {
      throw new Error(
        `the what-if and the SQL disagree, e.g. ${JSON.stringify(whatIfMismatches[0])}`,
      );
    }

    const deltas = again.value.counts.deltas.toLocaleString('en-US');
    const dataset = `${TASKS.toLocaleString('en-US')} tasks, ${DEPARTMENTS.toLocaleString('en-US')} departments, ${deltas} deltas`;
    const sqlBaseline = {
      label: `one SQL query, same points, median of ${REPEATS}`,
      value: baseline.seconds,
    };
    report('assessment', [
      {
        figure: `annual run (first of the year, median of ${REPEATS}), s`,
        value: first.seconds,
        unit: 's',
        baseline: sqlBaseline,
        better: 'lower',
        aim: '≤ 1.5×, < 15 s',
        dataset,
      },
      {
        figure: `annual run (replacing the stored year, median of ${REPEATS}), s`,
        value: again.seconds,
        unit: 's',
        baseline: sqlBaseline,
        better: 'lower',
        aim: '≤ 1.5×, < 15 s',
        dataset,
      },
      {
        figure: `what-if (same scoring, summed, nothing stored, median of ${REPEATS}), s`,
        value: whatIf.seconds,
        unit: 's',
        baseline: sqlBaseline,
        better: 'lower',
        dataset,
      },
      ...(
        [
          ['deltas', 'computing every task and report delta, writing them as arrays'],
          ['results', 'cap/floor rows, scores, ranks'],
          ['swap', 'storing the results, swapping the partition in'],
        ] as const
      ).map(([stage, label]) => ({
        figure: `  of which: ${label}, s`,
        value: again.value.seconds[stage],
        unit: 's',
        better: 'lower' as const,
        dataset,
      })),
    ]);
  } finally {
    await dataSource.destroy();
    if (!REUSE) {
      await dropDatabase(url);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

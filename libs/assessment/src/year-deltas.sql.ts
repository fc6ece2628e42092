import {
  DELTA_RULE_ORDER,
  toHundredths,
  toTenThousandths,
  type AssessmentScheme,
  type PointsScheme,
  type WeightedShareScheme,
} from '@duban/scoring';

/**
 * The year's applied deltas computed set-based inside PostgreSQL, straight from the assessment
 * facts, by the rules of `scoreDepartment` in `@duban/scoring`, which stays the specification
 * (`year-deltas.sql.int-spec.ts` compares both on generated facts). A million-task year is scored
 * in one pass over the facts instead of being streamed through Node.
 *
 * Three queries, each a SELECT the caller may wrap (INSERT … SELECT, or sum by department):
 * - `taskDeltas`: the outcome and quality rows of every department's tasks due in the year (points),
 *   or each settled task's slice (weighted share);
 * - `reportDeltas`: the late and missed report rows of the given (assessed) departments;
 * - `departmentsWithTasks`: which of the given departments have a task due in the year, i.e. are
 *   assessed at all (one with tasks but no delta yet is assessed at the base score).
 * Every delta SELECT has the columns of `DELTA_SELECT_COLUMNS`. The cap/floor adjustment depends on
 * a department's total and is added by the caller (`finishResult`).
 *
 * Points are integers of hundredths (`hundredths`: 250 is 2.5 points), as the pure scorer counts.
 * A task's quality delta rides on the row of its outcome delta (`quality_rule`, `quality_hundredths`):
 * both name the same task, approval event, role, day and deadline, so one row per occurrence
 * carries both, and a year's rows to sort and aggregate are its occurrences, not its deltas. A row
 * whose outcome does not count (the scheme leaves it out) has a null `rule` and `hundredths`.
 */

/**
 * For the statements computing a year's deltas. The fact tables are read in task order from their
 * covering indexes and merge-joined (migration AssessmentFactsCoveringIndexes): no hash table, no
 * sort of the approvals, no heap access, whatever the heap's order (a slice of the benchmark year,
 * heap shuffled: 1.35 s merged, 2.2 s hashed). Hash joins are off so that the plan does not depend
 * on the planner's estimates (on small or skewed years it would pick them). A small work_mem on
 * purpose: the remaining sort by department runs in batches that fit the CPU's cache, which was
 * faster than one big in-memory sort (a slice took 1.36 s at 4MB, 1.43 s at 256MB). No JIT:
 * compiling these long expressions costs each statement about 0.3 s, more than it saves.
 */
export const SCORING_SETTINGS = `SET LOCAL work_mem = '4MB'; SET LOCAL enable_hashjoin = off; SET LOCAL jit = off`;

/** Positional parameters collected while the text is written. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** `$n::type` for a new parameter. */
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** The columns of every delta SELECT, in this order. */
export const DELTA_SELECT_COLUMNS =
  'department_id, task_id, event_id, rule, role, hundredths, occurred_on, deadline, period, share, quality_rule, quality_hundredths';

/** A delta SELECT row's points in hundredths: its outcome's and its quality's. */
export const ROW_HUNDREDTHS_SQL = 'COALESCE(hundredths, 0) + COALESCE(quality_hundredths, 0)';

/** The start of an assignment that counts from the task's first allocation. */
const FROM_THE_START = `DATE '1900-01-01'`;
const start = (alias: string): string => `COALESCE(${alias}.valid_from, ${FROM_THE_START})`;

/** A rule's place among the deltas of one date and task (`compareDeltas` of `@duban/scoring`). */
export function rulePositionSql(column: string): string {
  return `array_position(ARRAY[${DELTA_RULE_ORDER.map((rule) => `'${rule}'`).join(', ')}]::text[], ${column})`;
}

/**
 * The stored deltas as rows `d` (task_id, event_id, rule, role, points, occurred_on, deadline,
 * period, share) beside their row `s` of assessment_deltas, which holds them as parallel arrays:
 * element i is an outcome delta (rules[i]), a quality delta (quality_rules[i]) on the same task,
 * event, role and day, or both. A row written before quality_rules existed has none.
 */
export const STORED_DELTAS_SQL = `(assessment_deltas s
  CROSS JOIN LATERAL (
    SELECT e.task_id, e.event_id, q.rule, e.role, (q.hundredths::numeric / 100)::numeric(7,2) AS points,
           e.occurred_on, e.deadline, e.period, e.share
    FROM unnest(s.task_ids, s.event_ids, s.rules, s.roles, s.hundredths, s.occurred_on,
                s.deadlines, s.periods, s.shares, s.quality_rules, s.quality_hundredths)
           AS e(task_id, event_id, rule, role, hundredths, occurred_on, deadline, period, share,
                quality_rule, quality_hundredths)
    CROSS JOIN LATERAL (VALUES (e.rule, e.hundredths), (e.quality_rule, e.quality_hundredths))
           AS q(rule, hundredths)
    WHERE q.rule IS NOT NULL) d)`;

/**
 * ORDER BY of one result's deltas in the breakdown's order: chronological, then by task and rule
 * (`compareDeltas`), the cap/floor adjustment last; equal rows (two late reports of one task and
 * period) by event id. `d` is a stored delta (`STORED_DELTAS_SQL`).
 */
export const BREAKDOWN_ORDER_SQL = `d.rule IN ('cap', 'floor'), d.occurred_on, d.task_id NULLS FIRST, ${rulePositionSql('d.rule')}, d.event_id NULLS FIRST`;

/**
 * One of several disjoint slices of the year's task deltas, so that several connections can compute
 * and write them side by side: the ids in [from, to) (null: no bound on that side), of tasks for the
 * points method, of departments for the weighted share (whose slices need all of a department's
 * tasks together). A range rather than a hash of the id, because the planner estimates a range
 * from the column's statistics: every fact table of a slice can then be cut to the slice before
 * it is joined, without the planner mistaking half a million rows for a few thousand.
 */
export interface DeltaSlice {
  readonly from: string | null;
  readonly to: string | null;
}

export const WHOLE_YEAR: DeltaSlice = { from: null, to: null };

/**
 * `count` slices of about equal size from `sorted` ids (all of them, or a histogram's bounds): cut
 * at its quantiles, the first and last open-ended so that every id falls in one.
 */
export function slicesOf(sorted: readonly string[], count: number): DeltaSlice[] {
  const cuts = new Set<string>();
  for (let k = 1; k < count; k += 1) {
    const cut = sorted[Math.floor((k * sorted.length) / count)];
    if (cut !== undefined) {
      cuts.add(cut);
    }
  }
  const edges = [null, ...cuts, null];
  return edges.slice(1).map((to, index) => ({ from: edges[index] ?? null, to }));
}

export interface YearDeltaQueries {
  /**
   * The ids the slices cut: tasks for the points method, departments for the weighted share (a
   * department's slices need all of its tasks together). The caller cuts, the queries obey.
   */
  readonly sliceBy: 'task' | 'department';
  readonly taskDeltas: (params: SqlParams, slice?: DeltaSlice) => string;
  /**
   * Null when the scheme counts no report (the weighted share never does, so its slices, when
   * there are reports, are always of tasks). With a slice, the reports on the slice's tasks.
   */
  readonly reportDeltas:
    ((params: SqlParams, departmentIds: string, slice?: DeltaSlice) => string) | null;
  readonly departmentsWithTasks: (params: SqlParams, departmentIds: string) => string;
}

/**
 * Which rare kinds of facts the year's statements must handle. Most years have neither: their
 * statements then leave out the joins that find them, which cost a pass over the year's
 * assignments or completions each (`FACT_SHAPE_SQL` reads the shape, in the statements' snapshot).
 */
export interface FactShape {
  /** Some assignment was closed (a reassignment): a department may have held a task twice. */
  readonly closedAssignments: boolean;
  /** Some task recurs yearly: it is due on its day of each year, approved per occurrence. */
  readonly yearlyTasks: boolean;
}

/** Handles every kind of fact: the shape when it is not known. */
export const ANY_FACTS: FactShape = { closedAssignments: true, yearlyTasks: true };

/** One statement: the shape of the facts it sees (two lookups on partial indexes). */
export const FACT_SHAPE_SQL = `SELECT
  EXISTS (SELECT 1 FROM assessment_assignment_facts WHERE valid_to IS NOT NULL) AS "closedAssignments",
  EXISTS (SELECT 1 FROM assessment_task_facts WHERE recurrence = 'yearly') AS "yearlyTasks"`;

/** The shape of the facts, read with `query` in the snapshot the year's statements will read. */
export async function readFactShape(
  query: (text: string) => Promise<FactShape[]>,
): Promise<FactShape> {
  const [shape] = await query(FACT_SHAPE_SQL);
  return shape ?? ANY_FACTS;
}

/**
 * The queries for `scheme`'s year as of `asOf`; `departmentIds` is a uuid[] expression. `shape`
 * must be read in the same snapshot as the statements (or be `ANY_FACTS`).
 */
export function yearDeltaQueries(
  scheme: AssessmentScheme,
  year: number,
  asOf: string,
  shape: FactShape = ANY_FACTS,
): YearDeltaQueries {
  const dates = (params: SqlParams) => ({
    y: params.add(year, 'int'),
    asOf: params.add(asOf, 'date'),
  });
  const sliceBy = scheme.method === 'points' ? 'task' : 'department';
  return {
    sliceBy,
    taskDeltas: (params, slice = WHOLE_YEAR) => {
      const { y, asOf: asOfDate } = dates(params);
      const inSlice = sliceCondition(params, slice);
      const occurrences =
        sliceBy === 'task'
          ? occurrenceSql(y, asOfDate, shape, { task: inSlice, department: () => 'true' })
          : occurrenceSql(y, asOfDate, shape, { task: () => 'true', department: inSlice });
      return scheme.method === 'points'
        ? pointsTaskDeltas(scheme, occurrences, params)
        : weightedShareTaskDeltas(scheme, occurrences, asOfDate, params);
    },
    reportDeltas:
      scheme.method === 'points' && (scheme.counts.lateReport || scheme.counts.missedReport)
        ? (params, departmentIds, slice = WHOLE_YEAR) => {
            const { y, asOf: asOfDate } = dates(params);
            const inSlice = sliceCondition(params, slice);
            return pointsReportDeltas(
              scheme,
              { y, asOf: asOfDate, departmentIds, inSlice, shape },
              params,
            );
          }
        : null,
    departmentsWithTasks: (params, departmentIds) => {
      const y = params.add(year, 'int');
      return `SELECT DISTINCT a.department_id
FROM assessment_assignment_facts a
JOIN (${dueSql(y, shape, () => 'true')}) d ON d.task_id = a.task_id
WHERE a.department_id = ANY (${departmentIds})
  AND ${start('a')} <= d.deadline AND (a.valid_to IS NULL OR d.deadline < a.valid_to)`;
    },
  };
}

/** `column` within `slice`, as SQL: the slice's bounds become parameters once, used by every column. */
function sliceCondition(params: SqlParams, slice: DeltaSlice): (column: string) => string {
  const from = slice.from === null ? null : params.add(slice.from, 'uuid');
  const to = slice.to === null ? null : params.add(slice.to, 'uuid');
  return (column) => {
    const conditions: string[] = [];
    if (from !== null) {
      conditions.push(`${column} >= ${from}`);
    }
    if (to !== null) {
      conditions.push(`${column} < ${to}`);
    }
    return conditions.length === 0 ? 'true' : conditions.join(' AND ');
  };
}

/** The tasks due in the year: a one-off task by its deadline, a yearly one on the year's date of it. */
function dueSql(y: string, shape: FactShape, taskInSlice: (column: string) => string): string {
  if (!shape.yearlyTasks) {
    return `SELECT t.task_id, t.recurrence, t.deadline
FROM assessment_task_facts t
WHERE t.recurrence = 'none' AND t.deadline >= make_date(${y}, 1, 1)
  AND t.deadline < make_date(${y} + 1, 1, 1) AND ${taskInSlice('t.task_id')}`;
  }
  // The month and day of the first deadline in the year; 29 February becomes the 28th.
  const month = `extract(month FROM t.deadline)::int`;
  const sameDayInYear = `make_date(${y}, ${month}, 1) + (LEAST(extract(day FROM t.deadline)::int,
      extract(day FROM make_date(${y}, ${month}, 1) + interval '1 month' - interval '1 day')::int) - 1)`;
  return `SELECT t.task_id, t.recurrence,
       CASE WHEN t.recurrence = 'none' THEN t.deadline ELSE ${sameDayInYear} END AS deadline
FROM assessment_task_facts t
WHERE ((t.recurrence = 'none' AND t.deadline >= make_date(${y}, 1, 1)
        AND t.deadline < make_date(${y} + 1, 1, 1))
    OR (t.recurrence = 'yearly' AND t.deadline < make_date(${y} + 1, 1, 1)
        AND (t.until_year IS NULL OR t.until_year >= ${y})))
  AND ${taskInSlice('t.task_id')}`;
}

/**
 * Each department's occurrences: the due tasks it held on their deadline, in the role it held that
 * day (the latest-starting assignment; of two starting the same day, the later row), with the
 * task's first approval by asOf (a yearly task's, of the year's occurrence) and the outcome:
 * on_time, completed_late, overdue_open or pending. `OFFSET 0` keeps the outcome computed once.
 */
function occurrenceSql(
  y: string,
  asOf: string,
  shape: FactShape,
  inSlice: { task: (column: string) => string; department: (column: string) => string },
): string {
  const due = dueSql(y, shape, inSlice.task);
  const openAssignments = `SELECT a.department_id, a.task_id, a.role, d.deadline, d.recurrence
  FROM (${due}) d JOIN assessment_assignment_facts a ON a.task_id = d.task_id
  WHERE a.valid_to IS NULL AND ${start('a')} <= d.deadline AND ${inSlice.task('a.task_id')}
    AND ${inSlice.department('a.department_id')}`;
  // The approvals that count: by asOf; a one-off task's of all, a yearly task's of the year's
  // occurrence (the yearly tasks are few: their ids are hashed once). The first is the earliest,
  // of one day the lowest id.
  const approvals = `FROM assessment_completion_facts c
  WHERE c.approved_on <= ${asOf}${
    shape.yearlyTasks
      ? ` AND (c.occurrence_year = ${y}
         OR c.task_id NOT IN (SELECT t.task_id FROM assessment_task_facts t
                              WHERE t.recurrence = 'yearly'))`
      : ''
  }`;
  const firstApproval = 'c.approved_on, c.completion_id';
  /** `held` rows with their task's first approval (`approval`, a join naming it `c`) and outcome. */
  const withApproval = (held: string, approval: string) => `SELECT h.department_id, h.task_id,
       h.role, h.deadline, c.approved_on, c.rating, c.event_id,
       CASE WHEN c.task_id IS NULL
            THEN CASE WHEN h.deadline < ${asOf} THEN 'overdue_open' ELSE 'pending' END
            WHEN c.approved_on <= h.deadline THEN 'on_time'
            ELSE 'completed_late' END AS outcome
FROM (
  ${held}
) h
${approval}`;
  // Every task's first approval, in task order: merged with the held rows, also in task order.
  const mergedApproval = `LEFT JOIN (
  SELECT DISTINCT ON (c.task_id) c.task_id, c.approved_on, c.rating, c.event_id
  ${approvals} AND ${inSlice.task('c.task_id')}
  ORDER BY c.task_id, ${firstApproval}
) c ON c.task_id = h.task_id`;
  if (!shape.closedAssignments) {
    return `${withApproval(
      `-- No assignment was ever closed: the open one is the one in force.
  ${openAssignments}`,
      mergedApproval,
    )}
OFFSET 0`;
  }
  // At most one open row per task and department (a unique index): only a department that also
  // has a closed row on the task can hold two rows in force on one day, and needs ordering. Those
  // few look their task's first approval up by index, so that the many keep their task order.
  const onlyOpen = `${openAssignments}
    AND NOT EXISTS (SELECT 1 FROM assessment_assignment_facts x
                    WHERE x.valid_to IS NOT NULL AND x.task_id = a.task_id
                      AND x.department_id = a.department_id)`;
  const reassigned = `SELECT DISTINCT ON (a.task_id, a.department_id)
          a.department_id, a.task_id, a.role, d.deadline, d.recurrence
   FROM assessment_assignment_facts a
   JOIN (${due}) d ON d.task_id = a.task_id
   WHERE ${inSlice.task('a.task_id')} AND ${inSlice.department('a.department_id')} AND EXISTS (SELECT 1 FROM assessment_assignment_facts x
                 WHERE x.valid_to IS NOT NULL AND x.task_id = a.task_id
                   AND x.department_id = a.department_id)
     AND ${start('a')} <= d.deadline AND (a.valid_to IS NULL OR d.deadline < a.valid_to)
   ORDER BY a.task_id, a.department_id, ${start('a')} DESC, a.id DESC`;
  const lookedUpApproval = `LEFT JOIN LATERAL (
  SELECT c.task_id, c.approved_on, c.rating, c.event_id
  ${approvals} AND c.task_id = h.task_id
  ORDER BY ${firstApproval}
  LIMIT 1
) c ON true`;
  return `SELECT * FROM (
${withApproval(onlyOpen, mergedApproval)}
UNION ALL
${withApproval(reassigned, lookedUpApproval)}
) o
OFFSET 0`;
}

/** Points as an integer parameter of hundredths, the value `toHundredths` gives the pure scorer. */
function pointsParam(params: SqlParams, points: number): string {
  return params.add(toHundredths(points), 'int');
}

function pointsTaskDeltas(scheme: PointsScheme, occurrences: string, params: SqlParams): string {
  const rules = scheme.points;
  const counts = scheme.counts;
  const onTime = {
    lead: pointsParam(params, rules.onTime.lead),
    support: pointsParam(params, rules.onTime.support),
  };
  const overdue = {
    lead: pointsParam(params, rules.overdue.lead),
    support: pointsParam(params, rules.overdue.support),
  };
  const rating = rules.quality.ratings;
  const quality = {
    excellent: pointsParam(params, rating.excellent),
    good: pointsParam(params, rating.good),
    fair: pointsParam(params, rating.fair),
    poor: pointsParam(params, rating.poor),
  };
  const countOnTime = params.add(counts.onTime, 'boolean');
  const countOverdue = params.add(counts.overdue, 'boolean');
  const countQuality = params.add(counts.quality, 'boolean');
  const qualityRoles = params.add([...rules.quality.appliesTo], 'text[]');
  // One row per occurrence whose outcome or quality counts (see the quality columns above).
  return `SELECT o.department_id, o.task_id,
       CASE WHEN o.outcome = 'overdue_open' THEN NULL ELSE o.event_id END AS event_id,
       CASE WHEN o.counted THEN o.outcome END AS rule,
       o.role,
       CASE WHEN NOT o.counted THEN NULL
            WHEN o.outcome = 'on_time'
            THEN CASE o.role WHEN 'lead' THEN ${onTime.lead} ELSE ${onTime.support} END
            ELSE CASE o.role WHEN 'lead' THEN ${overdue.lead} ELSE ${overdue.support} END END
         AS hundredths,
       CASE WHEN o.outcome = 'overdue_open' THEN o.deadline + 1 ELSE o.approved_on END AS occurred_on,
       o.deadline, NULL::text AS period, NULL::jsonb AS share,
       CASE WHEN o.rated THEN 'quality_' || o.rating END AS quality_rule,
       CASE WHEN NOT o.rated THEN NULL
            WHEN o.rating = 'excellent' THEN ${quality.excellent} WHEN o.rating = 'good' THEN ${quality.good}
            WHEN o.rating = 'fair' THEN ${quality.fair} ELSE ${quality.poor} END AS quality_hundredths
FROM (
  SELECT o.*,
         (o.outcome = 'on_time' AND ${countOnTime})
           OR (o.outcome IN ('completed_late', 'overdue_open') AND ${countOverdue}) AS counted,
         (${countQuality} AND o.rating IS NOT NULL AND o.role = ANY (${qualityRoles})) AS rated
  FROM (${occurrences}) o
) o
WHERE o.counted OR o.rated`;
}

function pointsReportDeltas(
  scheme: PointsScheme,
  input: {
    y: string;
    asOf: string;
    departmentIds: string;
    inSlice: (column: string) => string;
    shape: FactShape;
  },
  params: SqlParams,
): string {
  const { y, asOf, departmentIds, inSlice, shape } = input;
  const late = pointsParam(params, scheme.points.lateReport);
  const missed = pointsParam(params, scheme.points.missedReport);
  const countLate = params.add(scheme.counts.lateReport, 'boolean');
  const countMissed = params.add(scheme.counts.missedReport, 'boolean');
  // The role in force on the due day: the open assignment, merge-joined in task order like the
  // task deltas' (a report is one of a few per assignment), unless the department also has a
  // closed one on the task (rare, hashed once); then the latest-starting of those in force that
  // day, as for a task's deadline.
  const role = shape.closedAssignments
    ? `CASE WHEN NOT EXISTS (SELECT 1 FROM assessment_assignment_facts x
                             WHERE x.valid_to IS NOT NULL AND x.task_id = r.task_id
                               AND x.department_id = r.department_id)
            THEN a.role
            ELSE (SELECT a.role FROM assessment_assignment_facts a
                  WHERE a.task_id = r.task_id AND a.department_id = r.department_id
                    AND ${start('a')} <= r.due_on AND (a.valid_to IS NULL OR r.due_on < a.valid_to)
                  ORDER BY ${start('a')} DESC, a.id DESC LIMIT 1) END`
    : 'a.role';
  return `SELECT r.department_id, r.task_id, r.event_id,
       CASE r.state WHEN 'late' THEN 'late_report' ELSE 'missed_report' END AS rule,
       ${role} AS role,
       CASE r.state WHEN 'late' THEN ${late} ELSE ${missed} END AS hundredths,
       r.due_on AS occurred_on, NULL::date AS deadline, r.period, NULL::jsonb AS share,
       NULL::text AS quality_rule, NULL::int AS quality_hundredths
FROM assessment_report_facts r
LEFT JOIN assessment_assignment_facts a
  ON a.task_id = r.task_id AND a.department_id = r.department_id
 AND a.valid_to IS NULL AND ${start('a')} <= r.due_on AND ${inSlice('a.task_id')}
WHERE ${inSlice('r.task_id')} AND r.due_on >= make_date(${y}, 1, 1) AND r.due_on < make_date(${y} + 1, 1, 1)
  AND r.due_on <= ${asOf}
  AND ((r.state = 'late' AND ${countLate}) OR (r.state = 'missed' AND ${countMissed}))
  AND r.department_id = ANY (${departmentIds})`;
}

function weightedShareTaskDeltas(
  scheme: WeightedShareScheme,
  occurrences: string,
  asOf: string,
  params: SqlParams,
): string {
  const { weights, lateness } = scheme.weightedShare;
  const weightLead = params.add(toHundredths(weights.lead), 'bigint');
  const weightSupport = params.add(toHundredths(weights.support), 'bigint');
  const decay = params.add(toTenThousandths(lateness.decayPerCalendarDay), 'bigint');
  const creditFloor = params.add(toTenThousandths(lateness.creditFloor), 'bigint');
  const countOnTime = params.add(scheme.counts.onTime, 'boolean');
  const countOverdue = params.add(scheme.counts.overdue, 'boolean');
  // Weight in hundredths, credit in ten-thousandths (1 = 10000), as the pure scorer counts them.
  // Each slice in hundredths of a point is weight × credit / total weight; the total is rounded
  // once (half up) and the slices by largest remainder, ties in breakdown order, so they add up.
  return `SELECT department_id, task_id, event_id, rule, role, hundredths::int AS hundredths,
       occurred_on, deadline, NULL::text AS period,
       jsonb_build_object('weight', trim_scale(weight::numeric / 100),
                          'credit', trim_scale(credit::numeric / 10000),
                          'daysLate', days_late) AS share,
       NULL::text AS quality_rule, NULL::int AS quality_hundredths
FROM (
  SELECT s.*, s.slice + CASE WHEN s.by_remainder <= s.remaining THEN 1 ELSE 0 END AS hundredths
  FROM (
  SELECT s.*, s.numerator / s.total_weight AS slice,
         (2 * s.total_numerator + s.total_weight) / (2 * s.total_weight)
           - sum(s.numerator / s.total_weight) OVER (PARTITION BY s.department_id)::bigint
           AS remaining,
         row_number() OVER (PARTITION BY s.department_id
                            ORDER BY s.numerator % s.total_weight DESC, s.occurred_on, s.task_id,
                                     ${rulePositionSql('s.rule')}) AS by_remainder
  FROM (
    SELECT s.*, s.weight * s.credit AS numerator,
           sum(s.weight) OVER department::bigint AS total_weight,
           sum(s.weight * s.credit) OVER department::bigint AS total_numerator
    FROM (
      SELECT o.department_id, o.task_id, o.role, o.deadline, o.outcome AS rule,
             CASE WHEN o.outcome = 'overdue_open' THEN NULL ELSE o.event_id END AS event_id,
             CASE WHEN o.outcome = 'overdue_open' THEN o.deadline + 1 ELSE o.approved_on END
               AS occurred_on,
             CASE o.role WHEN 'lead' THEN ${weightLead} ELSE ${weightSupport} END AS weight,
             CASE o.outcome WHEN 'on_time' THEN 10000::bigint WHEN 'overdue_open' THEN 0::bigint
                  ELSE GREATEST(${creditFloor}, 10000 - ${decay} * (o.approved_on - o.deadline))
                  END AS credit,
             CASE o.outcome WHEN 'on_time' THEN 0 WHEN 'overdue_open' THEN ${asOf} - o.deadline
                  ELSE o.approved_on - o.deadline END AS days_late
      FROM (${occurrences}) o
      WHERE (o.outcome = 'on_time' AND ${countOnTime})
         OR (o.outcome IN ('completed_late', 'overdue_open') AND ${countOverdue})
    ) s
    WINDOW department AS (PARTITION BY s.department_id)
  ) s
  WHERE s.total_weight > 0
  ) s
) s`;
}

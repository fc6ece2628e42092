import type { DataSource } from 'typeorm';
import {
  compareDeltas,
  parseScheme,
  rankDepartments,
  type AssessmentScheme,
  type ScoreDelta,
  type ScoreResult,
} from '@duban/scoring';
import { createTestDatabase, seededRandom, type TestDatabase } from '@duban/testing';
import {
  defaultPointsSchemeInput,
  defaultWeightedShareSchemeInput,
} from '../../scoring/test/scoring.factory';
import { AssessmentRunner } from './assessment-runner';
import { schemeDigest } from './scheme-source';
import { scoreYear } from './score-year';
import {
  BREAKDOWN_ORDER_SQL,
  FACT_SHAPE_SQL,
  SCORING_SETTINGS,
  SqlParams,
  STORED_DELTAS_SQL,
  yearDeltaQueries,
} from './year-deltas.sql';
import { loadYearFacts } from './year-facts.query';
import { scoreYearInDatabase } from './year-scores.query';

/**
 * The annual run scores in PostgreSQL (year-deltas.sql.ts); `scoreDepartment` of @duban/scoring is
 * the specification. Both score the same facts here: a hand-built set whose expected scores are
 * written out below, and a few hundred generated tasks with every kind of fact (handovers, role
 * changes, overlapping corrections, yearly tasks with 29 February, repeated approvals, approvals
 * and reports after the scoring date, reports on tasks of other years and of departments without
 * tasks), under five schemes and two scoring dates. Every result and every delta must agree.
 */

const YEAR = 2025;
const YEAR_END = '2026-01-15';
const MID_YEAR = '2025-07-10';

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Facts {
  departments: { id: string; name: string }[];
  tasks: {
    taskId: string;
    deadline: string | null;
    recurrence: 'none' | 'yearly';
    untilYear: number | null;
  }[];
  assignments: {
    taskId: string;
    departmentId: string;
    role: 'lead' | 'support';
    validFrom: string | null;
    validTo: string | null;
    eventId: string;
  }[];
  completions: {
    completionId: string;
    taskId: string;
    approvedOn: string;
    rating: 'excellent' | 'good' | 'fair' | 'poor' | null;
    occurrenceYear: number;
    eventId: string;
  }[];
  reports: {
    eventId: string;
    taskId: string;
    departmentId: string;
    period: string;
    state: 'late' | 'missed';
    dueOn: string;
  }[];
}

async function insertFacts(dataSource: DataSource, facts: Facts): Promise<void> {
  await dataSource.query(
    `INSERT INTO departments (id, name) SELECT * FROM unnest($1::uuid[], $2::text[])`,
    [facts.departments.map((d) => d.id), facts.departments.map((d) => d.name)],
  );
  await dataSource.query(
    `INSERT INTO assessment_task_facts (task_id, deadline, recurrence, until_year)
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::varchar[], $4::int[])`,
    [
      facts.tasks.map((t) => t.taskId),
      facts.tasks.map((t) => t.deadline),
      facts.tasks.map((t) => t.recurrence),
      facts.tasks.map((t) => t.untilYear),
    ],
  );
  // One by one, in order: the row id decides between two assignments starting the same day.
  for (const a of facts.assignments) {
    await dataSource.query(
      `INSERT INTO assessment_assignment_facts (task_id, department_id, role, valid_from, valid_to, event_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [a.taskId, a.departmentId, a.role, a.validFrom, a.validTo, a.eventId],
    );
  }
  await dataSource.query(
    `INSERT INTO assessment_completion_facts
       (completion_id, task_id, approved_on, rating, occurrence_year, event_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::varchar[], $5::int[], $6::uuid[])`,
    [
      facts.completions.map((c) => c.completionId),
      facts.completions.map((c) => c.taskId),
      facts.completions.map((c) => c.approvedOn),
      facts.completions.map((c) => c.rating),
      facts.completions.map((c) => c.occurrenceYear),
      facts.completions.map((c) => c.eventId),
    ],
  );
  await dataSource.query(
    `INSERT INTO assessment_report_facts (event_id, task_id, department_id, period, state, due_on)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::varchar[], $6::date[])`,
    [
      facts.reports.map((r) => r.eventId),
      facts.reports.map((r) => r.taskId),
      facts.reports.map((r) => r.departmentId),
      facts.reports.map((r) => r.period),
      facts.reports.map((r) => r.state),
      facts.reports.map((r) => r.dueOn),
    ],
  );
}

/** Generated facts: `taskCount` tasks over 14 departments, the last two never assigned. */
function generateFacts(seed: number, taskCount: number): Facts {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number): boolean => next() < p;
  const day = (from: string, span: number): string => addDays(from, Math.floor(next() * span));
  const id = () => uuidFrom(next);
  const facts: Facts = {
    departments: [],
    tasks: [],
    assignments: [],
    completions: [],
    reports: [],
  };
  for (let d = 0; d < 14; d += 1) {
    facts.departments.push({ id: id(), name: `部门${d}` });
  }
  const working = facts.departments.slice(0, 12).map((d) => d.id);
  const ratings = ['excellent', 'good', 'fair', 'poor', null] as const;

  for (let t = 0; t < taskCount; t += 1) {
    const taskId = id();
    const yearly = chance(0.12);
    const deadline = yearly
      ? chance(0.25)
        ? '2024-02-29'
        : day('2022-01-01', 4 * 365)
      : chance(0.02)
        ? null
        : day('2024-07-01', 730);
    const untilYear = yearly ? pick([null, null, 2024, 2025, 2026]) : null;
    facts.tasks.push({ taskId, deadline, recurrence: yearly ? 'yearly' : 'none', untilYear });
    const anchor =
      deadline === null ? '2025-06-30' : `${YEAR}${deadline.slice(4)}`.replace('-02-29', '-02-28');

    const lead = pick(working);
    const assign = (
      departmentId: string,
      role: 'lead' | 'support',
      validFrom: string | null,
      validTo: string | null,
    ) => facts.assignments.push({ taskId, departmentId, role, validFrom, validTo, eventId: id() });
    const kind = next();
    if (kind < 0.12) {
      // A handover of the lead, before or after the year's deadline.
      const other = pick(working.filter((w) => w !== lead));
      const handover = addDays(anchor, Math.floor(next() * 120) - 60);
      assign(lead, 'lead', null, handover);
      assign(other, 'lead', handover, null);
    } else if (kind < 0.17) {
      // A role change of one department: support, then lead.
      const change = addDays(anchor, Math.floor(next() * 120) - 60);
      assign(lead, 'support', null, change);
      assign(lead, 'lead', change, null);
    } else if (kind < 0.2) {
      // Corrections left two rows in force: the later start wins, the later row on equal starts.
      const start = addDays(anchor, -Math.floor(next() * 200));
      const sameStart = chance(0.5);
      if (chance(0.5)) {
        assign(lead, 'support', start, addDays(anchor, 30));
        assign(lead, 'lead', sameStart ? start : addDays(start, 5), null);
      } else {
        assign(lead, 'lead', sameStart ? start : addDays(start, -5), null);
        assign(lead, 'support', start, addDays(anchor, 30));
      }
    } else {
      assign(lead, 'lead', null, null);
    }
    const taken = new Set(
      facts.assignments.filter((a) => a.taskId === taskId).map((a) => a.departmentId),
    );
    for (const support of working.filter((w) => !taken.has(w) && chance(0.12))) {
      assign(support, 'support', chance(0.1) ? day('2025-01-01', 365) : null, null);
    }

    const years = yearly ? [2024, 2025, 2026] : [Number((deadline ?? '2025').slice(0, 4))];
    for (const occurrenceYear of years) {
      const due = yearly ? `${occurrenceYear}${anchor.slice(4)}` : anchor;
      const approvals = chance(0.65) ? (chance(0.08) ? 2 : 1) : 0;
      const first = addDays(due, Math.floor(next() * 70) - 40);
      for (let a = 0; a < approvals; a += 1) {
        facts.completions.push({
          completionId: id(),
          taskId,
          // A second approval on the same day or later: the first by date, then by id, counts.
          approvedOn: a === 0 || chance(0.5) ? first : addDays(first, 3),
          rating: pick(ratings),
          occurrenceYear: !yearly && chance(0.1) ? occurrenceYear + 1 : occurrenceYear,
          eventId: id(),
        });
      }
    }
  }
  for (let r = 0; r < taskCount; r += 1) {
    const task = pick(facts.tasks);
    const assigned = facts.assignments.filter((a) => a.taskId === task.taskId);
    const departmentId =
      assigned.length > 0 && chance(0.75)
        ? pick(assigned).departmentId
        : pick(facts.departments).id;
    const month = addDays('2024-12-01', Math.floor(next() * 15) * 31).slice(0, 7);
    facts.reports.push({
      eventId: id(),
      taskId: task.taskId,
      departmentId,
      period: month,
      state: chance(0.6) ? 'late' : 'missed',
      dueOn: `${month}-28`,
    });
  }
  return facts;
}

const HAND = {
  a: '00000000-0000-4000-a000-00000000000a',
  b: '00000000-0000-4000-a000-00000000000b',
  c: '00000000-0000-4000-a000-00000000000c',
  e: '00000000-0000-4000-a000-00000000000e',
  h1: '00000000-0000-4000-a000-000000000101',
  h2: '00000000-0000-4000-a000-000000000102',
  h3: '00000000-0000-4000-a000-000000000103',
  h4: '00000000-0000-4000-a000-000000000104',
  h5: '00000000-0000-4000-a000-000000000105',
  approveH1: '00000000-0000-4000-a000-0000000001a1',
  approveH2: '00000000-0000-4000-a000-0000000001a2',
  approveH3first: '00000000-0000-4000-a000-0000000001a3',
  lateReport: '00000000-0000-4000-a000-0000000001b1',
};
const event = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;

/**
 * The hand-computed set (points: base 80, on time lead +2 / support +1, overdue −5 / −2.5, late
 * report −0.1, missed −0.5, 优 +0.5 / 差 −1 for the lead; weighted share: lead 1, support 0.5,
 * −0.02 a day late, credit floor 0.5):
 * - H1 (due 2025-05-31) was handed from A to B on 2025-05-01; approved 2025-05-20, 优: B gets on
 *   time +2 and +0.5; A held nothing on the deadline and has no other task: not assessed.
 * - H2 is yearly from 2024-02-29: due 2025-02-28 in 2025. C leads; the 2024 occurrence was approved
 *   on 2024-02-20, the 2025 one on 2025-03-05 (5 days late), 差: −5 and −1.
 * - H3 (due 2025-09-30), B leads and C supports; approved twice on 2025-10-02: the approval with
 *   the smaller id (优) counts, 2 days late: B −5 and +0.5, C −2.5 (no rating for a supporter).
 * - H4 is due in 2026, led by C: its 2025-04 report arrived late, and counts in 2025 (−0.1, lead).
 * - E leads only H5 (due 2026) and missed a 2025 report: not assessed, the report counts nowhere.
 * C: 80 − 5 − 1 − 2.5 − 0.1 = 71.40; B: 80 + 2 + 0.5 − 5 + 0.5 = 78.00. Weighted share, C:
 * (1 × 0.90 + 0.5 × 0.96) / 1.5 = 92.00 (slices 60.00 and 32.00); B: (1 + 0.96) / 2 = 98.00.
 */
function handFacts(): Facts {
  return {
    departments: [
      { id: HAND.a, name: '甲' },
      { id: HAND.b, name: '乙' },
      { id: HAND.c, name: '丙' },
      { id: HAND.e, name: '戊' },
    ],
    tasks: [
      { taskId: HAND.h1, deadline: '2025-05-31', recurrence: 'none', untilYear: null },
      { taskId: HAND.h2, deadline: '2024-02-29', recurrence: 'yearly', untilYear: null },
      { taskId: HAND.h3, deadline: '2025-09-30', recurrence: 'none', untilYear: null },
      { taskId: HAND.h4, deadline: '2026-03-31', recurrence: 'none', untilYear: null },
      { taskId: HAND.h5, deadline: '2026-06-30', recurrence: 'none', untilYear: null },
    ],
    assignments: [
      {
        taskId: HAND.h1,
        departmentId: HAND.a,
        role: 'lead',
        validFrom: null,
        validTo: '2025-05-01',
        eventId: event(1),
      },
      {
        taskId: HAND.h1,
        departmentId: HAND.b,
        role: 'lead',
        validFrom: '2025-05-01',
        validTo: null,
        eventId: event(2),
      },
      {
        taskId: HAND.h2,
        departmentId: HAND.c,
        role: 'lead',
        validFrom: null,
        validTo: null,
        eventId: event(3),
      },
      {
        taskId: HAND.h3,
        departmentId: HAND.b,
        role: 'lead',
        validFrom: null,
        validTo: null,
        eventId: event(4),
      },
      {
        taskId: HAND.h3,
        departmentId: HAND.c,
        role: 'support',
        validFrom: null,
        validTo: null,
        eventId: event(5),
      },
      {
        taskId: HAND.h4,
        departmentId: HAND.c,
        role: 'lead',
        validFrom: null,
        validTo: null,
        eventId: event(6),
      },
      {
        taskId: HAND.h5,
        departmentId: HAND.e,
        role: 'lead',
        validFrom: null,
        validTo: null,
        eventId: event(7),
      },
    ],
    completions: [
      {
        completionId: event(11),
        taskId: HAND.h1,
        approvedOn: '2025-05-20',
        rating: 'excellent',
        occurrenceYear: 2025,
        eventId: HAND.approveH1,
      },
      {
        completionId: event(12),
        taskId: HAND.h2,
        approvedOn: '2024-02-20',
        rating: 'good',
        occurrenceYear: 2024,
        eventId: event(22),
      },
      {
        completionId: event(13),
        taskId: HAND.h2,
        approvedOn: '2025-03-05',
        rating: 'poor',
        occurrenceYear: 2025,
        eventId: HAND.approveH2,
      },
      {
        completionId: event(15),
        taskId: HAND.h3,
        approvedOn: '2025-10-02',
        rating: 'good',
        occurrenceYear: 2025,
        eventId: event(25),
      },
      {
        completionId: event(14),
        taskId: HAND.h3,
        approvedOn: '2025-10-02',
        rating: 'excellent',
        occurrenceYear: 2025,
        eventId: HAND.approveH3first,
      },
    ],
    reports: [
      {
        eventId: HAND.lateReport,
        taskId: HAND.h4,
        departmentId: HAND.c,
        period: '2025-04',
        state: 'late',
        dueOn: '2025-04-28',
      },
      {
        eventId: event(31),
        taskId: HAND.h5,
        departmentId: HAND.e,
        period: '2025-05',
        state: 'missed',
        dueOn: '2025-05-28',
      },
    ],
  };
}

const POINTS_DEFAULT = defaultPointsSchemeInput(YEAR);
const WEIGHTED_DEFAULT = defaultWeightedShareSchemeInput(YEAR);

const SCHEMES: Record<string, AssessmentScheme> = {
  'points, default': parseScheme(POINTS_DEFAULT, 'test'),
  'points, narrow cap and floor, quality for both roles': parseScheme(
    {
      ...POINTS_DEFAULT,
      points: {
        base: 80,
        cap: 83,
        floor: 78.5,
        onTime: { lead: 2.5, support: 0.75 },
        overdue: { lead: -3, support: -1.25 },
        lateReport: -0.15,
        missedReport: -0.35,
        quality: {
          appliesTo: ['support', 'lead'],
          ratings: { excellent: 1, good: 0.25, fair: -0.25, poor: -1.5 },
        },
      },
    },
    'test',
  ),
  'points, some kinds not counted': parseScheme(
    {
      ...POINTS_DEFAULT,
      counts: {
        onTime: false,
        overdue: true,
        lateReport: true,
        missedReport: false,
        quality: false,
      },
    },
    'test',
  ),
  'weighted share, default': parseScheme(WEIGHTED_DEFAULT, 'test'),
  'weighted share, support weighs nothing, only on-time counted': parseScheme(
    {
      ...WEIGHTED_DEFAULT,
      counts: { ...WEIGHTED_DEFAULT.counts, overdue: false },
      weightedShare: {
        weights: { lead: 1.25, support: 0 },
        lateness: { decayPerCalendarDay: 0.0125, creditFloor: 0.3333 },
      },
    },
    'test',
  ),
};

interface StoredDelta extends Omit<ScoreDelta, 'points'> {
  readonly points: number;
}

/** The specification's deltas in the stored breakdown's order (ties between equal rows by event). */
function inBreakdownOrder(deltas: readonly ScoreDelta[]): ScoreDelta[] {
  const adjustment = (d: ScoreDelta) => (d.rule === 'cap' || d.rule === 'floor' ? 1 : 0);
  return [...deltas].sort(
    (a, b) =>
      adjustment(a) - adjustment(b) ||
      compareDeltas(a, b) ||
      (a.eventId ?? '').localeCompare(b.eventId ?? ''),
  );
}

async function runYear(
  dataSource: DataSource,
  scheme: AssessmentScheme,
  asOf: string,
): Promise<string> {
  const [stored] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO assessment_schemes (year, method, definition, digest, source)
     VALUES ($1, $2, $3, $4, 'test') ON CONFLICT (year, digest) DO UPDATE SET source = 'test'
     RETURNING id`,
    [YEAR, scheme.method, JSON.stringify(scheme), schemeDigest(scheme)],
  );
  const [run] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO assessment_runs (year, scheme_id, as_of) VALUES ($1, $2, $3) RETURNING id`,
    [YEAR, stored?.id, asOf],
  );
  const outcome = await new AssessmentRunner(dataSource).execute(run?.id ?? '');
  expect(outcome.status).toBe('succeeded');
  return run?.id ?? '';
}

async function storedResults(dataSource: DataSource): Promise<
  Map<
    string,
    {
      status: string;
      reason: string | null;
      base: number | null;
      rawScore: number | null;
      score: number | null;
      rank: number | null;
      deltas: StoredDelta[];
    }
  >
> {
  const results = await dataSource.query<
    {
      id: string;
      department_id: string;
      status: string;
      not_assessed_reason: string | null;
      base: string | null;
      raw_score: string | null;
      score: string | null;
      rank: number | null;
    }[]
  >(
    `SELECT id, department_id, status, not_assessed_reason, base, raw_score, score, rank
     FROM assessment_results WHERE year = $1`,
    [YEAR],
  );
  const deltas = await dataSource.query<
    {
      result_id: string;
      task_id: string | null;
      event_id: string | null;
      rule: ScoreDelta['rule'];
      role: ScoreDelta['role'];
      points: string;
      occurred_on: string;
      deadline: string | null;
      period: string | null;
      share: ScoreDelta['share'];
    }[]
  >(
    `SELECT s.result_id, d.task_id, d.event_id, d.rule, d.role, d.points, d.occurred_on::text,
            d.deadline::text, d.period, d.share
     FROM ${STORED_DELTAS_SQL} WHERE s.year = $1
     ORDER BY s.result_id, ${BREAKDOWN_ORDER_SQL}`,
    [YEAR],
  );
  const number = (value: string | null) => (value === null ? null : Number(value));
  const byResult = new Map(
    results.map((r) => [
      r.id,
      {
        status: r.status,
        reason: r.not_assessed_reason,
        base: number(r.base),
        rawScore: number(r.raw_score),
        score: number(r.score),
        rank: r.rank,
        deltas: [] as StoredDelta[],
      },
    ]),
  );
  for (const d of deltas) {
    byResult.get(d.result_id)?.deltas.push({
      taskId: d.task_id,
      eventId: d.event_id,
      rule: d.rule,
      role: d.role,
      points: Number(d.points),
      date: d.occurred_on,
      deadline: d.deadline,
      period: d.period,
      share: d.share,
    });
  }
  return new Map(results.map((r) => [r.department_id, byResult.get(r.id) ?? never()]));
}

function never(): never {
  throw new Error('unreachable');
}

/** What the specification says of each department, in the stored form. */
function expected(results: readonly ScoreResult[]) {
  const ranks = new Map(rankDepartments(results).map((r) => [r.departmentId, r.rank]));
  return new Map(
    results.map((r) => [
      r.departmentId,
      r.status === 'assessed'
        ? {
            status: 'assessed',
            reason: null,
            base: r.base,
            rawScore: r.rawScore,
            score: r.score,
            rank: ranks.get(r.departmentId) ?? null,
            deltas: inBreakdownOrder(r.deltas),
          }
        : {
            status: 'not_assessed',
            reason: r.reason,
            base: null,
            rawScore: null,
            score: null,
            rank: null,
            deltas: [],
          },
    ]),
  );
}

describe('the annual run scores in PostgreSQL exactly as @duban/scoring specifies', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The run slices the year by the statistics of the task ids: none until the test says so.
    await db.dataSource.query(`ALTER TABLE assessment_task_facts SET (autovacuum_enabled = false)`);
    await insertFacts(db.dataSource, handFacts());
    await insertFacts(db.dataSource, generateFacts(20250601, 400));
  }, 120_000);
  afterAll(() => db.drop());

  /** The parts of the stored year holding task deltas (the only rows with deadlines). */
  const taskParts = async (): Promise<number[]> =>
    (
      await db.dataSource.query<{ part: number }[]>(
        `SELECT DISTINCT part FROM assessment_deltas WHERE deadlines IS NOT NULL ORDER BY part`,
      )
    ).map((row) => row.part);

  it('has every kind of fact, so the statements handle them all', async () => {
    expect(await db.dataSource.query(FACT_SHAPE_SQL)).toEqual([
      { closedAssignments: true, yearlyTasks: true },
    ]);
  });

  it('computes the year in one slice without statistics, in two with them, alike', async () => {
    for (const name of ['points, default', 'weighted share, default']) {
      const scheme = SCHEMES[name];
      const specification = expected(
        scoreYear(scheme, YEAR, YEAR_END, await loadYearFacts(db.dataSource, YEAR)).results,
      );
      await db.dataSource.query(`DELETE FROM pg_statistic
                                 WHERE starelid = 'assessment_task_facts'::regclass`);
      await runYear(db.dataSource, scheme, YEAR_END);
      // Points slice by task statistics; the weighted share by the directory, known either way.
      expect(await taskParts()).toEqual(scheme.method === 'points' ? [0] : [0, 1]);
      expect(Object.fromEntries(await storedResults(db.dataSource))).toEqual(
        Object.fromEntries(specification),
      );

      await db.dataSource.query(`ANALYZE assessment_task_facts`);
      await runYear(db.dataSource, scheme, YEAR_END);
      expect(await taskParts()).toEqual([0, 1]);
      expect(Object.fromEntries(await storedResults(db.dataSource))).toEqual(
        Object.fromEntries(specification),
      );
    }
  }, 120_000);

  it('scores the hand-computed departments as written out above', async () => {
    await runYear(db.dataSource, SCHEMES['points, default'], YEAR_END);
    const stored = await storedResults(db.dataSource);
    expect(stored.get(HAND.a)).toMatchObject({
      status: 'not_assessed',
      reason: 'no_tasks_in_year',
    });
    expect(stored.get(HAND.e)).toMatchObject({
      status: 'not_assessed',
      reason: 'no_tasks_in_year',
    });
    expect(stored.get(HAND.b)).toMatchObject({ status: 'assessed', score: 78, rawScore: 78 });
    expect(stored.get(HAND.b)?.deltas.filter((d) => d.taskId === HAND.h1)).toEqual([
      expect.objectContaining({
        rule: 'on_time',
        role: 'lead',
        points: 2,
        date: '2025-05-20',
        eventId: HAND.approveH1,
      }),
      expect.objectContaining({
        rule: 'quality_excellent',
        role: 'lead',
        points: 0.5,
        date: '2025-05-20',
      }),
    ]);
    expect(stored.get(HAND.c)).toMatchObject({ status: 'assessed', base: 80, score: 71.4 });
    expect(
      stored
        .get(HAND.c)
        ?.deltas.map((d) => [
          d.taskId,
          d.rule,
          d.role,
          d.points,
          d.date,
          d.deadline ?? d.period,
          d.eventId,
        ]),
    ).toEqual([
      [HAND.h2, 'completed_late', 'lead', -5, '2025-03-05', '2025-02-28', HAND.approveH2],
      [HAND.h2, 'quality_poor', 'lead', -1, '2025-03-05', '2025-02-28', HAND.approveH2],
      [HAND.h4, 'late_report', 'lead', -0.1, '2025-04-28', '2025-04', HAND.lateReport],
      [HAND.h3, 'completed_late', 'support', -2.5, '2025-10-02', '2025-09-30', HAND.approveH3first],
    ]);

    await runYear(db.dataSource, SCHEMES['weighted share, default'], YEAR_END);
    const shares = await storedResults(db.dataSource);
    expect(shares.get(HAND.c)).toMatchObject({ status: 'assessed', score: 92 });
    expect(shares.get(HAND.c)?.deltas.map((d) => [d.taskId, d.points, d.share])).toEqual([
      [HAND.h2, 60, { weight: 1, credit: 0.9, daysLate: 5 }],
      [HAND.h3, 32, { weight: 0.5, credit: 0.96, daysLate: 2 }],
    ]);
    expect(shares.get(HAND.b)).toMatchObject({ status: 'assessed', score: 98 });
  }, 120_000);

  describe.each([
    ['at the year end', YEAR_END],
    ['in the middle of the year', MID_YEAR],
  ])('%s', (_when, asOf) => {
    it.each(Object.keys(SCHEMES))(
      'stores the results and deltas the specification gives (%s)',
      async (name) => {
        const scheme = SCHEMES[name];
        const specification = expected(
          scoreYear(scheme, YEAR, asOf, await loadYearFacts(db.dataSource, YEAR)).results,
        );
        // Something to compare: the generated year has assessed and unassessed departments.
        const statuses = [...specification.values()].map((r) => r.status);
        expect(statuses).toContain('assessed');
        expect(statuses).toContain('not_assessed');

        await runYear(db.dataSource, scheme, asOf);
        const stored = await storedResults(db.dataSource);
        expect(stored.size).toBe(specification.size);
        for (const [departmentId, result] of specification) {
          expect({ departmentId, ...stored.get(departmentId) }).toEqual({
            departmentId,
            ...result,
          });
        }
        const [{ count }] = await db.dataSource.query<[{ count: number }]>(
          `SELECT count(*)::int AS count FROM ${STORED_DELTAS_SQL}`,
        );
        expect(count).toBe([...specification.values()].reduce((n, r) => n + r.deltas.length, 0));

        // The what-if sums the same deltas without storing them.
        const whatIf = await scoreYearInDatabase(db.dataSource, scheme, YEAR, asOf);
        for (const result of whatIf.results) {
          const spec = specification.get(result.departmentId);
          expect({
            departmentId: result.departmentId,
            status: result.status,
            score: result.status === 'assessed' ? result.score : null,
            reason: result.status === 'not_assessed' ? result.reason : null,
          }).toEqual({
            departmentId: result.departmentId,
            status: spec?.status,
            score: spec?.score,
            reason: spec?.reason,
          });
        }
      },
      120_000,
    );
  });

  describe('runs', () => {
    const partitions = () =>
      db.dataSource.query<{ name: string; attached: boolean }[]>(
        `SELECT relname AS name, relispartition AS attached FROM pg_class
         WHERE relkind = 'r' AND relname LIKE 'assessment\\_deltas\\_%' ORDER BY 1`,
      );

    it('drop a table an interrupted run of the year left, and attach one partition', async () => {
      await db.dataSource.query(
        `CREATE TABLE assessment_deltas_${YEAR}_0123456789ab (LIKE assessment_deltas)`,
      );
      const runId = await runYear(db.dataSource, SCHEMES['points, default'], YEAR_END);
      expect(await partitions()).toEqual([
        {
          name: `assessment_deltas_${YEAR}_${runId.replace(/-/g, '').slice(0, 12)}`,
          attached: true,
        },
      ]);
    }, 120_000);

    it('let one of two executions of a run write it; the other finds it finished', async () => {
      const scheme = SCHEMES['points, default'];
      const [stored] = await db.dataSource.query<{ id: string }[]>(
        `SELECT id FROM assessment_schemes WHERE digest = $1`,
        [schemeDigest(scheme)],
      );
      const [run] = await db.dataSource.query<{ id: string }[]>(
        `INSERT INTO assessment_runs (year, scheme_id, as_of) VALUES ($1, $2, $3) RETURNING id`,
        [YEAR, stored?.id, YEAR_END],
      );
      const runner = new AssessmentRunner(db.dataSource);
      const outcomes = await Promise.all([
        runner.execute(run?.id ?? ''),
        runner.execute(run?.id ?? ''),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['skipped', 'succeeded']);
      expect((await partitions()).filter((p) => p.attached)).toHaveLength(1);
      expect(await partitions()).toHaveLength(1);
      const [{ runs }] = await db.dataSource.query<[{ runs: number }]>(
        `SELECT count(DISTINCT run_id)::int AS runs FROM assessment_results WHERE year = $1`,
        [YEAR],
      );
      expect(runs).toBe(1);
    }, 120_000);
  });
});

/** The generated facts without the rare kinds: no closed assignment, no yearly task. */
function commonFacts(facts: Facts): Facts {
  const yearly = new Set(facts.tasks.filter((t) => t.recurrence === 'yearly').map((t) => t.taskId));
  const kept = <T extends { taskId: string }>(rows: readonly T[]) =>
    rows.filter((row) => !yearly.has(row.taskId));
  return {
    departments: facts.departments,
    tasks: kept(facts.tasks),
    assignments: kept(facts.assignments).filter((a) => a.validTo === null),
    completions: kept(facts.completions),
    reports: kept(facts.reports),
  };
}

describe('a year of open assignments and one-off tasks only', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertFacts(db.dataSource, commonFacts(generateFacts(20250602, 400)));
    // VACUUM marks the pages all-visible, as autovacuum does on live fact tables.
    await db.dataSource.query(`VACUUM ANALYZE`);
  }, 120_000);
  afterAll(() => db.drop());

  it('is scored by the leaner statements exactly as specified', async () => {
    expect(await db.dataSource.query(FACT_SHAPE_SQL)).toEqual([
      { closedAssignments: false, yearlyTasks: false },
    ]);
    for (const [name, scheme] of Object.entries(SCHEMES)) {
      for (const asOf of [YEAR_END, MID_YEAR]) {
        const specification = expected(
          scoreYear(scheme, YEAR, asOf, await loadYearFacts(db.dataSource, YEAR)).results,
        );
        await runYear(db.dataSource, scheme, asOf);
        expect({
          name,
          asOf,
          results: Object.fromEntries(await storedResults(db.dataSource)),
        }).toEqual({ name, asOf, results: Object.fromEntries(specification) });
        const whatIf = await scoreYearInDatabase(db.dataSource, scheme, YEAR, asOf);
        expect({
          name,
          asOf,
          scores: whatIf.results.map((r) => [
            r.departmentId,
            r.status === 'assessed' ? r.score : null,
          ]),
        }).toEqual({
          name,
          asOf,
          scores: whatIf.results.map((r) => [
            r.departmentId,
            specification.get(r.departmentId)?.score ?? null,
          ]),
        });
      }
    }
  }, 120_000);

  it('merges the facts in task order from their indexes alone, with no hash table', async () => {
    const queries = yearDeltaQueries(SCHEMES['points, default'], YEAR, YEAR_END, {
      closedAssignments: false,
      yearlyTasks: false,
    });
    const taskParams = new SqlParams();
    const tasks = queries.taskDeltas(taskParams);
    const reportParams = new SqlParams();
    const departments = reportParams.add(
      (await db.dataSource.query<{ id: string }[]>(`SELECT id FROM departments`)).map((d) => d.id),
      'uuid[]',
    );
    const reports = queries.reportDeltas?.(reportParams, departments) ?? '';
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(SCORING_SETTINGS);
      // Small tables tempt the planner to read them whole: ask for the path it takes at size.
      await runner.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off');
      const plan = async (sql: string, values: unknown[]) =>
        ((await runner.query(`EXPLAIN ${sql}`, values)) as { 'QUERY PLAN': string }[])
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      const taskPlan = await plan(tasks, taskParams.values);
      expect(taskPlan).toContain(
        'Index Only Scan using assessment_assignment_facts_open_key on assessment_assignment_facts',
      );
      expect(taskPlan).toContain(
        'Index Only Scan using assessment_completion_facts_first_idx on assessment_completion_facts',
      );
      expect(taskPlan).toMatch(/Merge Join/);
      expect(taskPlan).toMatch(/Merge Left Join/);
      expect(taskPlan).not.toMatch(/Hash|Sort Key: c\./);
      const reportPlan = await plan(reports, reportParams.values);
      expect(reportPlan).toMatch(/Merge Left Join/);
      expect(reportPlan).not.toMatch(/Hash|SubPlan/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

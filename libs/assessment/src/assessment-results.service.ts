import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isIsoDate, shanghaiDateOf } from '@duban/calendar';
import { currentClock } from '@duban/clock';
import {
  parseScheme,
  rankChanges,
  type AssessmentScheme,
  type DeltaRule,
  type RankedDepartment,
  type Role,
  type ShareDetail,
} from '@duban/scoring';
import { AssessmentNotFoundError, InvalidAssessmentRequestError } from './assessment.errors';
import { ASSESSMENT_OPTIONS, type AssessmentOptions } from './assessment-options';
import { loadYearScheme, parseYear } from './scheme-source';
import { BREAKDOWN_ORDER_SQL, rulePositionSql, STORED_DELTAS_SQL } from './year-deltas.sql';
import { scoreYearInDatabase } from './year-scores.query';

export interface RankingEntry {
  readonly rank: number | null;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly status: 'assessed' | 'not_assessed';
  readonly score: number | null;
  readonly notAssessedReason: string | null;
}

export interface StoredRanking {
  readonly year: number;
  readonly runId: string;
  readonly asOf: string;
  readonly method: string;
  readonly schemeId: string;
  readonly schemeSource: string;
  readonly computedAt: string;
  readonly departments: readonly RankingEntry[];
}

export interface YearScheme {
  /** Where it was read, e.g. `config/assessment/2025.yaml`. */
  readonly source: string;
  readonly scheme: AssessmentScheme;
}

export interface DeltaView {
  readonly taskId: string | null;
  readonly eventId: string | null;
  readonly rule: DeltaRule;
  readonly role: Role | null;
  readonly points: number;
  readonly date: string;
  readonly deadline: string | null;
  readonly period: string | null;
  readonly share: ShareDetail | null;
}

export interface TaskBreakdown {
  readonly taskId: string;
  readonly title: string | null;
  readonly numberPath: string | null;
  readonly points: number;
  readonly deltas: readonly DeltaView[];
}

export interface DepartmentBreakdown {
  readonly year: number;
  readonly runId: string;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly status: 'assessed' | 'not_assessed';
  readonly rank: number | null;
  readonly base: number | null;
  readonly rawScore: number | null;
  readonly score: number | null;
  readonly notAssessedReason: string | null;
  /** Tasks in order of first delta; each with its rows and their sum. */
  readonly tasks: readonly TaskBreakdown[];
  /** Rows that belong to the whole score (the cap or floor adjustment). */
  readonly adjustments: readonly DeltaView[];
}

export interface TaskDeltaView extends DeltaView {
  readonly departmentId: string;
  readonly departmentName: string;
}

export interface WhatIfEntry extends RankingEntry {
  /** Rank in the stored ranking (or under the year's own scheme when none is stored). */
  readonly rankBefore: number | null;
  /** Places gained (+) or lost (−); null when unranked on either side. */
  readonly rankChange: number | null;
  readonly scoreBefore: number | null;
}

export interface WhatIfResult {
  readonly year: number;
  readonly asOf: string;
  readonly method: string;
  readonly comparedWith: 'stored-run' | 'year-scheme';
  readonly departments: readonly WhatIfEntry[];
}

interface DeltaRow {
  task_id: string | null;
  event_id: string | null;
  rule: DeltaRule;
  role: Role | null;
  points: string;
  occurred_on: string;
  deadline: string | null;
  period: string | null;
  share: ShareDetail | null;
}

const DELTA_SELECT = `d.task_id, d.event_id, d.rule, d.role, d.points, d.occurred_on::text,
  d.deadline::text, d.period, d.share`;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

/** Reading stored results (ranking, breakdowns, a task's deltas) and what-if rankings. */
@Injectable()
export class AssessmentResultsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ASSESSMENT_OPTIONS) private readonly options: AssessmentOptions,
  ) {}

  /**
   * The year's scheme as a run would read it now (`config/assessment/<year>.yaml`): what the
   * console shows and starts a what-if from. No file is SchemeNotFoundError.
   */
  async yearScheme(yearInput: string | number): Promise<YearScheme> {
    const { source, scheme } = await loadYearScheme(this.options.schemeDir, parseYear(yearInput));
    return { source, scheme };
  }

  async ranking(yearInput: string | number): Promise<StoredRanking> {
    const year = parseYear(yearInput);
    const rows = await this.dataSource.query<
      {
        run_id: string;
        as_of: string;
        method: string;
        scheme_id: string;
        source: string;
        computed_at: Date;
        department_id: string;
        name: string;
        status: 'assessed' | 'not_assessed';
        score: string | null;
        rank: number | null;
        not_assessed_reason: string | null;
      }[]
    >(
      `SELECT r.run_id, run.as_of::text, r.method, run.scheme_id, s.source, r.computed_at,
              r.department_id, dep.name, r.status, r.score, r.rank, r.not_assessed_reason
       FROM assessment_results r
       JOIN assessment_runs run ON run.id = r.run_id
       JOIN assessment_schemes s ON s.id = run.scheme_id
       JOIN departments dep ON dep.id = r.department_id
       WHERE r.year = $1
       ORDER BY r.rank NULLS LAST, r.department_id`,
      [year],
    );
    const first = rows[0];
    if (first === undefined) {
      throw new AssessmentNotFoundError(`the ${year} assessment has not been run yet`);
    }
    return {
      year,
      runId: first.run_id,
      asOf: first.as_of,
      method: first.method,
      schemeId: first.scheme_id,
      schemeSource: first.source,
      computedAt: first.computed_at.toISOString(),
      departments: rows.map((row) => ({
        rank: row.rank,
        departmentId: row.department_id,
        departmentName: row.name,
        status: row.status,
        score: toNumber(row.score),
        notAssessedReason: row.not_assessed_reason,
      })),
    };
  }

  async departmentBreakdown(
    yearInput: string | number,
    departmentId: string,
  ): Promise<DepartmentBreakdown> {
    const year = parseYear(yearInput);
    const results = await this.dataSource.query<
      {
        id: string;
        run_id: string;
        name: string;
        status: 'assessed' | 'not_assessed';
        rank: number | null;
        base: string | null;
        raw_score: string | null;
        score: string | null;
        not_assessed_reason: string | null;
      }[]
    >(
      `SELECT r.id, r.run_id, dep.name, r.status, r.rank, r.base, r.raw_score, r.score,
              r.not_assessed_reason
       FROM assessment_results r JOIN departments dep ON dep.id = r.department_id
       WHERE r.year = $1 AND r.department_id::text = $2`,
      [year, departmentId],
    );
    const result = results[0];
    if (result === undefined) {
      throw new AssessmentNotFoundError(
        `no ${year} assessment result for department ${departmentId}`,
      );
    }
    const deltas = await this.dataSource.query<
      (DeltaRow & { title: string | null; number_path: string | null })[]
    >(
      `SELECT ${DELTA_SELECT}, t.title, t.number_path
       FROM ${STORED_DELTAS_SQL} LEFT JOIN tasks t ON t.id = d.task_id
       WHERE s.result_id = $1 AND s.year = $2
       ORDER BY ${BREAKDOWN_ORDER_SQL}`,
      [result.id, year],
    );
    const tasks = new Map<
      string,
      { title: string | null; numberPath: string | null; hundredths: number; deltas: DeltaView[] }
    >();
    const adjustments: DeltaView[] = [];
    for (const row of deltas) {
      const view = toDeltaView(row);
      if (row.task_id === null) {
        adjustments.push(view);
        continue;
      }
      let task = tasks.get(row.task_id);
      if (task === undefined) {
        task = { title: row.title, numberPath: row.number_path, hundredths: 0, deltas: [] };
        tasks.set(row.task_id, task);
      }
      task.hundredths += Math.round(view.points * 100);
      task.deltas.push(view);
    }
    return {
      year,
      runId: result.run_id,
      departmentId,
      departmentName: result.name,
      status: result.status,
      rank: result.rank,
      base: toNumber(result.base),
      rawScore: toNumber(result.raw_score),
      score: toNumber(result.score),
      notAssessedReason: result.not_assessed_reason,
      tasks: [...tasks].map(([taskId, task]) => ({
        taskId,
        title: task.title,
        numberPath: task.numberPath,
        points: task.hundredths / 100,
        deltas: task.deltas,
      })),
      adjustments,
    };
  }

  async taskDeltas(yearInput: string | number, taskId: string): Promise<TaskDeltaView[]> {
    const year = parseYear(yearInput);
    if (!UUID_PATTERN.test(taskId)) {
      return [];
    }
    // A department's deltas on a task come from its assignment to the task or its reports on it,
    // and those facts are never deleted (an assignment is closed): only the rows of the results of
    // those departments are read.
    const rows = await this.dataSource.query<
      (DeltaRow & { department_id: string; name: string })[]
    >(
      `SELECT ${DELTA_SELECT}, r.department_id, dep.name
       FROM assessment_results r
       JOIN ${STORED_DELTAS_SQL} ON s.result_id = r.id AND s.year = r.year
       JOIN departments dep ON dep.id = r.department_id
       WHERE r.year = $1 AND d.task_id = $2::uuid
         AND r.department_id IN (
           SELECT a.department_id FROM assessment_assignment_facts a WHERE a.task_id = $2::uuid
           UNION
           SELECT f.department_id FROM assessment_report_facts f WHERE f.task_id = $2::uuid)
       ORDER BY d.occurred_on, r.department_id, ${rulePositionSql('d.rule')}, d.event_id`,
      [year, taskId],
    );
    return rows.map((row) => ({
      ...toDeltaView(row),
      departmentId: row.department_id,
      departmentName: row.name,
    }));
  }

  /**
   * The ranking the year would have under another scheme, beside the stored one (or, before any
   * run, the ranking under the year's own scheme). Scored in PostgreSQL like a run, but only summed
   * by department: nothing is written.
   */
  async whatIf(
    yearInput: string | number,
    schemeInput: unknown,
    asOfInput?: string,
  ): Promise<WhatIfResult> {
    const year = parseYear(yearInput);
    const scheme = parseScheme(schemeInput, 'what-if scheme');
    if (scheme.year !== year) {
      throw new InvalidAssessmentRequestError(
        'scheme.year',
        `is ${scheme.year}, but the what-if is for ${year}`,
      );
    }
    const stored = await this.ranking(year).catch((error: unknown) => {
      if (error instanceof AssessmentNotFoundError) {
        return null;
      }
      throw error;
    });
    const asOf = asOfInput ?? stored?.asOf ?? shanghaiDateOf(currentClock().now());
    if (!isIsoDate(asOf)) {
      throw new InvalidAssessmentRequestError('asOf', `'${asOf}' is not a date (YYYY-MM-DD)`);
    }
    const after = await scoreYearInDatabase(this.dataSource, scheme, year, asOf);
    const names = new Map(after.departments.map((d) => [d.id, d.name]));

    let before: readonly RankedDepartment[];
    if (stored !== null) {
      before = stored.departments.map((entry) => ({
        departmentId: entry.departmentId,
        status: entry.status,
        score: entry.score,
        rank: entry.rank,
      }));
    } else {
      const own = await loadYearScheme(this.options.schemeDir, year);
      before = (await scoreYearInDatabase(this.dataSource, own.scheme, year, asOf)).ranking;
    }
    const scoresBefore = new Map(before.map((entry) => [entry.departmentId, entry.score]));
    const changes = new Map(
      rankChanges(before, after.ranking).map((change) => [change.departmentId, change]),
    );
    const reasons = new Map(
      after.results.map((r) => [r.departmentId, r.status === 'not_assessed' ? r.reason : null]),
    );
    return {
      year,
      asOf,
      method: scheme.method,
      comparedWith: stored === null ? 'year-scheme' : 'stored-run',
      departments: after.ranking.map((entry) => ({
        rank: entry.rank,
        departmentId: entry.departmentId,
        departmentName: names.get(entry.departmentId) ?? entry.departmentId,
        status: entry.status,
        score: entry.score,
        notAssessedReason: reasons.get(entry.departmentId) ?? null,
        rankBefore: changes.get(entry.departmentId)?.before ?? null,
        rankChange: changes.get(entry.departmentId)?.change ?? null,
        scoreBefore: scoresBefore.get(entry.departmentId) ?? null,
      })),
    };
  }
}

function toDeltaView(row: DeltaRow): DeltaView {
  return {
    taskId: row.task_id,
    eventId: row.event_id,
    rule: row.rule,
    role: row.role,
    points: Number(row.points),
    date: row.occurred_on,
    deadline: row.deadline,
    period: row.period,
    share: row.share,
  };
}

import type { DataSource } from 'typeorm';
import {
  rankDepartments,
  fromHundredths,
  type AssessmentScheme,
  type RankedDepartment,
  type ScoreResult,
} from '@duban/scoring';
import {
  readFactShape,
  ROW_HUNDREDTHS_SQL,
  SCORING_SETTINGS,
  SqlParams,
  yearDeltaQueries,
  type FactShape,
} from './year-deltas.sql';
import type { DepartmentRow } from './year-facts.query';
import { finishResult } from './year-summary';

export interface ScoredYearInDatabase {
  /** Every department of the directory, by id. */
  readonly departments: readonly DepartmentRow[];
  /** One result per department, in the same order; no task deltas (only a cap/floor row). */
  readonly results: readonly ScoreResult[];
  readonly ranking: readonly RankedDepartment[];
}

/**
 * Every department's score under `scheme`, computed in PostgreSQL from the year's facts and summed
 * by department, nothing stored: the what-if ranking. The same queries as the annual run, read in
 * one snapshot.
 */
export async function scoreYearInDatabase(
  dataSource: DataSource,
  scheme: AssessmentScheme,
  year: number,
  asOf: string,
): Promise<ScoredYearInDatabase> {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.startTransaction('REPEATABLE READ');
    await queryRunner.query(`SET TRANSACTION READ ONLY; ${SCORING_SETTINGS}`);
    const query = async <Row>(text: string, values?: unknown[]): Promise<Row[]> =>
      (await queryRunner.query(text, values)) as Row[];
    const departments = await query<DepartmentRow>(`SELECT id, name FROM departments ORDER BY id`);
    const shape = await readFactShape((text) => query<FactShape>(text));
    const queries = yearDeltaQueries(scheme, year, asOf, shape);
    const sumByDepartment = (select: string): string =>
      `SELECT department_id, sum(${ROW_HUNDREDTHS_SQL})::text AS hundredths FROM (${select}) d
       GROUP BY department_id`;

    const totals = new Map<string, number>();
    const addTotals = (rows: readonly { department_id: string; hundredths: string }[]): void => {
      for (const row of rows) {
        totals.set(
          row.department_id,
          (totals.get(row.department_id) ?? 0) + Number(row.hundredths),
        );
      }
    };
    const taskParams = new SqlParams();
    addTotals(await query(sumByDepartment(queries.taskDeltas(taskParams)), taskParams.values));
    const checkParams = new SqlParams();
    const withoutDeltas = checkParams.add(
      departments.filter((d) => !totals.has(d.id)).map((d) => d.id),
      'uuid[]',
    );
    const withTasks = new Set([
      ...departments.filter((d) => totals.has(d.id)).map((d) => d.id),
      ...(
        await query<{ department_id: string }>(
          queries.departmentsWithTasks(checkParams, withoutDeltas),
          checkParams.values,
        )
      ).map((row) => row.department_id),
    ]);
    if (queries.reportDeltas !== null) {
      const params = new SqlParams();
      const assessed = params.add([...withTasks], 'uuid[]');
      addTotals(
        await query(sumByDepartment(queries.reportDeltas(params, assessed)), params.values),
      );
    }
    await queryRunner.commitTransaction();

    const results = departments.map((department) => {
      const total = totals.get(department.id);
      return finishResult(scheme, year, asOf, department.id, {
        hasTasks: withTasks.has(department.id),
        points: total === undefined ? null : fromHundredths(total),
      });
    });
    return { departments, results, ranking: rankDepartments(results) };
  } catch (error: unknown) {
    if (queryRunner.isTransactionActive) {
      await queryRunner.rollbackTransaction();
    }
    throw error;
  } finally {
    await queryRunner.release();
  }
}

import {
  rankDepartments,
  scoreDepartment,
  type AssessmentScheme,
  type DepartmentFacts,
  type RankedDepartment,
  type ScoreResult,
} from '@duban/scoring';
import type { YearFacts } from './year-facts.query';

const NO_FACTS: DepartmentFacts = { tasks: [], assignments: [], reports: [] };

export interface ScoredYear {
  readonly results: readonly ScoreResult[];
  readonly ranking: readonly RankedDepartment[];
}

/** Every department of the directory scored with the pure scorer, then ranked with ties. */
export function scoreYear(
  scheme: AssessmentScheme,
  year: number,
  asOf: string,
  facts: YearFacts,
): ScoredYear {
  const results = facts.departments.map((department) =>
    scoreDepartment({
      scheme,
      year,
      departmentId: department.id,
      facts: facts.byDepartment.get(department.id) ?? NO_FACTS,
      asOf,
    }),
  );
  return { results, ranking: rankDepartments(results) };
}

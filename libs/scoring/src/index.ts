export type { IsoDate } from './civil-date';
export type {
  AssignmentFact,
  CompletionFact,
  DepartmentFacts,
  OneOffTaskFact,
  RatingFact,
  ReportFact,
  TaskFact,
  YearlyCompletionFact,
  YearlyTaskFact,
} from './department-facts';
export { DELTA_RULE_ORDER, compareDeltas } from './delta-order';
export { formatPoints, fromHundredths, toHundredths, toTenThousandths } from './exact-points';
export { rankChanges, rankDepartments, type RankChange, type RankedDepartment } from './rank';
export {
  assessmentSchemeSchema,
  parseScheme,
  QUALITY_RATING_BY_LABEL,
  QUALITY_RATINGS,
  ROLES,
  SCHEME_METHODS,
  type AssessmentScheme,
  type PointsScheme,
  type QualityRating,
  type Role,
  type SchemeCounts,
  type SchemeMethod,
  type WeightedShareScheme,
} from './scheme.schema';
export { parseSchemeYaml } from './scheme-yaml';
export { scoreDepartment, type ScoreInput } from './score';
export type {
  AssessedResult,
  DeltaRule,
  NotAssessedReason,
  NotAssessedResult,
  ScoreDelta,
  ScoreResult,
  ShareDetail,
} from './score-result';
export { InvalidSchemeError, InvalidScoringInputError, type SchemeIssue } from './scoring.errors';

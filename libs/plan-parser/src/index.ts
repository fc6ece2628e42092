export { parsePlan } from './plan-parser';
export type { ParsePlanOptions } from './plan-parser';
export { PlanParseError } from './plan-parse.error';
export type { PlanParseErrorCode } from './plan-parse.error';
export { MAX_PLAN_BYTES } from './text-input';
export type { PlanInput } from './text-input';
export { flattenTasks, toLedgerJson } from './ledger-json';
export type { LedgerJson, LedgerTaskJson } from './ledger-json';
export { toSimplified } from './traditional-chars';
export type * from './plan-draft.types';
export {
  normalizeDepartmentName,
  resolveDepartments,
  similarity,
  withConfirmedAlias,
} from './department-resolver';
export type {
  DepartmentResolution,
  DepartmentSuggestion,
  DirectoryEntry,
  ResolutionMethod,
  ResolveOptions,
} from './department-resolver';

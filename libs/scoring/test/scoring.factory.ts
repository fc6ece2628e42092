import type {
  AssignmentFact,
  CompletionFact,
  DepartmentFacts,
  OneOffTaskFact,
  ReportFact,
  YearlyCompletionFact,
  YearlyTaskFact,
} from '../src/department-facts';
import {
  parseScheme,
  type AssessmentScheme,
  type PointsScheme,
  type QualityRating,
  type Role,
  type WeightedShareScheme,
} from '../src/scheme.schema';

/** The defaults of the assessment rules, as a clerk would write them in config/assessment/<year>.yaml. */
export function defaultPointsSchemeInput(year = 2025) {
  return {
    year,
    method: 'points',
    counts: { onTime: true, overdue: true, lateReport: true, missedReport: true, quality: true },
    points: {
      base: 80,
      cap: 100,
      floor: 0,
      onTime: { lead: 2, support: 1 },
      overdue: { lead: -5, support: -2.5 },
      lateReport: -0.1,
      missedReport: -0.5,
      quality: { appliesTo: ['lead'], ratings: { excellent: 0.5, good: 0, fair: 0, poor: -1 } },
    },
  };
}

export function defaultWeightedShareSchemeInput(year = 2025) {
  return {
    year,
    method: 'weighted-share',
    counts: { onTime: true, overdue: true, lateReport: false, missedReport: false, quality: false },
    weightedShare: {
      weights: { lead: 1, support: 0.5 },
      lateness: { decayPerCalendarDay: 0.02, creditFloor: 0.5 },
    },
  };
}

export function pointsScheme(
  change: (input: ReturnType<typeof defaultPointsSchemeInput>) => void = () => {},
  year = 2025,
): PointsScheme {
  const input = defaultPointsSchemeInput(year);
  change(input);
  return asMethod(parseScheme(input, 'test scheme'), 'points');
}

export function weightedShareScheme(year = 2025): WeightedShareScheme {
  return asMethod(
    parseScheme(defaultWeightedShareSchemeInput(year), 'test scheme'),
    'weighted-share',
  );
}

function asMethod<M extends AssessmentScheme['method']>(
  scheme: AssessmentScheme,
  method: M,
): Extract<AssessmentScheme, { method: M }> {
  if (scheme.method !== method) {
    throw new Error(`expected a ${method} scheme`);
  }
  return scheme as Extract<AssessmentScheme, { method: M }>;
}

export function approval(
  approvedOn: string,
  eventId: string,
  rating: QualityRating | null = null,
): CompletionFact {
  return {
    approvedOn,
    eventId,
    rating: rating === null ? null : { rating, eventId: `${eventId}-rating` },
  };
}

export function oneOffTask(
  taskId: string,
  deadline: string,
  completion: CompletionFact | null = null,
): OneOffTaskFact {
  return { taskId, recurrence: 'none', deadline, completion };
}

export function yearlyTask(
  taskId: string,
  firstDeadline: string,
  completions: YearlyCompletionFact[] = [],
  untilYear: number | null = null,
): YearlyTaskFact {
  return { taskId, recurrence: 'yearly', deadline: firstDeadline, untilYear, completions };
}

export function assignment(
  taskId: string,
  departmentId: string,
  role: Role,
  from = '2025-01-01',
  to: string | null = null,
): AssignmentFact {
  return { taskId, departmentId, role, from, to };
}

export function report(
  taskId: string,
  departmentId: string,
  state: ReportFact['state'],
  date: string,
  eventId: string,
): ReportFact {
  return { taskId, departmentId, state, date, eventId, period: date.slice(0, 7) };
}

export function facts(partial: Partial<DepartmentFacts>): DepartmentFacts {
  return { tasks: [], assignments: [], reports: [], ...partial };
}

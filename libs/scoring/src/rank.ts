import { toHundredths } from './exact-points';
import type { ScoreResult } from './score-result';

export interface RankedDepartment {
  readonly departmentId: string;
  readonly status: ScoreResult['status'];
  /** Null for a department that is not assessed. */
  readonly score: number | null;
  /** Standard competition ranking (1, 2, 2, 4); null for a department that is not assessed. */
  readonly rank: number | null;
}

/**
 * Orders a year's results: assessed departments by score, highest first, equal scores sharing a
 * rank (ties listed by department id); then the departments not assessed, unranked, by id.
 */
export function rankDepartments(results: readonly ScoreResult[]): RankedDepartment[] {
  const assessed = results
    .flatMap((result) =>
      result.status === 'assessed'
        ? [
            {
              departmentId: result.departmentId,
              hundredths: toHundredths(result.score),
              score: result.score,
            },
          ]
        : [],
    )
    .sort((a, b) => b.hundredths - a.hundredths || compareIds(a.departmentId, b.departmentId));

  const ranked: RankedDepartment[] = [];
  assessed.forEach((entry, index) => {
    const previous = assessed[index - 1];
    const previousRank = ranked[index - 1]?.rank ?? null;
    const rank =
      previous !== undefined && previous.hundredths === entry.hundredths ? previousRank : index + 1;
    ranked.push({ departmentId: entry.departmentId, status: 'assessed', score: entry.score, rank });
  });

  const unranked = results
    .filter((result) => result.status === 'not_assessed')
    .map((result) => result.departmentId)
    .sort(compareIds)
    .map((departmentId): RankedDepartment => ({
      departmentId,
      status: 'not_assessed',
      score: null,
      rank: null,
    }));

  return [...ranked, ...unranked];
}

export interface RankChange {
  readonly departmentId: string;
  readonly before: number | null;
  readonly after: number | null;
  /** Places gained (positive) or lost (negative); null when either side is unranked. */
  readonly change: number | null;
}

/** Compares two rankings of the same year, e.g. the stored one and a what-if under another scheme. */
export function rankChanges(
  before: readonly RankedDepartment[],
  after: readonly RankedDepartment[],
): RankChange[] {
  const previousRanks = new Map(before.map((entry) => [entry.departmentId, entry.rank]));
  return after.map((entry) => {
    const previous = previousRanks.get(entry.departmentId) ?? null;
    return {
      departmentId: entry.departmentId,
      before: previous,
      after: entry.rank,
      change: previous !== null && entry.rank !== null ? previous - entry.rank : null,
    };
  });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

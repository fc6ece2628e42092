import { rankChanges, rankDepartments } from './rank';
import type { ScoreResult } from './score-result';

function scored(departmentId: string, score: number): ScoreResult {
  return {
    departmentId,
    year: 2025,
    method: 'points',
    status: 'assessed',
    base: 80,
    rawScore: score,
    score,
    deltas: [],
  };
}

function notAssessed(departmentId: string): ScoreResult {
  return {
    departmentId,
    year: 2025,
    method: 'points',
    status: 'not_assessed',
    reason: 'no_tasks_in_year',
  };
}

describe('rankDepartments', () => {
  it('ranks by score with standard competition ranking (1, 2, 3, 3, 5) and lists the not assessed last, unranked', () => {
    const sut = rankDepartments([
      scored('a', 85),
      notAssessed('z-unassessed'),
      scored('b', 90),
      scored('c', 85),
      notAssessed('e-unassessed'),
      scored('d', 70),
      scored('f', 90.5),
    ]);

    expect(sut).toEqual([
      { departmentId: 'f', status: 'assessed', score: 90.5, rank: 1 },
      { departmentId: 'b', status: 'assessed', score: 90, rank: 2 },
      { departmentId: 'a', status: 'assessed', score: 85, rank: 3 },
      { departmentId: 'c', status: 'assessed', score: 85, rank: 3 },
      { departmentId: 'd', status: 'assessed', score: 70, rank: 5 },
      { departmentId: 'e-unassessed', status: 'not_assessed', score: null, rank: null },
      { departmentId: 'z-unassessed', status: 'not_assessed', score: null, rank: null },
    ]);
  });

  it('gives a three-way tie at the top rank 1 and the next department rank 4', () => {
    const sut = rankDepartments([
      scored('a', 80),
      scored('b', 80),
      scored('c', 80),
      scored('d', 79.9),
    ]);

    expect(sut.map((entry) => entry.rank)).toEqual([1, 1, 1, 4]);
  });

  it('treats scores equal to the hundredth as a tie even if they reach it by different floating-point paths', () => {
    const sut = rankDepartments([scored('a', 0.1 + 0.2), scored('b', 0.3), scored('c', 0.29)]);

    expect(sut.map((entry) => [entry.departmentId, entry.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('returns an empty ranking for no departments', () => {
    expect(rankDepartments([])).toEqual([]);
  });
});

describe('rankChanges', () => {
  it('reports places gained and lost between two rankings, null where either side is unranked', () => {
    const before = rankDepartments([
      scored('a', 90),
      scored('b', 85),
      scored('c', 80),
      notAssessed('d'),
    ]);
    const after = rankDepartments([
      scored('a', 80),
      scored('b', 85),
      scored('c', 95),
      scored('d', 70),
    ]);

    expect(rankChanges(before, after)).toEqual([
      { departmentId: 'c', before: 3, after: 1, change: 2 },
      { departmentId: 'b', before: 2, after: 2, change: 0 },
      { departmentId: 'a', before: 1, after: 3, change: -2 },
      { departmentId: 'd', before: null, after: 4, change: null },
    ]);
  });
});

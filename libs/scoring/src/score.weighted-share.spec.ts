import { parseScheme, type AssessmentScheme } from './scheme.schema';
import { scoreDepartment } from './score';
import type { AssessedResult, ScoreResult } from './score-result';
import {
  approval,
  assignment,
  defaultWeightedShareSchemeInput,
  facts,
  oneOffTask,
  weightedShareScheme,
} from '../test/scoring.factory';
import type { DepartmentFacts } from './department-facts';

const DEPT = 'dept-gxw'; // 市工信委

function sut(
  departmentFacts: DepartmentFacts,
  scheme: AssessmentScheme = weightedShareScheme(),
  asOf = '2026-01-15',
) {
  return scoreDepartment({ scheme, year: 2025, departmentId: DEPT, facts: departmentFacts, asOf });
}

function assessed(result: ScoreResult): AssessedResult {
  if (result.status !== 'assessed') {
    throw new Error(`expected an assessed result, got ${result.status}`);
  }
  return result;
}

function slices(result: ScoreResult) {
  return assessed(result).deltas.map(({ taskId, rule, points, share }) => ({
    taskId,
    rule,
    points,
    share,
  }));
}

describe('scoreDepartment, weighted-share method', () => {
  it('is 100 × Σ(weight × credit) ÷ Σ(weight): lead on time, support on time, lead open overdue → 1.5 / 2.5 = 60', () => {
    const result = sut(
      facts({
        tasks: [
          oneOffTask('t1', '2025-06-30', approval('2025-06-10', 'ev-1')),
          oneOffTask('t2', '2025-06-30', approval('2025-06-20', 'ev-2')),
          oneOffTask('t3', '2025-09-30'),
        ],
        assignments: [
          assignment('t1', DEPT, 'lead'),
          assignment('t2', DEPT, 'support'),
          assignment('t3', DEPT, 'lead'),
        ],
      }),
    );

    expect(assessed(result).score).toBe(60);
    expect(assessed(result).rawScore).toBe(60);
    expect(assessed(result).base).toBe(0);
    // Slices: 100 × 1 / 2.5 = 40, 100 × 0.5 / 2.5 = 20, 0; the open task is dated its first overdue day.
    expect(slices(result)).toEqual([
      { taskId: 't1', rule: 'on_time', points: 40, share: { weight: 1, credit: 1, daysLate: 0 } },
      { taskId: 't2', rule: 'on_time', points: 20, share: { weight: 0.5, credit: 1, daysLate: 0 } },
      {
        taskId: 't3',
        rule: 'overdue_open',
        points: 0,
        share: { weight: 1, credit: 0, daysLate: 107 },
      },
    ]);
    expect(assessed(result).deltas[2]).toEqual(
      expect.objectContaining({ eventId: null, date: '2025-10-01' }),
    );
  });

  it('decays a late completion by 0.02 per calendar day: 10 days late keeps 0.8, so (1 + 0.8) / 2 = 90', () => {
    const result = sut(
      facts({
        tasks: [
          oneOffTask('t1', '2025-06-30', approval('2025-06-10', 'ev-1')),
          oneOffTask('t2', '2025-06-30', approval('2025-07-10', 'ev-2')),
        ],
        assignments: [assignment('t1', DEPT, 'lead'), assignment('t2', DEPT, 'lead')],
      }),
    );

    expect(assessed(result).score).toBe(90);
    expect(slices(result)).toEqual([
      { taskId: 't1', rule: 'on_time', points: 50, share: { weight: 1, credit: 1, daysLate: 0 } },
      {
        taskId: 't2',
        rule: 'completed_late',
        points: 40,
        share: { weight: 1, credit: 0.8, daysLate: 10 },
      },
    ]);
  });

  it('never decays a late completion below the credit floor: 40 days late would keep 0.2, the floor keeps 0.5 → 50', () => {
    const result = sut(
      facts({
        tasks: [oneOffTask('t1', '2025-06-30', approval('2025-08-09', 'ev-1'))],
        assignments: [assignment('t1', DEPT, 'lead')],
      }),
    );

    expect(slices(result)).toEqual([
      {
        taskId: 't1',
        rule: 'completed_late',
        points: 50,
        share: { weight: 1, credit: 0.5, daysLate: 40 },
      },
    ]);
  });

  it('rounds the score once, to 66.67 for 2 of 3, and splits the hundredths so the rows add up exactly', () => {
    const result = sut(
      facts({
        tasks: [
          oneOffTask('t1', '2025-03-31', approval('2025-03-01', 'ev-1')),
          oneOffTask('t2', '2025-03-31', approval('2025-03-02', 'ev-2')),
          oneOffTask('t3', '2025-03-31'),
        ],
        assignments: [
          assignment('t1', DEPT, 'lead'),
          assignment('t2', DEPT, 'lead'),
          assignment('t3', DEPT, 'lead'),
        ],
      }),
    );

    // 33.333… + 33.333… + 0 = 66.666… → 66.67; the odd hundredth goes to the first of the tied slices.
    expect(assessed(result).score).toBe(66.67);
    expect(slices(result).map((slice) => slice.points)).toEqual([33.34, 33.33, 0]);
  });

  it('leaves out tasks not yet due; with nothing settled the department is not assessed', () => {
    const departmentFacts = facts({
      tasks: [oneOffTask('t1', '2025-12-31')],
      assignments: [assignment('t1', DEPT, 'lead')],
    });

    expect(sut(departmentFacts, weightedShareScheme(), '2025-06-30')).toEqual({
      departmentId: DEPT,
      year: 2025,
      method: 'weighted-share',
      status: 'not_assessed',
      reason: 'nothing_settled_yet',
    });
    expect(assessed(sut(departmentFacts, weightedShareScheme(), '2026-01-15')).score).toBe(0);
  });

  it('is not assessed, not scored, with no tasks in the year', () => {
    expect(sut(facts({}))).toEqual(
      expect.objectContaining({ status: 'not_assessed', reason: 'no_tasks_in_year' }),
    );
  });

  it('uses the weights of the scheme: support weight 0 leaves only the led task, completed on time → 100', () => {
    const input = defaultWeightedShareSchemeInput();
    input.weightedShare.weights.support = 0;
    const result = sut(
      facts({
        tasks: [
          oneOffTask('t1', '2025-06-30', approval('2025-06-10', 'ev-1')),
          oneOffTask('t2', '2025-06-30'),
        ],
        assignments: [assignment('t1', DEPT, 'lead'), assignment('t2', DEPT, 'support')],
      }),
      parseScheme(input, 'test'),
    );

    expect(assessed(result).score).toBe(100);
  });
});

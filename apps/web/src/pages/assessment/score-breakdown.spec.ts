import {
  checkBreakdown,
  type DeltaView,
  type DepartmentBreakdown,
  signedPoints,
} from './score-breakdown';

function delta(rule: DeltaView['rule'], points: number, taskId: string | null = 't1'): DeltaView {
  return {
    taskId,
    eventId: null,
    rule,
    role: taskId === null ? null : 'lead',
    points,
    date: '2025-06-01',
    deadline: '2025-06-30',
    period: null,
    share: null,
  };
}

function breakdown(overrides: Partial<DepartmentBreakdown>): DepartmentBreakdown {
  return {
    year: 2025,
    runId: 'r',
    departmentId: 'd',
    departmentName: '市发展改革委',
    status: 'assessed',
    rank: 1,
    base: 80,
    rawScore: 80,
    score: 80,
    notAssessedReason: null,
    tasks: [],
    adjustments: [],
    ...overrides,
  };
}

describe('checkBreakdown', () => {
  it('adds base 80, task 1 (+2 on time, +0.5 优) and task 2 (−5 overdue, −0.1 −0.1 late reports) to 77.30', () => {
    // 80 + (2 + 0.5) + (−5 − 0.1 − 0.1) = 80 + 2.5 − 5.2 = 77.30; 0.1 + 0.2 style float drift must not matter.
    const check = checkBreakdown(
      breakdown({
        rawScore: 77.3,
        score: 77.3,
        tasks: [
          {
            taskId: 't1',
            title: '任务一',
            numberPath: '1',
            points: 2.5,
            deltas: [delta('on_time', 2), delta('quality_excellent', 0.5)],
          },
          {
            taskId: 't2',
            title: '任务二',
            numberPath: '2',
            points: -5.2,
            deltas: [
              delta('overdue_open', -5, 't2'),
              delta('late_report', -0.1, 't2'),
              delta('late_report', -0.1, 't2'),
            ],
          },
        ],
      }),
    );
    expect(check).toEqual({
      base: 80,
      tasksTotal: -2.7,
      adjustmentsTotal: 0,
      computed: 77.3,
      stated: 77.3,
      taskMismatches: [],
      rawMatches: true,
      addsUp: true,
    });
  });

  it('counts the cap row: base 99 + 3 on time = raw 102, capped −2 to 100', () => {
    const check = checkBreakdown(
      breakdown({
        base: 99,
        rawScore: 102,
        score: 100,
        tasks: [
          { taskId: 't1', title: null, numberPath: null, points: 3, deltas: [delta('on_time', 3)] },
        ],
        adjustments: [delta('cap', -2, null)],
      }),
    );
    expect(check.computed).toBe(100);
    expect(check.adjustmentsTotal).toBe(-2);
    expect(check.addsUp).toBe(true);
  });

  it('names a task whose rows do not add up to its points, and a score that is not the sum', () => {
    const check = checkBreakdown(
      breakdown({
        rawScore: 82.5,
        score: 83,
        tasks: [
          {
            taskId: 't1',
            title: null,
            numberPath: null,
            points: 2.5,
            deltas: [delta('on_time', 2)],
          },
        ],
      }),
    );
    expect(check.taskMismatches).toEqual([{ taskId: 't1', stated: 2.5, summed: 2 }]);
    expect(check.computed).toBe(82);
    expect(check.rawMatches).toBe(false);
    expect(check.addsUp).toBe(false);
  });

  it('does not claim a department without a score adds up', () => {
    const check = checkBreakdown(
      breakdown({ status: 'not_assessed', base: null, rawScore: null, score: null, rank: null }),
    );
    expect(check).toMatchObject({ computed: 0, stated: null, addsUp: false });
  });
});

describe('signedPoints', () => {
  const two = (value: number) => value.toFixed(2);
  it('writes a sign for gains and losses and none for zero', () => {
    expect(signedPoints(2, two)).toBe('+2.00');
    expect(signedPoints(-0.1, two)).toBe('−0.10');
    expect(signedPoints(0, two)).toBe('0.00');
  });
});

import {
  approval,
  assignment,
  facts,
  oneOffTask,
  pointsScheme,
  report,
  yearlyTask,
} from '../test/scoring.factory';
import type { DepartmentFacts } from './department-facts';
import type { PointsScheme } from './scheme.schema';
import { scoreDepartment } from './score';
import type { AssessedResult, ScoreDelta, ScoreResult } from './score-result';
import { InvalidScoringInputError } from './scoring.errors';

const DEPT = 'dept-fgw'; // 市发展改革委
const OTHER = 'dept-kjj'; // 市科技局
const YEAR_END_RUN = '2026-01-15';

function sut(
  departmentFacts: DepartmentFacts,
  options: { scheme?: PointsScheme; year?: number; asOf?: string; departmentId?: string } = {},
): ScoreResult {
  const year = options.year ?? 2025;
  return scoreDepartment({
    scheme: options.scheme ?? pointsScheme(undefined, year),
    year,
    departmentId: options.departmentId ?? DEPT,
    facts: departmentFacts,
    asOf: options.asOf ?? YEAR_END_RUN,
  });
}

function assessed(result: ScoreResult): AssessedResult {
  if (result.status !== 'assessed') {
    throw new Error(`expected an assessed result, got ${result.status}`);
  }
  return result;
}

/** Only the fields a clerk defends a point with, in the breakdown's order. */
function rows(
  result: ScoreResult,
): Pick<ScoreDelta, 'taskId' | 'eventId' | 'rule' | 'role' | 'points' | 'date'>[] {
  return assessed(result).deltas.map(({ taskId, eventId, rule, role, points, date }) => ({
    taskId,
    eventId,
    rule,
    role,
    points,
    date,
  }));
}

describe('scoreDepartment, points method', () => {
  describe('task completed on time', () => {
    it('gives the lead department base 80 + 2 = 82, dated by the approval', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-06-30', approval('2025-06-20', 'ev-approve-1'))],
          assignments: [assignment('t1', DEPT, 'lead')],
        }),
      );

      expect(assessed(result).score).toBe(82);
      expect(assessed(result).rawScore).toBe(82);
      expect(assessed(result).base).toBe(80);
      expect(assessed(result).deltas).toEqual([
        {
          taskId: 't1',
          eventId: 'ev-approve-1',
          rule: 'on_time',
          role: 'lead',
          points: 2,
          date: '2025-06-20',
          deadline: '2025-06-30',
          period: null,
          share: null,
        },
      ]);
    });

    it('gives a supporting department 80 + 1 = 81', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-06-30', approval('2025-06-20', 'ev-approve-1'))],
          assignments: [assignment('t1', DEPT, 'support')],
        }),
      );

      expect(rows(result)).toEqual([
        {
          taskId: 't1',
          eventId: 'ev-approve-1',
          rule: 'on_time',
          role: 'support',
          points: 1,
          date: '2025-06-20',
        },
      ]);
      expect(assessed(result).score).toBe(81);
    });

    it('counts an approval on the deadline day itself as on time', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-06-30', approval('2025-06-30', 'ev-approve-1'))],
          assignments: [assignment('t1', DEPT, 'lead')],
        }),
      );

      expect(assessed(result).score).toBe(82);
    });

    it('counts a task completed early even while its deadline is still ahead of the scoring date', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-12-31', approval('2025-05-10', 'ev-approve-1'))],
          assignments: [assignment('t1', DEPT, 'lead')],
        }),
        { asOf: '2025-06-01' },
      );

      expect(assessed(result).score).toBe(82);
    });
  });

  describe('overdue task', () => {
    it('takes 5 from the lead of a task still open after its deadline, from the first overdue day, with no event', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-03-31')],
          assignments: [assignment('t1', DEPT, 'lead')],
        }),
      );

      expect(rows(result)).toEqual([
        {
          taskId: 't1',
          eventId: null,
          rule: 'overdue_open',
          role: 'lead',
          points: -5,
          date: '2025-04-01',
        },
      ]);
      expect(assessed(result).score).toBe(75);
    });

    it('takes 2.5 from a supporting department of an open overdue task: 77.5', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-03-31')],
          assignments: [assignment('t1', DEPT, 'support')],
        }),
      );

      expect(assessed(result).score).toBe(77.5);
    });

    it('takes 5 from the lead of a task completed after its deadline, dated by the late approval', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-03-31', approval('2025-04-10', 'ev-approve-1'))],
          assignments: [assignment('t1', DEPT, 'lead')],
        }),
      );

      expect(rows(result)).toEqual([
        {
          taskId: 't1',
          eventId: 'ev-approve-1',
          rule: 'completed_late',
          role: 'lead',
          points: -5,
          date: '2025-04-10',
        },
      ]);
      expect(assessed(result).score).toBe(75);
    });

    it('takes 2.5 from a supporting department of a task completed late: 77.5', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-03-31', approval('2025-04-01', 'ev-approve-1'))],
          assignments: [assignment('t1', DEPT, 'support')],
        }),
      );

      expect(rows(result)).toEqual([
        {
          taskId: 't1',
          eventId: 'ev-approve-1',
          rule: 'completed_late',
          role: 'support',
          points: -2.5,
          date: '2025-04-01',
        },
      ]);
    });

    it('does not yet count an open task on its deadline day: assessed at the base 80 with no delta', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-12-31')],
          assignments: [assignment('t1', DEPT, 'lead')],
        }),
        { asOf: '2025-12-31' },
      );

      expect(assessed(result).score).toBe(80);
      expect(assessed(result).deltas).toEqual([]);
    });

    it('sees the year as it stood on the scoring date: an approval after it has not happened yet', () => {
      const departmentFacts = facts({
        tasks: [oneOffTask('t1', '2025-03-31', approval('2025-06-01', 'ev-approve-1'))],
        assignments: [assignment('t1', DEPT, 'lead')],
      });

      expect(rows(sut(departmentFacts, { asOf: '2025-05-01' }))).toEqual([
        {
          taskId: 't1',
          eventId: null,
          rule: 'overdue_open',
          role: 'lead',
          points: -5,
          date: '2025-04-01',
        },
      ]);
      expect(rows(sut(departmentFacts, { asOf: '2025-07-01' }))).toEqual([
        {
          taskId: 't1',
          eventId: 'ev-approve-1',
          rule: 'completed_late',
          role: 'lead',
          points: -5,
          date: '2025-06-01',
        },
      ]);
    });
  });

  describe('progress reports', () => {
    const onTimeLeadTask = {
      tasks: [oneOffTask('t1', '2025-12-31', approval('2025-12-20', 'ev-approve-1'))],
      assignments: [assignment('t1', DEPT, 'lead')],
    };

    it('takes 0.1 per late report, exactly: 82 − 3 × 0.1 = 81.7', () => {
      const result = sut(
        facts({
          ...onTimeLeadTask,
          reports: [
            report('t1', DEPT, 'late', '2025-03-28', 'ev-late-3'),
            report('t1', DEPT, 'late', '2025-04-28', 'ev-late-4'),
            report('t1', DEPT, 'late', '2025-05-28', 'ev-late-5'),
          ],
        }),
      );

      expect(assessed(result).score).toBe(81.7);
      expect(rows(result).filter((row) => row.rule === 'late_report')).toEqual([
        {
          taskId: 't1',
          eventId: 'ev-late-3',
          rule: 'late_report',
          role: 'lead',
          points: -0.1,
          date: '2025-03-28',
        },
        {
          taskId: 't1',
          eventId: 'ev-late-4',
          rule: 'late_report',
          role: 'lead',
          points: -0.1,
          date: '2025-04-28',
        },
        {
          taskId: 't1',
          eventId: 'ev-late-5',
          rule: 'late_report',
          role: 'lead',
          points: -0.1,
          date: '2025-05-28',
        },
      ]);
    });

    it('stays exact where plain floating point drifts: 80 − 0.1 × 3 is 79.7, not 79.70000000000002', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2026-06-30')],
          assignments: [assignment('t1', DEPT, 'lead')],
          reports: [
            report('t1', DEPT, 'late', '2026-01-28', 'ev-1'),
            report('t1', DEPT, 'late', '2026-02-28', 'ev-2'),
            report('t1', DEPT, 'late', '2026-03-28', 'ev-3'),
          ],
        }),
        { year: 2026, asOf: '2026-04-01' },
      );

      expect(assessed(result).score).toBe(79.7);
    });

    it('takes 0.5 per missed report and shows its period: 82 − 0.5 = 81.5', () => {
      const result = sut(
        facts({
          ...onTimeLeadTask,
          reports: [report('t1', DEPT, 'missed', '2025-07-28', 'ev-missed-7')],
        }),
      );

      expect(assessed(result).score).toBe(81.5);
      expect(assessed(result).deltas).toContainEqual({
        taskId: 't1',
        eventId: 'ev-missed-7',
        rule: 'missed_report',
        role: 'lead',
        points: -0.5,
        date: '2025-07-28',
        deadline: null,
        period: '2025-07',
        share: null,
      });
    });

    it('counts a redelivered event once, and ignores reports of another year, another department or after the scoring date', () => {
      const result = sut(
        facts({
          ...onTimeLeadTask,
          reports: [
            report('t1', DEPT, 'missed', '2025-07-28', 'ev-missed-7'),
            report('t1', DEPT, 'missed', '2025-07-28', 'ev-missed-7'),
            report('t1', DEPT, 'missed', '2024-12-28', 'ev-missed-2024'),
            report('t1', OTHER, 'missed', '2025-08-28', 'ev-other-dept'),
            report('t1', DEPT, 'late', '2025-12-28', 'ev-after-as-of'),
          ],
        }),
        { asOf: '2025-12-27' },
      );

      // 80 + 2 (approved 2025-12-20, before the scoring date) − 0.5 (one missed report)
      expect(assessed(result).score).toBe(81.5);
    });

    it("names the department's role on the report's due date, which may differ from its role on the deadline", () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2025-12-31', approval('2025-12-20', 'ev-approve-1'))],
          assignments: [
            assignment('t1', DEPT, 'support', '2025-01-01', '2025-06-01'),
            assignment('t1', DEPT, 'lead', '2025-06-01'),
          ],
          reports: [report('t1', DEPT, 'late', '2025-03-28', 'ev-late-3')],
        }),
      );

      expect(rows(result)).toEqual([
        {
          taskId: 't1',
          eventId: 'ev-late-3',
          rule: 'late_report',
          role: 'support',
          points: -0.1,
          date: '2025-03-28',
        },
        {
          taskId: 't1',
          eventId: 'ev-approve-1',
          rule: 'on_time',
          role: 'lead',
          points: 2,
          date: '2025-12-20',
        },
      ]);
      expect(assessed(result).score).toBe(81.9);
    });
  });

  describe('quality rating on approval', () => {
    function ratedTask(rating: 'excellent' | 'good' | 'fair' | 'poor', approvedOn = '2025-06-20') {
      return oneOffTask('t1', '2025-06-30', approval(approvedOn, 'ev-approve-1', rating));
    }

    it('adds 0.5 for 优 to the lead: 82.5, as a row of its own naming the rating event', () => {
      const result = sut(
        facts({ tasks: [ratedTask('excellent')], assignments: [assignment('t1', DEPT, 'lead')] }),
      );

      expect(rows(result)).toEqual([
        {
          taskId: 't1',
          eventId: 'ev-approve-1',
          rule: 'on_time',
          role: 'lead',
          points: 2,
          date: '2025-06-20',
        },
        {
          taskId: 't1',
          eventId: 'ev-approve-1-rating',
          rule: 'quality_excellent',
          role: 'lead',
          points: 0.5,
          date: '2025-06-20',
        },
      ]);
      expect(assessed(result).score).toBe(82.5);
    });

    it('takes 1 for 差 from the lead: 81', () => {
      const result = sut(
        facts({ tasks: [ratedTask('poor')], assignments: [assignment('t1', DEPT, 'lead')] }),
      );

      expect(assessed(result).score).toBe(81);
    });

    it('shows 良 and 中 as rows worth 0, so the rating is visible in the breakdown', () => {
      for (const [rating, rule] of [
        ['good', 'quality_good'],
        ['fair', 'quality_fair'],
      ] as const) {
        const result = sut(
          facts({ tasks: [ratedTask(rating)], assignments: [assignment('t1', DEPT, 'lead')] }),
        );

        expect(assessed(result).score).toBe(82);
        expect(rows(result)[1]).toEqual({
          taskId: 't1',
          eventId: 'ev-approve-1-rating',
          rule,
          role: 'lead',
          points: 0,
          date: '2025-06-20',
        });
      }
    });

    it('does not touch a supporting department: 优 leaves it at 81', () => {
      const result = sut(
        facts({
          tasks: [ratedTask('excellent')],
          assignments: [assignment('t1', DEPT, 'support')],
        }),
      );

      expect(assessed(result).score).toBe(81);
      expect(rows(result).map((row) => row.rule)).toEqual(['on_time']);
    });

    it('applies to a late completion too: 80 − 5 − 1 = 74 for a late 差', () => {
      const result = sut(
        facts({
          tasks: [ratedTask('poor', '2025-07-15')],
          assignments: [assignment('t1', DEPT, 'lead')],
        }),
      );

      expect(assessed(result).score).toBe(74);
    });

    it('reaches supporting departments when the scheme says so: 81 + 0.5 = 81.5', () => {
      const scheme = pointsScheme((input) => {
        input.points.quality.appliesTo = ['lead', 'support'];
      });
      const result = sut(
        facts({
          tasks: [ratedTask('excellent')],
          assignments: [assignment('t1', DEPT, 'support')],
        }),
        {
          scheme,
        },
      );

      expect(assessed(result).score).toBe(81.5);
    });
  });

  describe('kinds the scheme does not count', () => {
    it('leaves out every kind set to false', () => {
      const scheme = pointsScheme((input) => {
        input.counts = {
          onTime: false,
          overdue: false,
          lateReport: false,
          missedReport: false,
          quality: false,
        };
      });
      const result = sut(
        facts({
          tasks: [
            oneOffTask('t1', '2025-06-30', approval('2025-06-20', 'ev-approve-1', 'excellent')),
            oneOffTask('t2', '2025-03-31'),
          ],
          assignments: [assignment('t1', DEPT, 'lead'), assignment('t2', DEPT, 'lead')],
          reports: [
            report('t1', DEPT, 'late', '2025-03-28', 'ev-late'),
            report('t1', DEPT, 'missed', '2025-04-28', 'ev-missed'),
          ],
        }),
        { scheme },
      );

      expect(assessed(result).score).toBe(80);
      expect(assessed(result).deltas).toEqual([]);
    });
  });

  describe('cap and floor', () => {
    it('holds the score at the cap of 100 and shows the 2 points taken off as a cap row', () => {
      // 11 tasks led on time: 80 + 11 × 2 = 102
      const taskIds = Array.from({ length: 11 }, (_, index) => `t${String(index + 10)}`);
      const result = sut(
        facts({
          tasks: taskIds.map((taskId) =>
            oneOffTask(taskId, '2025-06-30', approval('2025-06-01', `ev-${taskId}`)),
          ),
          assignments: taskIds.map((taskId) => assignment(taskId, DEPT, 'lead')),
        }),
      );

      expect(assessed(result).rawScore).toBe(102);
      expect(assessed(result).score).toBe(100);
      expect(assessed(result).deltas.at(-1)).toEqual({
        taskId: null,
        eventId: null,
        rule: 'cap',
        role: null,
        points: -2,
        date: YEAR_END_RUN,
        deadline: null,
        period: null,
        share: null,
      });
    });

    it('holds the score at the floor of 0 and shows the 5 points added back as a floor row', () => {
      // 17 tasks led and overdue: 80 − 17 × 5 = −5
      const taskIds = Array.from({ length: 17 }, (_, index) => `t${String(index + 10)}`);
      const result = sut(
        facts({
          tasks: taskIds.map((taskId) => oneOffTask(taskId, '2025-03-31')),
          assignments: taskIds.map((taskId) => assignment(taskId, DEPT, 'lead')),
        }),
      );

      expect(assessed(result).rawScore).toBe(-5);
      expect(assessed(result).score).toBe(0);
      expect(rows(result).at(-1)).toEqual({
        taskId: null,
        eventId: null,
        rule: 'floor',
        role: null,
        points: 5,
        date: YEAR_END_RUN,
      });
    });

    it('adds no adjustment row when the score lands exactly on the cap', () => {
      // 10 tasks led on time: 80 + 10 × 2 = 100
      const taskIds = Array.from({ length: 10 }, (_, index) => `t${String(index + 10)}`);
      const result = sut(
        facts({
          tasks: taskIds.map((taskId) =>
            oneOffTask(taskId, '2025-06-30', approval('2025-06-01', `ev-${taskId}`)),
          ),
          assignments: taskIds.map((taskId) => assignment(taskId, DEPT, 'lead')),
        }),
      );

      expect(assessed(result).score).toBe(100);
      expect(rows(result).map((row) => row.rule)).not.toContain('cap');
    });

    it('uses the cap and floor of the scheme, not fixed numbers: cap 90 turns 92 into 90', () => {
      const scheme = pointsScheme((input) => {
        input.points.cap = 90;
      });
      const taskIds = ['a', 'b', 'c', 'd', 'e', 'f'];
      const result = sut(
        facts({
          tasks: taskIds.map((taskId) =>
            oneOffTask(taskId, '2025-06-30', approval('2025-06-01', `ev-${taskId}`)),
          ),
          assignments: taskIds.map((taskId) => assignment(taskId, DEPT, 'lead')),
        }),
        { scheme },
      );

      expect(assessed(result).rawScore).toBe(92);
      expect(assessed(result).score).toBe(90);
    });
  });

  describe('recurring yearly tasks (每年)', () => {
    const yearlyFacts = facts({
      tasks: [
        yearlyTask('t-yearly', '2025-11-30', [
          { ...approval('2025-11-20', 'ev-approve-2025'), occurrenceYear: 2025 },
          { ...approval('2026-12-10', 'ev-approve-2026'), occurrenceYear: 2026 },
        ]),
      ],
      assignments: [assignment('t-yearly', DEPT, 'lead')],
    });

    it('counts in its first year: on time in 2025, 82', () => {
      const result = sut(yearlyFacts, { year: 2025 });

      expect(rows(result)).toEqual([
        {
          taskId: 't-yearly',
          eventId: 'ev-approve-2025',
          rule: 'on_time',
          role: 'lead',
          points: 2,
          date: '2025-11-20',
        },
      ]);
    });

    it('counts again the next year against that year’s date: 2026-11-30, approved 2026-12-10, late, 75', () => {
      const result = sut(yearlyFacts, { year: 2026, asOf: '2027-01-15' });

      expect(assessed(result).deltas).toEqual([
        expect.objectContaining({
          taskId: 't-yearly',
          eventId: 'ev-approve-2026',
          rule: 'completed_late',
          deadline: '2026-11-30',
          points: -5,
        }),
      ]);
      expect(assessed(result).score).toBe(75);
    });

    it('is overdue in a year whose occurrence was never completed, even though an earlier one was', () => {
      const result = sut(yearlyFacts, { year: 2027, asOf: '2028-01-15' });

      expect(rows(result)).toEqual([
        {
          taskId: 't-yearly',
          eventId: null,
          rule: 'overdue_open',
          role: 'lead',
          points: -5,
          date: '2027-12-01',
        },
      ]);
    });

    it('does not count before its first year or after its last year', () => {
      const ending = facts({
        tasks: [yearlyTask('t-yearly', '2025-11-30', [], 2026)],
        assignments: [assignment('t-yearly', DEPT, 'lead', '2024-01-01')],
      });

      expect(sut(ending, { scheme: pointsScheme(undefined, 2024), year: 2024 }).status).toBe(
        'not_assessed',
      );
      expect(
        sut(ending, { scheme: pointsScheme(undefined, 2026), year: 2026, asOf: '2027-01-15' })
          .status,
      ).toBe('assessed');
      expect(
        sut(ending, { scheme: pointsScheme(undefined, 2027), year: 2027, asOf: '2028-01-15' })
          .status,
      ).toBe('not_assessed');
    });

    it('falls on 28 February in a year without 29 February', () => {
      const result = sut(
        facts({
          tasks: [yearlyTask('t-leap', '2024-02-29')],
          assignments: [assignment('t-leap', DEPT, 'lead', '2024-01-01')],
        }),
      );

      expect(assessed(result).deltas[0]).toEqual(
        expect.objectContaining({
          rule: 'overdue_open',
          deadline: '2025-02-28',
          date: '2025-03-01',
        }),
      );
    });
  });

  describe('task reassigned mid-year: points follow the assignment in force on the deadline', () => {
    const handedOver = facts({
      tasks: [oneOffTask('t1', '2025-09-30', approval('2025-09-15', 'ev-approve-1'))],
      assignments: [
        assignment('t1', OTHER, 'lead', '2025-01-01', '2025-06-01'),
        assignment('t1', DEPT, 'lead', '2025-06-01'),
      ],
    });

    it('gives the whole task to the department that held it on the deadline: 82', () => {
      expect(assessed(sut(handedOver, { departmentId: DEPT })).score).toBe(82);
    });

    it('gives nothing to the department that handed it over; with no other task it is not assessed', () => {
      expect(sut(handedOver, { departmentId: OTHER })).toEqual({
        departmentId: OTHER,
        year: 2025,
        method: 'points',
        status: 'not_assessed',
        reason: 'no_tasks_in_year',
      });
    });

    it('treats an assignment ending on a day as no longer in force that day (a handover on the deadline counts for the new holder)', () => {
      const onTheDeadline = facts({
        tasks: [oneOffTask('t1', '2025-09-30')],
        assignments: [
          assignment('t1', OTHER, 'lead', '2025-01-01', '2025-09-30'),
          assignment('t1', DEPT, 'lead', '2025-09-30'),
        ],
      });

      expect(assessed(sut(onTheDeadline, { departmentId: DEPT })).score).toBe(75);
      expect(sut(onTheDeadline, { departmentId: OTHER }).status).toBe('not_assessed');
    });

    it('uses the role held on the deadline when the department moved from lead to support: 81', () => {
      const demoted = facts({
        tasks: [oneOffTask('t1', '2025-09-30', approval('2025-09-15', 'ev-approve-1'))],
        assignments: [
          assignment('t1', DEPT, 'lead', '2025-01-01', '2025-06-01'),
          assignment('t1', DEPT, 'support', '2025-06-01'),
        ],
      });

      expect(assessed(sut(demoted)).score).toBe(81);
    });
    it('uses the latest-starting assignment when a correction left two in force on the deadline: support, 81', () => {
      const corrected = facts({
        tasks: [oneOffTask('t1', '2025-09-30', approval('2025-09-15', 'ev-approve-1'))],
        assignments: [
          assignment('t1', DEPT, 'lead', '2025-01-01'),
          assignment('t1', DEPT, 'support', '2025-03-01'),
        ],
      });

      expect(assessed(sut(corrected)).score).toBe(81);
    });
  });

  describe('department not assessed', () => {
    it('is not assessed, not given 80, when it has no tasks at all', () => {
      expect(sut(facts({}))).toEqual({
        departmentId: DEPT,
        year: 2025,
        method: 'points',
        status: 'not_assessed',
        reason: 'no_tasks_in_year',
      });
    });

    it('is not assessed when its tasks fall due in other years, even with reports missed this year', () => {
      const result = sut(
        facts({
          tasks: [oneOffTask('t1', '2026-06-30'), oneOffTask('t2', '2024-06-30')],
          assignments: [
            assignment('t1', DEPT, 'lead'),
            assignment('t2', DEPT, 'lead', '2024-01-01'),
          ],
          reports: [report('t1', DEPT, 'missed', '2025-05-28', 'ev-missed')],
        }),
      );

      expect(result.status).toBe('not_assessed');
    });
  });

  it('adds up a year with every rule, matching a table worked by hand', () => {
    // t1 led, on time, 优:        +2 +0.5
    // t2 supported, open overdue: −2.5
    // t3 led, 7 days late, 差:     −5 −1
    // t4 led, due after the run:  nothing yet
    // reports: 2 late, 1 missed:  −0.2 −0.5
    // 80 + 2.5 − 2.5 − 6 − 0.7 = 73.3
    const result = sut(
      facts({
        tasks: [
          oneOffTask('t1', '2025-06-30', approval('2025-06-25', 'ev-approve-t1', 'excellent')),
          oneOffTask('t2', '2025-09-30'),
          oneOffTask('t3', '2025-10-31', approval('2025-11-07', 'ev-approve-t3', 'poor')),
          oneOffTask('t4', '2025-12-31'),
        ],
        assignments: [
          assignment('t1', DEPT, 'lead'),
          assignment('t2', DEPT, 'support'),
          assignment('t3', DEPT, 'lead'),
          assignment('t4', DEPT, 'lead'),
        ],
        reports: [
          report('t2', DEPT, 'late', '2025-02-28', 'ev-late-2'),
          report('t3', DEPT, 'late', '2025-08-28', 'ev-late-8'),
          report('t4', DEPT, 'missed', '2025-11-28', 'ev-missed-11'),
        ],
      }),
      { asOf: '2025-12-15' },
    );

    expect(rows(result)).toEqual([
      {
        taskId: 't2',
        eventId: 'ev-late-2',
        rule: 'late_report',
        role: 'support',
        points: -0.1,
        date: '2025-02-28',
      },
      {
        taskId: 't1',
        eventId: 'ev-approve-t1',
        rule: 'on_time',
        role: 'lead',
        points: 2,
        date: '2025-06-25',
      },
      {
        taskId: 't1',
        eventId: 'ev-approve-t1-rating',
        rule: 'quality_excellent',
        role: 'lead',
        points: 0.5,
        date: '2025-06-25',
      },
      {
        taskId: 't3',
        eventId: 'ev-late-8',
        rule: 'late_report',
        role: 'lead',
        points: -0.1,
        date: '2025-08-28',
      },
      {
        taskId: 't2',
        eventId: null,
        rule: 'overdue_open',
        role: 'support',
        points: -2.5,
        date: '2025-10-01',
      },
      {
        taskId: 't3',
        eventId: 'ev-approve-t3',
        rule: 'completed_late',
        role: 'lead',
        points: -5,
        date: '2025-11-07',
      },
      {
        taskId: 't3',
        eventId: 'ev-approve-t3-rating',
        rule: 'quality_poor',
        role: 'lead',
        points: -1,
        date: '2025-11-07',
      },
      {
        taskId: 't4',
        eventId: 'ev-missed-11',
        rule: 'missed_report',
        role: 'lead',
        points: -0.5,
        date: '2025-11-28',
      },
    ]);
    expect(assessed(result).score).toBe(73.3);
    expect(assessed(result).rawScore).toBe(73.3);
  });

  describe('malformed input', () => {
    it('rejects a scheme written for another year', () => {
      expect(() =>
        scoreDepartment({
          scheme: pointsScheme(undefined, 2026),
          year: 2025,
          departmentId: DEPT,
          facts: facts({}),
          asOf: YEAR_END_RUN,
        }),
      ).toThrow(
        new InvalidScoringInputError(
          'scheme.year',
          'is 2026, but the 2025 assessment was requested',
        ),
      );
    });

    it('rejects a date that is not a calendar day, naming the field', () => {
      expect(() => sut(facts({ tasks: [oneOffTask('t1', '2025-02-30')] }))).toThrow(
        "tasks[0].deadline: '2025-02-30' is not a calendar date (YYYY-MM-DD)",
      );
      expect(() => sut(facts({}), { asOf: '2025/12/31' })).toThrow(InvalidScoringInputError);
    });

    it('rejects an assignment that ends before it starts, and a task listed twice', () => {
      expect(() =>
        sut(facts({ assignments: [assignment('t1', DEPT, 'lead', '2025-06-01', '2025-05-01')] })),
      ).toThrow('assignments[0].to: 2025-05-01 is before from (2025-06-01)');
      expect(() =>
        sut(facts({ tasks: [oneOffTask('t1', '2025-06-30'), oneOffTask('t1', '2025-07-31')] })),
      ).toThrow('tasks[1].taskId: task t1 is listed twice');
    });
  });
});

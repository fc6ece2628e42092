import {
  assignmentFactory,
  deadlineOnlyPolicy,
  DEPARTMENT_ID,
  nineAm,
  officialCalendar,
  policyFactory,
  TASK_ID,
  taskFactory,
} from '../test/reminders.factory';
import { currentDeadline, planReminders, type PlanInput } from './reminder-planner';

// Every expected date below was counted by hand on the State Council arrangement of its year
// (2026: 春节 2月15日至23日放假, 2月14日（六）、28日（六）上班; 中秋 9月25日至27日;
// 国庆 10月1日至7日放假, 9月20日（日）、10月10日（六）上班). Reminders fire at 09:00 Beijing
// time = 01:00 UTC.

function plan(input: Partial<PlanInput>): Array<[string, string, boolean]> {
  return planReminders({
    task: taskFactory(),
    assignment: assignmentFactory(),
    policy: policyFactory(),
    calendar: officialCalendar,
    now: new Date('2026-01-01T00:00:00Z'),
    ...input,
  }).map((r) => [r.kind, r.fireAt.toISOString(), r.provisional]);
}

describe('planReminders', () => {
  it('plans the whole schedule of a task due the Friday after National Day', () => {
    // Deadline Fri 10-09. 3 working days before: 10-08, 09-30, 09-29 (10-01…07 off).
    // 7 before: … 09-28, then 09-24 (中秋 09-25…27 off), 09-23, 09-22.
    // Orange, 3 after: Sat 10-10 (worked), Mon 10-12, Tue 10-13.
    // Red, 10 after: 10-10, 12, 13, 14, 15, 16, 19, 20, 21, 22.
    // Assigned Tue 09-01 10:00: 签收 due by 09-03, reminded Fri 09-04.
    // Reports: September due Mon 09-28; 3 working days before is 09-22; missed noticed 09-29.
    const rows = plan({
      task: taskFactory({ deadline: '2026-10-09' }),
      assignment: assignmentFactory({
        assignedAt: new Date('2026-09-01T02:00:00Z'),
        acknowledgedAt: null,
      }),
      now: new Date('2026-09-01T02:00:00Z'),
    });
    expect(rows).toEqual([
      ['acknowledgement', nineAm('2026-09-04'), false],
      ['pre_deadline', nineAm('2026-09-22'), false],
      ['report_due', nineAm('2026-09-22'), false],
      ['pre_deadline', nineAm('2026-09-29'), false],
      ['report_missed', nineAm('2026-09-29'), false],
      ['due_day', nineAm('2026-10-09'), false],
      ['notice_blue', nineAm('2026-10-09'), false],
      ['notice_orange', nineAm('2026-10-13'), false],
      ['notice_red', nineAm('2026-10-22'), false],
    ]);
  });

  it('moves a deadline inside the Spring Festival to the first working day after it', () => {
    // Deadline Wed 02-18 (off) → due Tue 02-24. Before: Sat 02-14 (worked), 02-13, 02-12 = 3;
    // 02-11, 02-10, 02-09, Fri 02-06 = 7. After: 02-25, 02-26, 02-27 = 3 (orange);
    // Sat 02-28 (worked), 03-02 … 03-06, Mon 03-09 = 10 (red).
    expect(
      plan({ task: taskFactory({ deadline: '2026-02-18' }), policy: deadlineOnlyPolicy() }),
    ).toEqual([
      ['pre_deadline', nineAm('2026-02-06'), false],
      ['pre_deadline', nineAm('2026-02-12'), false],
      ['due_day', nineAm('2026-02-24'), false],
      ['notice_blue', nineAm('2026-02-24'), false],
      ['notice_orange', nineAm('2026-02-27'), false],
      ['notice_red', nineAm('2026-03-09'), false],
    ]);
  });

  it('marks reminders provisional exactly where they rely on a year not loaded yet', () => {
    // 2026-12-31 is a Thursday; 2027 is not in the data: Fri 2027-01-01 counts as a working day.
    expect(
      plan({ task: taskFactory({ deadline: '2026-12-31' }), policy: deadlineOnlyPolicy() }),
    ).toEqual([
      ['pre_deadline', nineAm('2026-12-22'), false],
      ['pre_deadline', nineAm('2026-12-28'), false],
      ['due_day', nineAm('2026-12-31'), false],
      ['notice_blue', nineAm('2026-12-31'), false],
      ['notice_orange', nineAm('2027-01-05'), true],
      ['notice_red', nineAm('2027-01-14'), true],
    ]);
  });

  it('plans a deadline in an uncovered year on weekends alone, every row provisional', () => {
    // Fri 2027-01-15: 3 before = Tue 01-12, 7 before = Wed 01-06; 3 after = Wed 01-20,
    // 10 after = Fri 01-29.
    expect(
      plan({ task: taskFactory({ deadline: '2027-01-15' }), policy: deadlineOnlyPolicy() }),
    ).toEqual([
      ['pre_deadline', nineAm('2027-01-06'), true],
      ['pre_deadline', nineAm('2027-01-12'), true],
      ['due_day', nineAm('2027-01-15'), true],
      ['notice_blue', nineAm('2027-01-15'), true],
      ['notice_orange', nineAm('2027-01-20'), true],
      ['notice_red', nineAm('2027-01-29'), true],
    ]);
  });

  it('leaves out what has passed but keeps what is due today, to fire at once', () => {
    // Planned at 11:00 on the due day: the 09:00 notices of today stay, earlier ones go.
    expect(
      plan({
        task: taskFactory({ deadline: '2026-10-09' }),
        policy: deadlineOnlyPolicy(),
        now: new Date('2026-10-09T03:00:00Z'),
      }),
    ).toEqual([
      ['due_day', nineAm('2026-10-09'), false],
      ['notice_blue', nineAm('2026-10-09'), false],
      ['notice_orange', nineAm('2026-10-13'), false],
      ['notice_red', nineAm('2026-10-22'), false],
    ]);
    // The next day at 08:59 yesterday's are gone too.
    expect(
      plan({
        task: taskFactory({ deadline: '2026-10-09' }),
        policy: deadlineOnlyPolicy(),
        now: new Date('2026-10-10T00:59:00Z'),
      }).map(([kind]) => kind),
    ).toEqual(['notice_orange', 'notice_red']);
  });

  it('plans nothing for a completed or cancelled task, and everything while completion is pending', () => {
    const deadline = '2026-10-09';
    const base = { policy: deadlineOnlyPolicy(), now: new Date('2026-09-01T00:00:00Z') };
    expect(plan({ ...base, task: taskFactory({ deadline, status: 'completed' }) })).toEqual([]);
    expect(plan({ ...base, task: taskFactory({ deadline, status: 'cancelled' }) })).toEqual([]);
    expect(
      plan({ ...base, task: taskFactory({ deadline, status: 'completion_pending' }) }),
    ).toHaveLength(6);
  });

  it('reminds an unacknowledged assignment on the working day after its window, counting adjusted Sundays', () => {
    // Assigned Fri 09-18 at 17:00: working days after it are Sun 09-20 (worked), Mon 09-21;
    // 签收 due by then, reminded Tue 09-22.
    const policy = policyFactory({
      progressReports: { ...policyFactory().progressReports, enabled: false },
    });
    const assignedAt = new Date('2026-09-18T09:00:00Z');
    const now = assignedAt;
    expect(
      plan({ policy, now, assignment: assignmentFactory({ assignedAt, acknowledgedAt: null }) }),
    ).toEqual([['acknowledgement', nineAm('2026-09-22'), false]]);
    expect(plan({ policy, now, assignment: assignmentFactory({ assignedAt }) })).toEqual([]);
  });

  it('follows a yearly task from one occurrence to the next once its ladder is done', () => {
    const task = taskFactory({ deadline: '2020-06-30', recurrence: 'yearly' });
    const policy = deadlineOnlyPolicy();
    // 2026-06-30 is a Tuesday; its red notice is 10 working days later, Tue 07-14.
    expect(currentDeadline(task, policy, officialCalendar, '2026-07-14')).toBe('2026-06-30');
    expect(currentDeadline(task, policy, officialCalendar, '2026-07-15')).toBe('2027-06-30');
    expect(plan({ task, policy, now: new Date('2026-07-10T00:00:00Z') })).toEqual([
      ['notice_red', nineAm('2026-07-14'), false],
    ]);
    // From 07-15 on, the 2027 occurrence (a Wednesday) on weekends alone.
    expect(plan({ task, policy, now: new Date('2026-07-15T02:00:00Z') })[0]).toEqual([
      'pre_deadline',
      nineAm('2027-06-21'),
      true,
    ]);
    // 29 February falls back to the 28th in other years.
    expect(
      currentDeadline(
        taskFactory({ deadline: '2024-02-29', recurrence: 'yearly' }),
        policy,
        officialCalendar,
        '2025-01-10',
      ),
    ).toBe('2025-02-28');
  });

  describe('progress reports', () => {
    const policy = policyFactory({
      acknowledgement: { enabled: false, withinWorkingDays: 2 },
    });

    it('still notices last month’s missed report early in the next month', () => {
      // February is due Sat 02-28 (a worked Saturday); its reminder (02-25) has passed on
      // Sun 03-01, the missed notice comes on Mon 03-02.
      expect(
        plan({
          policy,
          assignment: assignmentFactory({ assignedAt: new Date('2026-01-10T02:00:00Z') }),
          now: new Date('2026-03-01T02:00:00Z'),
        }),
      ).toEqual([['report_missed', nineAm('2026-03-02'), false]]);
    });

    it('skips a cycle whose reminder date came before the assignment', () => {
      // Assigned Fri 09-25 (a holiday, 中秋): September’s reminder was 09-22, so October is the
      // first cycle: due Wed 10-28, reminded 3 working days before on Fri 10-23, missed Thu 10-29.
      expect(
        plan({
          policy,
          assignment: assignmentFactory({ assignedAt: new Date('2026-09-25T02:00:00Z') }),
          now: new Date('2026-09-25T02:00:00Z'),
        }),
      ).toEqual([
        ['report_due', nineAm('2026-10-23'), false],
        ['report_missed', nineAm('2026-10-29'), false],
      ]);
    });

    it('takes a task’s own report day over the policy’s', () => {
      // Due Thu 09-10: reminded Mon 09-07, missed noticed Fri 09-11.
      expect(
        plan({
          policy,
          task: taskFactory({ reportDueDayOfMonth: 10 }),
          assignment: assignmentFactory({ assignedAt: new Date('2026-08-01T02:00:00Z') }),
          now: new Date('2026-09-01T00:00:00Z'),
        }),
      ).toEqual([
        ['report_due', nineAm('2026-09-07'), false],
        ['report_missed', nineAm('2026-09-11'), false],
      ]);
    });

    it('leaves the missed notice out when the policy does not send one', () => {
      expect(
        plan({
          policy: policyFactory({
            acknowledgement: { enabled: false, withinWorkingDays: 2 },
            progressReports: { ...policy.progressReports, missedNotice: false },
          }),
          now: new Date('2026-09-01T00:00:00Z'),
        }),
      ).toEqual([['report_due', nineAm('2026-09-22'), false]]);
    });
  });

  it('gives every row its stable key and the deadline or period it is about', () => {
    const [reminder] = planReminders({
      task: taskFactory({ deadline: '2026-10-09' }),
      assignment: assignmentFactory(),
      policy: deadlineOnlyPolicy({ preDeadline: { workingDaysBefore: [3] } }),
      calendar: officialCalendar,
      now: new Date('2026-09-01T00:00:00Z'),
    });
    expect(reminder).toEqual({
      key: `${TASK_ID}:${DEPARTMENT_ID}:pre_deadline:2026-09-29T01:00:00.000Z`,
      taskId: TASK_ID,
      departmentId: DEPARTMENT_ID,
      kind: 'pre_deadline',
      fireAt: new Date('2026-09-29T01:00:00.000Z'),
      provisional: false,
      deadline: '2026-10-09',
      period: null,
    });
  });

  it('fires at the configured local time of day', () => {
    expect(
      plan({
        task: taskFactory({ deadline: '2026-10-09' }),
        policy: deadlineOnlyPolicy({
          fireTime: '16:30',
          ladder: [],
          preDeadline: { workingDaysBefore: [] },
        }),
        now: new Date('2026-09-01T00:00:00Z'),
      }),
    ).toEqual([['due_day', '2026-10-09T08:30:00.000Z', false]]);
  });
});

import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { chineseDaysArrangements, WorkingDayCalendar } from '@duban/calendar';
import { type DemoAction, reviewDeadline, seededRandom, writeYearScript } from './year-plan';

const calendar = WorkingDayCalendar.fromArrangements(chineseDaysArrangements(chineseDaysData));
const options = { year: 2026, firstDay: '2026-01-05', seed: 7 };

function tasks(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `t${i}`,
    deadline: reviewDeadline(2026, i),
    lead: [`lead${i % 5}`],
    support: i % 2 ? [`support${i % 3}`] : [],
  }));
}

function actionsOf(days: Map<string, DemoAction[]>, taskId: string): Array<[string, DemoAction]> {
  return [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([day, list]) =>
      list.filter((a) => a.taskId === taskId).map((a) => [day, a] as [string, DemoAction]),
    );
}

describe('the demo year script', () => {
  it('spreads review deadlines over March to December, on the 20th', () => {
    expect([0, 1, 9, 10, 13].map((i) => reviewDeadline(2026, i))).toEqual([
      '2026-03-20',
      '2026-04-20',
      '2026-12-20',
      '2026-03-20',
      '2026-06-20',
    ]);
  });

  it('draws the same numbers from the same seed and others from another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });

  it('plays the same year from the same seed', () => {
    const one = writeYearScript(tasks(40), calendar, options);
    const two = writeYearScript(tasks(40), calendar, options);
    expect([...two.days]).toEqual([...one.days]);
    expect([...two.fates]).toEqual([...one.fates]);
  });

  it('keeps every action inside the year, from the import day on', () => {
    const script = writeYearScript(tasks(60), calendar, options);
    const days = [...script.days.keys()].sort();
    expect(days[0] >= '2026-01-05').toBe(true);
    expect(days[days.length - 1] <= '2026-12-31').toBe(true);
  });

  it('acknowledges each assignment at most once, and most of them in the first week', () => {
    const list = tasks(60);
    const script = writeYearScript(list, calendar, options);
    const acks = [...script.days].flatMap(([day, actions]) =>
      actions
        .filter((a) => a.kind === 'acknowledge')
        .map((a) => ({ day, key: `${a.taskId}/${'departmentId' in a ? a.departmentId : ''}` })),
    );
    const assignments = list.reduce((n, t) => n + t.lead.length + t.support.length, 0);
    expect(new Set(acks.map((a) => a.key)).size).toBe(acks.length);
    expect(acks.length).toBeLessThan(assignments);
    expect(acks.length).toBeGreaterThan(assignments * 0.8);
    // 2026-01-05 is a Monday: day 0, 1 and 4 working days later are 01-05, 01-06 and 01-09.
    expect(new Set(acks.map((a) => a.day))).toEqual(
      new Set(['2026-01-05', '2026-01-06', '2026-01-09']),
    );
  });

  it('gives each fate its dates: declare, decide, extend, relative to the deadline in working days', () => {
    const list = tasks(80);
    const script = writeYearScript(list, calendar, options);
    const byFate = (fate: string) => list.filter((t) => script.fates.get(t.id) === fate);
    const flow = (taskId: string) =>
      actionsOf(script.days, taskId)
        .filter(([, a]) => a.kind !== 'acknowledge' && a.kind !== 'progress')
        .map(([day, a]) => `${day} ${a.kind}`);

    // Deadline Fri 2026-03-20: 5 working days before is Fri 03-13, approved Mon 03-16.
    const onTime = byFate('on_time').find((t) => t.deadline === '2026-03-20');
    expect(onTime && flow(onTime.id)).toEqual(['2026-03-13 declare', '2026-03-16 approve']);

    // Returned once, then declared again after the deadline: completed late.
    for (const task of byFate('returned')) {
      const steps = flow(task.id);
      expect(steps.map((s) => s.slice(11))).toEqual(['declare', 'return', 'declare', 'approve']);
      expect(steps[0].slice(0, 10) < task.deadline).toBe(true);
      expect(steps[2].slice(0, 10) > task.deadline).toBe(true);
    }
    for (const task of byFate('extended')) {
      const steps = flow(task.id);
      expect(steps.map((s) => s.slice(11)).slice(0, 2)).toEqual(['extend', 'approveExtension']);
      expect(steps[0].slice(0, 10) < task.deadline).toBe(true);
    }
    for (const task of byFate('late')) {
      expect(flow(task.id)[0].slice(0, 10) > task.deadline).toBe(true);
    }
    for (const task of byFate('overdue')) {
      expect(flow(task.id)).toEqual([]);
    }
    expect(new Set(script.fates.values()).size).toBe(5);
  });

  it('files progress reports only while the task is open, at most one per department and month', () => {
    const list = tasks(60);
    const script = writeYearScript(list, calendar, options);
    for (const task of list) {
      const actions = actionsOf(script.days, task.id);
      const approved = actions.filter(([, a]) => a.kind === 'approve').map(([day]) => day)[0];
      const reports = actions.filter(([, a]) => a.kind === 'progress');
      const keys = reports.map(([, a]) =>
        'period' in a && 'departmentId' in a ? `${a.departmentId}/${a.period}` : '',
      );
      expect(new Set(keys).size).toBe(keys.length);
      if (approved) {
        expect(reports.every(([day]) => day < approved)).toBe(true);
      }
      // A report is filed in its own month (on time) or in the first days of the next (late).
      for (const [day, action] of reports) {
        if (action.kind === 'progress') {
          expect(day.slice(0, 7) === action.period || day.slice(8) <= '06').toBe(true);
        }
      }
    }
  });
});

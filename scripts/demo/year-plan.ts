import type { WorkingDayCalendar } from '@duban/calendar';
import { seededRandom } from '../../libs/testing/src/seeded-random';

/** A committed task as the demo's script sees it. */
export interface ScriptTask {
  id: string;
  deadline: string;
  lead: string[];
  support: string[];
}

export type Rating = 'excellent' | 'good' | 'fair' | 'poor';

/** One thing a department or the office does through the API on a given day. */
export type DemoAction =
  | { kind: 'acknowledge'; taskId: string; departmentId: string }
  | { kind: 'progress'; taskId: string; departmentId: string; period: string; percent: number }
  | { kind: 'declare'; taskId: string; departmentId: string }
  | { kind: 'approve'; taskId: string; rating: Rating }
  | { kind: 'return'; taskId: string }
  | { kind: 'extend'; taskId: string; departmentId: string; requestedDeadline: string }
  | { kind: 'approveExtension'; taskId: string };

/** How a task's year goes. */
export type TaskFate = 'on_time' | 'returned' | 'extended' | 'late' | 'overdue';

export interface YearScript {
  fates: Map<string, TaskFate>;
  /** Actions by ISO day, in the order they are to be made on the day. */
  days: Map<string, DemoAction[]>;
}

/** The same seed plays the same year, so printed tables can be compared between runs. */
export { seededRandom };

function pick<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  let roll = random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) {
      return value;
    }
  }
  return weighted[weighted.length - 1][0];
}

const FATES: ReadonlyArray<readonly [TaskFate, number]> = [
  ['on_time', 55],
  ['returned', 10],
  ['extended', 10],
  ['late', 10],
  ['overdue', 15],
];
const RATINGS: ReadonlyArray<readonly [Rating, number]> = [
  ['excellent', 25],
  ['good', 50],
  ['fair', 20],
  ['poor', 5],
];

/**
 * The deadlines the office sets in review for a year: spread over March to December, on the
 * 20th (the planner moves one on a holiday to the next working day).
 */
export function reviewDeadline(year: number, index: number): string {
  const month = 3 + (index % 10);
  return `${year}-${String(month).padStart(2, '0')}-20`;
}

/**
 * Writes the year: every assignment acknowledged (most at once, some late, a few never); monthly
 * progress reports by the 28th (some late, some missed) while the task is open; and each task's
 * fate — completed on time, returned once then completed late, extended then completed, completed
 * late, or left overdue to climb the 督办 ladder.
 */
export function writeYearScript(
  tasks: readonly ScriptTask[],
  calendar: WorkingDayCalendar,
  options: { year: number; firstDay: string; seed: number },
): YearScript {
  const random = seededRandom(options.seed);
  const days = new Map<string, DemoAction[]>();
  const fates = new Map<string, TaskFate>();
  const lastDay = `${options.year}-12-31`;
  const at = (day: string, action: DemoAction) => {
    if (day < options.firstDay || day > lastDay) {
      return;
    }
    const list = days.get(day) ?? [];
    list.push(action);
    days.set(day, list);
  };
  // Past the last year the calendar carries, count weekends only (the scheduler does the same,
  // marking such reminders provisional); actions after the year are dropped anyway.
  const working = (day: string, offset: number) =>
    calendar.addWorkingDays(day, offset, { provisional: true }).value;

  for (const task of tasks) {
    const lead = task.lead[0];
    const departments = [...task.lead, ...task.support];
    for (const departmentId of departments) {
      const ack = random();
      if (ack < 0.8) {
        at(working(options.firstDay, ack < 0.5 ? 0 : 1), {
          kind: 'acknowledge',
          taskId: task.id,
          departmentId,
        });
      } else if (ack < 0.93) {
        at(working(options.firstDay, 4), { kind: 'acknowledge', taskId: task.id, departmentId });
      }
    }
    if (!lead) {
      continue;
    }
    const fate = pick(random, FATES);
    fates.set(task.id, fate);
    const rating = pick(random, RATINGS);
    let closedOn = lastDay;
    switch (fate) {
      case 'on_time': {
        const declared = working(task.deadline, -5);
        at(declared, { kind: 'declare', taskId: task.id, departmentId: lead });
        closedOn = working(declared, 1);
        at(closedOn, { kind: 'approve', taskId: task.id, rating });
        break;
      }
      case 'returned': {
        const declared = working(task.deadline, -3);
        at(declared, { kind: 'declare', taskId: task.id, departmentId: lead });
        at(working(declared, 1), { kind: 'return', taskId: task.id });
        const again = working(task.deadline, 4);
        at(again, { kind: 'declare', taskId: task.id, departmentId: lead });
        closedOn = working(again, 1);
        at(closedOn, { kind: 'approve', taskId: task.id, rating });
        break;
      }
      case 'extended': {
        const asked = working(task.deadline, -6);
        const requestedDeadline = working(task.deadline, 20);
        at(asked, { kind: 'extend', taskId: task.id, departmentId: lead, requestedDeadline });
        at(working(asked, 1), { kind: 'approveExtension', taskId: task.id });
        const declared = working(requestedDeadline, -3);
        at(declared, { kind: 'declare', taskId: task.id, departmentId: lead });
        closedOn = working(declared, 1);
        at(closedOn, { kind: 'approve', taskId: task.id, rating });
        break;
      }
      case 'late': {
        const declared = working(task.deadline, 6);
        at(declared, { kind: 'declare', taskId: task.id, departmentId: lead });
        closedOn = working(declared, 1);
        at(closedOn, { kind: 'approve', taskId: task.id, rating });
        break;
      }
      case 'overdue':
        break;
    }
    // Monthly reports while the task is open: most during the month (by the 27th), some in the
    // first days of the next month (late), some never (missed). Spread over the month, as
    // departments do, rather than all in the last week.
    for (let month = 1; month <= 12; month += 1) {
      const period = `${options.year}-${String(month).padStart(2, '0')}`;
      for (const departmentId of departments) {
        const roll = random();
        const onTime = `${period}-${String(3 + Math.floor(random() * 25)).padStart(2, '0')}`;
        const nextMonth =
          month === 12
            ? null
            : `${options.year}-${String(month + 1).padStart(2, '0')}-0${2 + Math.floor(random() * 5)}`;
        const day = roll < 0.8 ? onTime : roll < 0.9 ? nextMonth : null;
        if (day && day < closedOn) {
          at(day, {
            kind: 'progress',
            taskId: task.id,
            departmentId,
            period,
            percent: Math.min(95, month * 8),
          });
        }
      }
    }
  }
  return { fates, days };
}

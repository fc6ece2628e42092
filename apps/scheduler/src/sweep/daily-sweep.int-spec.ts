import type { DataSource } from 'typeorm';
import { WorkingDayCalendar, chineseDaysArrangements } from '@duban/calendar';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import {
  createTestDatabase,
  createTestRedis,
  pollUntil,
  startPrivateRedis,
  type PrivateRedis,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';
import {
  assigned,
  emit,
  eventsSettled,
  insertAssignment,
  insertDepartment,
  insertPlan,
  insertTask,
  officialCalendar,
  pendingJobIds,
  reminderRows,
  startScheduler,
  testPolicy,
  type SchedulerHarness,
} from '../../test/scheduler.factory';
import { DailySweepService } from './daily-sweep.service';
import { SWEEP_SCHEDULER_ID, SweepSchedulerService } from './sweep-scheduler.service';

jest.setTimeout(60_000);

const nine = (date: string) => `${date}T01:00:00.000Z`;

async function scheduledIds(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM reminders WHERE state = 'scheduled' ORDER BY id`,
  );
  return rows.map((row) => row.id).sort();
}

describe('the daily sweep restores what Redis lost (private redis-server, FLUSHALL)', () => {
  let db: TestDatabase;
  let redis: PrivateRedis;
  let sut: SchedulerHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startPrivateRedis();
    const base = testPolicy();
    // One reminder per assignment: 3 working days before the deadline.
    const policy = testPolicy({
      acknowledgement: { ...base.acknowledgement, enabled: false },
      preDeadline: { workingDaysBefore: [3] },
      ladder: [],
    });
    sut = await startScheduler(db, { url: redis.url, prefix: 'duban-sweep' }, policy);
  });

  afterAll(async () => {
    await sut.close();
    await redis.stop();
    await db.drop();
  });

  it('re-adds all 500 pending reminder jobs after FLUSHALL, and the watchdog re-registers the sweep', async () => {
    sut.clock.set('2026-09-01T02:00:00Z');
    const dataSource = db.dataSource;
    const planId = await insertPlan(dataSource);
    const departmentId = await insertDepartment(dataSource);
    const tasks = await dataSource.query<Array<{ id: string }>>(
      `INSERT INTO tasks (plan_id, number_path, level, title, deadline)
       SELECT $1, 'n' || g, 1, '任务' || g, date '2026-10-09' FROM generate_series(1, 500) g
       RETURNING id`,
      [planId],
    );
    await dataSource.query(
      `INSERT INTO task_assignments (task_id, department_id, role, assigned_at)
       SELECT unnest($1::uuid[]), $2, 'lead', $3`,
      [tasks.map((t) => t.id), departmentId, '2026-09-01T02:00:00Z'],
    );
    const events = await emit(
      dataSource,
      tasks.map((t) => assigned(t.id, departmentId, '2026-10-09')),
    );
    await pollUntil(
      () =>
        eventsSettled(
          dataSource,
          sut.events,
          events.map((e) => e.id),
        ),
      { timeoutMs: 45_000, what: '500 TaskAssigned events applied' },
    );
    const ids = await scheduledIds(dataSource);
    expect(ids).toHaveLength(500);
    expect(await pendingJobIds(sut.reminders)).toEqual(ids);

    await redis.client.flushall();
    expect(await pendingJobIds(sut.reminders)).toEqual([]);

    const summary = await sut.app.get(DailySweepService).run();
    expect(summary.restoredJobs).toBe(500);
    expect(await pendingJobIds(sut.reminders)).toEqual(ids);
    // Each restored job waits for its row's fire time: Tue 09-29 09:00 (3 working days before
    // Fri 10-09, the National Day week off), 27 days 23 hours after the clock's now.
    const job = await sut.reminders.getJob(ids[0]);
    const expectedDelay = Date.parse(nine('2026-09-29')) - Date.parse('2026-09-01T02:00:00Z');
    expect(job?.opts.delay).toBeLessThanOrEqual(expectedDelay);
    expect(job?.opts.delay).toBeGreaterThan(expectedDelay - 60_000);

    // A second sweep finds nothing missing.
    expect((await sut.app.get(DailySweepService).run()).restoredJobs).toBe(0);
    // Some jobs lost among many kept: exactly those come back.
    const lost = [ids[0], ids[250], ids[499]];
    await Promise.all(lost.map((id) => sut.reminders.remove(id)));
    expect(await sut.app.get(DailySweepService).reconcile()).toBe(lost.length);
    expect(await pendingJobIds(sut.reminders)).toEqual(ids);

    // The sweep's own schedule went with the flush; the watchdog notices and puts it back.
    const scheduler = sut.app.get(SweepSchedulerService);
    expect(await sut.sweep.getJobScheduler(SWEEP_SCHEDULER_ID)).toBeUndefined();
    expect(await scheduler.ensure()).toBe('restored');
    expect(await sut.sweep.getJobScheduler(SWEEP_SCHEDULER_ID)).toMatchObject({
      pattern: '30 0 * * *',
      tz: 'Asia/Shanghai',
    });
    expect(await scheduler.ensure()).toBe('present');
  });
});

describe('the daily sweep records facts once and follows the calendar', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let sut: SchedulerHarness;
  let dataSource: DataSource;
  // A made-up 2027 arrangement (a fixture, not an official one): Friday 2027-01-15 is a holiday.
  let calendar = officialCalendar;
  const with2027 = WorkingDayCalendar.fromArrangements([
    ...chineseDaysArrangements(chineseDaysData),
    { year: 2027, holidays: ['2027-01-15'], workdays: [], source: 'override' },
  ]);

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    dataSource = db.dataSource;
    const base = testPolicy();
    sut = await startScheduler(
      db,
      redis,
      testPolicy({ progressReports: { ...base.progressReports, enabled: true } }),
      { loadCalendar: () => Promise.resolve(calendar) },
    );
  });

  afterAll(async () => {
    await sut.close();
    await redis.cleanup();
    await db.drop();
  });

  it('emits TaskOverdue and ReportMissed once, counting a holiday deadline from the next working day', async () => {
    // Mon 2026-10-05, inside the National Day week off.
    sut.clock.set('2026-10-05T02:00:00Z');
    const planId = await insertPlan(dataSource);
    const [x, y, z, w] = await Promise.all([1, 2, 3, 4].map(() => insertDepartment(dataSource)));
    // Due Wed 09-30: overdue. Due Thu 10-01 (a holiday): due Thu 10-08, not overdue yet.
    // Completed past its deadline: not reminded, not overdue.
    const late = await insertTask(dataSource, planId, { deadline: '2026-09-30' });
    const holiday = await insertTask(dataSource, planId, { deadline: '2026-10-01' });
    const done = await insertTask(dataSource, planId, {
      deadline: '2026-09-29',
      status: 'completed',
    });
    const assignedAt = '2026-09-01T02:00:00Z';
    await insertAssignment(dataSource, { taskId: late, departmentId: x, assignedAt });
    await insertAssignment(dataSource, { taskId: late, departmentId: y, assignedAt });
    // Assigned on 09-25, after September's reminder (09-22): September's report is not owed.
    await insertAssignment(dataSource, {
      taskId: holiday,
      departmentId: z,
      assignedAt: '2026-09-25T02:00:00Z',
    });
    await insertAssignment(dataSource, { taskId: done, departmentId: w, assignedAt });
    // y reported for September; x did not.
    await dataSource.query(
      `INSERT INTO progress_reports (task_id, department_id, period, text, percent)
       VALUES ($1, $2, '2026-09', '已完成前期工作', 40)`,
      [late, y],
    );

    const sweep = sut.app.get(DailySweepService);
    const first = await sweep.run();
    const second = await sweep.run();
    expect([first.overdue, first.missedReports]).toEqual([1, 1]);
    expect([second.overdue, second.missedReports]).toEqual([0, 0]);

    const events = await dataSource.query<Array<{ type: string; payload: unknown }>>(
      `SELECT type, payload FROM outbox WHERE type IN ('TaskOverdue', 'ReportMissed') ORDER BY type`,
    );
    expect(events).toEqual([
      {
        type: 'ReportMissed',
        payload: { taskId: late, departmentId: x, period: '2026-09', dueDate: '2026-09-28' },
      },
      {
        type: 'TaskOverdue',
        payload: { taskId: late, deadline: '2026-09-30', detectedOn: '2026-10-05' },
      },
    ]);
    // The assignments had no events: the sweep planned their next report cycle (October: due
    // Wed 10-28, reminded Fri 10-23) and, for the open tasks, what is left of the ladder.
    expect(first.replanned).toBe(3);
    expect(second.replanned).toBe(0);
    const overdueRows = await reminderRows(dataSource, late, 'scheduled');
    expect(overdueRows.filter((r) => r.kind === 'notice_orange').map((r) => r.fireAt)).toEqual([
      // Due Wed 09-30; 3 working days after: Thu 10-08, Fri 10-09, Sat 10-10 (worked).
      nine('2026-10-10'),
      nine('2026-10-10'),
    ]);
    expect(
      (await reminderRows(dataSource, done)).length +
        (await reminderRows(dataSource, holiday)).filter((r) => r.kind === 'report_due').length,
    ).toBe(1);
  });

  it('recomputes provisional reminders once their year is loaded', async () => {
    sut.clock.set('2026-11-23T02:00:00Z');
    const planId = await insertPlan(dataSource);
    const departmentId = await insertDepartment(dataSource);
    const taskId = await insertTask(dataSource, planId, { deadline: '2027-01-15' });
    await insertAssignment(dataSource, {
      taskId,
      departmentId,
      assignedAt: '2026-11-23T02:00:00Z',
      acknowledgedAt: '2026-11-23T03:00:00Z',
    });
    const events = await emit(dataSource, [assigned(taskId, departmentId, '2027-01-15')]);
    await pollUntil(() =>
      eventsSettled(
        dataSource,
        sut.events,
        events.map((e) => e.id),
      ),
    );
    const deadlineKinds = ['pre_deadline', 'notice_blue', 'notice_orange', 'notice_red'];
    const ladder = async () =>
      (await reminderRows(dataSource, taskId, 'scheduled'))
        .filter((r) => deadlineKinds.includes(r.kind))
        .map((r) => [r.kind, r.fireAt, r.provisional]);
    // Weekends only: Fri 01-15 due; 7 before Wed 01-06, 3 before Tue 01-12; 3 after Wed 01-20;
    // 10 after Fri 01-29.
    expect(await ladder()).toEqual([
      ['pre_deadline', nine('2027-01-06'), true],
      ['pre_deadline', nine('2027-01-12'), true],
      ['notice_blue', nine('2027-01-15'), true],
      ['notice_orange', nine('2027-01-20'), true],
      ['notice_red', nine('2027-01-29'), true],
    ]);

    calendar = with2027;
    await sut.app.get(DailySweepService).run();
    // 2027-01-15 now off: due Mon 01-18. Before it: 01-14, 13, 12 (3), 11, 08, 07, 06 (7), so
    // those dates stay and only lose the provisional mark; 3 after Thu 01-21; 10 after Mon 02-01.
    expect(await ladder()).toEqual([
      ['pre_deadline', nine('2027-01-06'), false],
      ['pre_deadline', nine('2027-01-12'), false],
      ['notice_blue', nine('2027-01-18'), false],
      ['notice_orange', nine('2027-01-21'), false],
      ['notice_red', nine('2027-02-01'), false],
    ]);
    const pending = new Set(await pendingJobIds(sut.reminders));
    const rows = await reminderRows(dataSource, taskId);
    expect(
      rows
        .filter((r) => pending.has(r.id))
        .map((r) => r.id)
        .sort(),
    ).toEqual(
      rows
        .filter((r) => r.state === 'scheduled')
        .map((r) => r.id)
        .sort(),
    );
  });
});

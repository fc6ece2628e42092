import { shanghaiDateOf } from '@duban/calendar';
import { SimulatedClock } from '@duban/clock';
import {
  createTestDatabase,
  createTestRedis,
  pollUntil,
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
  reminderRows,
  startScheduler,
  testPolicy,
  type SchedulerHarness,
} from '../test/scheduler.factory';

// 30,000 simulated seconds per real second: a simulated day takes 2.9 s. Start-up takes a few
// real seconds, i.e. a simulated day or so, so the test reads the clock instead of assuming a day.
const SPEED = 30_000;

describe('the scheduler on a compressed simulated calendar (PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let sut: SchedulerHarness<SimulatedClock>;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    const clock = new SimulatedClock(new Date('2026-03-02T00:00:00+08:00'), Date.now(), SPEED);
    sut = await startScheduler(db, redis, testPolicy({ dueDay: { enabled: true } }), { clock });
  });

  afterAll(async () => {
    await sut.close();
    await redis.cleanup();
    await db.drop();
  });

  it('sweeps once per simulated day at 00:30, keyed by the day, not on the real-time cron', async () => {
    await pollUntil(async () => (await sut.sweep.getJobs(['completed'])).length >= 2, {
      timeoutMs: 15_000,
      what: 'two simulated days swept',
    });
    const jobs = await sut.sweep.getJobs(['completed']);
    const days = jobs.map((job) => (job.data as { day: string }).day).sort();
    expect(jobs.map((job) => job.id).sort()).toEqual(days.map((day) => `simulated-${day}`));
    days.slice(1).forEach((day, index) => {
      expect(Date.parse(day) - Date.parse(days[index])).toBe(86_400_000);
    });
    expect(await sut.sweep.getJobSchedulers()).toEqual([]);
  });

  it('delays reminder jobs and the digest window by the clock speed, and fires on the simulated day', async () => {
    const dataSource = db.dataSource;
    const planId = await insertPlan(dataSource);
    const departmentId = await insertDepartment(dataSource);
    const deadline = officialCalendar.addWorkingDays(shanghaiDateOf(sut.clock.now()), 1);
    const nine = `${deadline}T01:00:00.000Z`;
    const taskId = await insertTask(dataSource, planId, { deadline });
    await insertAssignment(dataSource, {
      taskId,
      departmentId,
      assignedAt: '2026-02-20T02:00:00Z',
      acknowledgedAt: '2026-02-20T03:00:00Z',
    });
    const assignedAt = sut.clock.now().getTime();
    const events = await emit(dataSource, [assigned(taskId, departmentId, deadline)]);
    await pollUntil(
      () =>
        eventsSettled(
          dataSource,
          sut.events,
          events.map((e) => e.id),
        ),
      { timeoutMs: 15_000, what: 'the scheduler applied the event' },
    );

    const dueDay = (await reminderRows(dataSource, taskId)).filter(
      (row) => row.kind === 'due_day' || row.kind === 'notice_blue',
    );
    expect(dueDay.map((row) => [row.kind, row.fireAt])).toEqual([
      ['due_day', nine],
      ['notice_blue', nine],
    ]);
    // The job waits the simulated time to 09:00 divided by the speed: seconds, not a day.
    const job = await sut.reminders.getJob(dueDay[0].id);
    expect(job?.opts.delay).toBeLessThanOrEqual(Math.ceil((Date.parse(nine) - assignedAt) / SPEED));

    await pollUntil(async () => (await reminderRows(dataSource, taskId, 'fired')).length === 2, {
      timeoutMs: 15_000,
      what: 'the due-day reminder and the blue notice fired',
    });
    const compose = await sut.mail.getJob(`compose:${departmentId}:${deadline}`);
    // The 30 s digest window is 1 ms at 30,000×.
    expect(compose?.opts.delay).toBe(1);
    expect(sut.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(nine));
  });
});

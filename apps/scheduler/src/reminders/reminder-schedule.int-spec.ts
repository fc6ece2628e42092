import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { type AnyDomainEvent, EventConsumer, JobName, type NewEvent } from '@duban/contracts';
import { applyEventsOnce } from '@duban/outbox';
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
  pendingJobIds,
  reminderRows,
  startScheduler,
  testPolicy,
  type SchedulerHarness,
} from '../../test/scheduler.factory';
import { createSchedulerEventHandler } from '../events/scheduler-event.handlers';
import { ReminderScheduleService } from './reminder-schedule.service';

// Hand-counted on the 2026 State Council arrangement (国庆 10月1日至7日, 10月10日（六）上班;
// 中秋 9月25日至27日). Reminders fire at 09:00 Beijing time = 01:00 UTC.
const nine = (date: string) => `${date}T01:00:00.000Z`;

// Reminders due in 2 s are waited for in real time.
jest.setTimeout(30_000);

describe('the reminder schedule (scheduler, PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let sut: SchedulerHarness;
  let dataSource: DataSource;
  let planId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    dataSource = db.dataSource;
    sut = await startScheduler(db, redis, testPolicy());
    planId = await insertPlan(dataSource);
  });

  afterAll(async () => {
    await sut.close();
    await redis.cleanup();
    await db.drop();
  });

  async function settle(events: ReadonlyArray<{ id: string }>): Promise<void> {
    await pollUntil(
      () =>
        eventsSettled(
          dataSource,
          sut.events,
          events.map((e) => e.id),
        ),
      { timeoutMs: 15_000, what: 'the scheduler applied the events' },
    );
  }

  async function assign(deadline: string, acknowledgedAt: string | null = null) {
    const departmentId = await insertDepartment(dataSource);
    const taskId = await insertTask(dataSource, planId, { deadline });
    await insertAssignment(dataSource, {
      taskId,
      departmentId,
      assignedAt: sut.clock.now().toISOString(),
      acknowledgedAt,
    });
    await settle(await emit(dataSource, [assigned(taskId, departmentId, deadline)]));
    return { taskId, departmentId };
  }

  it('plans rows and delayed jobs on TaskAssigned, and drops the 签收 reminder once acknowledged', async () => {
    // Tue 09-01 10:00: 签收 reminded Fri 09-04. Deadline Fri 10-09: 7 working days before is
    // 09-22, 3 before 09-29; orange 3 after (Sat 10-10 worked) is 10-13; red 10 after is 10-22.
    sut.clock.set('2026-09-01T02:00:00Z');
    const { taskId, departmentId } = await assign('2026-10-09');
    const rows = await reminderRows(dataSource, taskId);
    expect(rows.map((r) => [r.kind, r.fireAt, r.state])).toEqual([
      ['acknowledgement', nine('2026-09-04'), 'scheduled'],
      ['pre_deadline', nine('2026-09-22'), 'scheduled'],
      ['pre_deadline', nine('2026-09-29'), 'scheduled'],
      ['notice_blue', nine('2026-10-09'), 'scheduled'],
      ['notice_orange', nine('2026-10-13'), 'scheduled'],
      ['notice_red', nine('2026-10-22'), 'scheduled'],
    ]);
    const jobIds = await pendingJobIds(sut.reminders);
    expect(jobIds).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
    const job = await sut.reminders.getJob(rows[0].id);
    expect(job?.name).toBe(JobName.FireReminder);
    expect(job?.data).toEqual({ reminderId: rows[0].id });
    // Delayed until Fri 09-04 09:00 from Tue 09-01 10:00: 2 days 23 hours, give or take the run.
    expect(job?.opts.delay).toBeGreaterThan((71 * 3600 - 60) * 1000);
    expect(job?.opts.delay).toBeLessThanOrEqual(71 * 3600 * 1000);

    await dataSource.query(
      `UPDATE task_assignments SET acknowledged_at = now() WHERE task_id = $1`,
      [taskId],
    );
    await settle(
      await emit(dataSource, [
        {
          type: 'AssignmentAcknowledged',
          aggregateType: 'task',
          aggregateId: taskId,
          payload: { taskId, departmentId, acknowledgedAt: new Date().toISOString() },
        },
      ]),
    );
    expect((await reminderRows(dataSource, taskId, 'cancelled')).map((r) => r.id)).toEqual([
      rows[0].id,
    ]);
    expect(await sut.reminders.getJob(rows[0].id)).toBeUndefined();
    expect(await reminderRows(dataSource, taskId, 'scheduled')).toHaveLength(5);
  });

  it('keeps only the final schedule when the deadline changes three times within a second', async () => {
    sut.clock.set('2026-09-01T02:00:00Z');
    const { taskId } = await assign('2026-10-09', '2026-09-01T02:30:00Z');
    const first = await reminderRows(dataSource, taskId, 'scheduled');
    expect(first).toHaveLength(5);

    // Three edits back to back (well within a second), each applied by the scheduler while the
    // next is already on its way.
    const emitted: Array<{ id: string }> = [];
    let previous = '2026-10-09';
    for (const deadline of ['2026-10-16', '2026-10-23', '2026-10-30']) {
      await dataSource.query(`UPDATE tasks SET deadline = $2 WHERE id = $1`, [taskId, deadline]);
      // One transaction per change, as three edits in the api would be.
      const change: NewEvent = {
        type: 'TaskDeadlineChanged',
        aggregateType: 'task',
        aggregateId: taskId,
        payload: { taskId, previousDeadline: previous, deadline, cause: 'edit' },
      };
      emitted.push(...(await emit(dataSource, [change])));
      previous = deadline;
    }
    await settle(emitted);

    // Fri 10-30: 7 before = 10-21, 3 before = 10-27; orange Wed 11-04; red Fri 11-13.
    const scheduled = await reminderRows(dataSource, taskId, 'scheduled');
    expect(scheduled.map((r) => [r.kind, r.fireAt])).toEqual([
      ['pre_deadline', nine('2026-10-21')],
      ['pre_deadline', nine('2026-10-27')],
      ['notice_blue', nine('2026-10-30')],
      ['notice_orange', nine('2026-11-04')],
      ['notice_red', nine('2026-11-13')],
    ]);
    const all = await reminderRows(dataSource, taskId);
    const jobIds = new Set(await pendingJobIds(sut.reminders));
    for (const row of all) {
      expect([row.kind, row.fireAt, jobIds.has(row.id)]).toEqual([
        row.kind,
        row.fireAt,
        row.state === 'scheduled',
      ]);
    }
    expect(all.filter((r) => r.state === 'cancelled').length).toBeGreaterThanOrEqual(5);
  });

  it('fires a reminder due in 2 s once, numbers the notice and asks for one compose of its day', async () => {
    // Mon 11-23 is a working day; the blue notice is due on the due day at 09:00.
    sut.clock.set('2026-11-23T00:59:58Z');
    const { taskId, departmentId } = await assign('2026-11-23', '2026-11-20T02:00:00Z');
    const [blue] = await reminderRows(dataSource, taskId, 'scheduled');
    expect([blue.kind, blue.fireAt]).toEqual(['notice_blue', nine('2026-11-23')]);

    const fired = await pollUntil(
      async () => (await reminderRows(dataSource, taskId, 'fired'))[0],
      { timeoutMs: 10_000, what: 'the blue notice fired' },
    );
    expect(fired).toMatchObject({ id: blue.id, noticeNumber: '督办〔2026〕1号' });
    expect(sut.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(nine('2026-11-23')));

    const composeId = `compose:${departmentId}:2026-11-23`;
    const compose = await sut.mail.getJob(composeId);
    expect(compose?.name).toBe(JobName.ComposeNotices);
    expect(compose?.data).toEqual({ departmentId, day: '2026-11-23' });
    expect(compose?.opts.delay).toBe(30_000);

    // Delivered again (a retried or re-added job): nothing new is numbered or requested.
    await sut.reminders.add(JobName.FireReminder, { reminderId: blue.id }, { jobId: blue.id });
    const repeated = await pollUntil(
      async () => {
        const job = await sut.reminders.getJob(blue.id);
        return job && (await job.getState()) === 'completed' ? job : null;
      },
      { what: 'the repeated job ran' },
    );
    expect(repeated.returnvalue).toBe('refired');
    const [{ lastNumber }] = await dataSource.query<[{ lastNumber: number }]>(
      `SELECT last_number AS "lastNumber" FROM notice_counters WHERE year = 2026`,
    );
    expect(lastNumber).toBe(1);
    const mailJobs = await sut.mail.getJobs(['delayed', 'waiting', 'active', 'completed']);
    expect(
      mailJobs
        .filter((j) => j.data && (j.data as { departmentId: string }).departmentId === departmentId)
        .map((j) => j.id),
    ).toEqual([composeId]);
    expect((await reminderRows(dataSource, taskId, 'fired')).map((r) => r.id)).toEqual([blue.id]);
  });

  it('never fires for a task completed before the fire time', async () => {
    sut.clock.set('2026-11-23T00:59:55Z');
    // Completed through the event: the rows are cancelled and their jobs removed before 09:00.
    const viaEvent = await assign('2026-11-23', '2026-11-20T02:00:00Z');
    await dataSource.query(`UPDATE tasks SET status = 'completed' WHERE id = $1`, [
      viaEvent.taskId,
    ]);
    await settle(
      await emit(dataSource, [
        {
          type: 'TaskCompleted',
          aggregateType: 'task',
          aggregateId: viaEvent.taskId,
          payload: {
            taskId: viaEvent.taskId,
            completionId: viaEvent.taskId,
            completedOn: '2026-11-23',
            rating: 'good',
          },
        },
      ]),
    );
    const cancelled = await reminderRows(dataSource, viaEvent.taskId);
    expect(cancelled.map((r) => r.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const pending = new Set(await pendingJobIds(sut.reminders));
    expect(cancelled.filter((r) => pending.has(r.id))).toEqual([]);

    // Completed with the event still on its way: the job fires, the re-check finds the task
    // completed and cancels the row instead.
    sut.clock.set('2026-11-23T00:59:55Z');
    const raced = await assign('2026-11-23', '2026-11-20T02:00:00Z');
    const [blue] = await reminderRows(dataSource, raced.taskId, 'scheduled');
    await dataSource.query(`UPDATE tasks SET status = 'completed' WHERE id = $1`, [raced.taskId]);
    await pollUntil(
      async () =>
        (await reminderRows(dataSource, raced.taskId)).find((r) => r.id === blue.id)?.state ===
        'cancelled',
      { timeoutMs: 10_000, what: 'the due job ran and found the task completed' },
    );
    for (const departmentId of [viaEvent.departmentId, raced.departmentId]) {
      expect(await sut.mail.getJob(`compose:${departmentId}:2026-11-23`)).toBeUndefined();
    }
    expect(await reminderRows(dataSource, raced.taskId, 'fired')).toEqual([]);
  });

  it('keeps a department reminded through a role change whose two events apply in the other order', async () => {
    sut.clock.set('2026-09-01T02:00:00Z');
    const { taskId, departmentId } = await assign('2026-10-09', '2026-09-01T02:30:00Z');
    const before = await reminderRows(dataSource, taskId, 'scheduled');
    expect(before.length).toBeGreaterThan(0);
    // The API changed the role lead → support: TaskUnassigned(lead) then TaskAssigned(support).
    // Apply the TaskAssigned first and the TaskUnassigned last, as a busy queue may.
    await dataSource.query(`UPDATE task_assignments SET role = 'support' WHERE task_id = $1`, [
      taskId,
    ]);
    for (const event of [
      {
        type: 'TaskAssigned' as const,
        payload: { taskId, departmentId, role: 'support' as const, deadline: '2026-10-09' },
      },
      { type: 'TaskUnassigned' as const, payload: { taskId, departmentId, role: 'lead' as const } },
    ]) {
      await settle(
        await emit(dataSource, [{ ...event, aggregateType: 'task', aggregateId: taskId }]),
      );
    }
    const after = await reminderRows(dataSource, taskId, 'scheduled');
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    const pending = new Set(await pendingJobIds(sut.reminders));
    expect(after.every((r) => pending.has(r.id))).toBe(true);
  });

  it('cancels on TaskUnassigned and plans again on TaskReopened', async () => {
    sut.clock.set('2026-09-01T02:00:00Z');
    const { taskId, departmentId } = await assign('2026-10-09', '2026-09-01T02:30:00Z');
    await dataSource.query(`UPDATE tasks SET status = 'completed' WHERE id = $1`, [taskId]);
    await settle(
      await emit(dataSource, [
        {
          type: 'TaskCompleted',
          aggregateType: 'task',
          aggregateId: taskId,
          payload: { taskId, completionId: taskId, completedOn: '2026-09-01', rating: 'good' },
        },
      ]),
    );
    expect(await reminderRows(dataSource, taskId, 'scheduled')).toEqual([]);
    await dataSource.query(`UPDATE tasks SET status = 'open' WHERE id = $1`, [taskId]);
    await settle(
      await emit(dataSource, [
        {
          type: 'TaskReopened',
          aggregateType: 'task',
          aggregateId: taskId,
          payload: { taskId, completionId: null, reason: '退办：材料不全' },
        },
      ]),
    );
    const reopened = await reminderRows(dataSource, taskId, 'scheduled');
    expect(reopened).toHaveLength(5);
    expect(new Set(await pendingJobIds(sut.reminders))).toEqual(expect.objectContaining({}));
    const pending = new Set(await pendingJobIds(sut.reminders));
    expect(reopened.every((r) => pending.has(r.id))).toBe(true);

    await dataSource.query(`DELETE FROM task_assignments WHERE task_id = $1`, [taskId]);
    await settle(
      await emit(dataSource, [
        {
          type: 'TaskUnassigned',
          aggregateType: 'task',
          aggregateId: taskId,
          payload: { taskId, departmentId, role: 'lead' },
        },
      ]),
    );
    expect(await reminderRows(dataSource, taskId, 'scheduled')).toEqual([]);
    const after = new Set(await pendingJobIds(sut.reminders));
    expect(reopened.filter((r) => after.has(r.id))).toEqual([]);
  });
  it('applies a batch of events in one transaction: one task re-planned once for all of them', async () => {
    sut.clock.set('2026-09-01T02:00:00Z');
    const [lead, support] = [
      await insertDepartment(dataSource),
      await insertDepartment(dataSource),
    ];
    const taskA = await insertTask(dataSource, planId, { deadline: '2026-10-09' });
    const taskB = await insertTask(dataSource, planId, { deadline: '2026-10-09' });
    for (const [taskId, departmentId] of [
      [taskA, lead],
      [taskA, support],
      [taskB, lead],
    ]) {
      await insertAssignment(dataSource, {
        taskId,
        departmentId,
        assignedAt: sut.clock.now().toISOString(),
        acknowledgedAt: '2026-09-01T02:30:00Z',
      });
    }
    await dataSource.query(`UPDATE tasks SET deadline = '2026-10-30' WHERE id = $1`, [taskA]);
    const event = (change: NewEvent): AnyDomainEvent => ({
      ...change,
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
    });
    // Task A is named three times (two departments, then all of them after a deadline change).
    const batch = [
      event(assigned(taskA, lead, '2026-10-09')),
      event(assigned(taskA, support, '2026-10-09')),
      event(assigned(taskB, lead, '2026-10-09')),
      event({
        type: 'TaskDeadlineChanged',
        aggregateType: 'task',
        aggregateId: taskA,
        payload: {
          taskId: taskA,
          previousDeadline: '2026-10-09',
          deadline: '2026-10-30',
          cause: 'edit',
        },
      }),
    ];
    const handler = createSchedulerEventHandler(sut.app.get(ReminderScheduleService));
    const apply = () => applyEventsOnce(dataSource, EventConsumer.Scheduler, batch, handler);
    expect(await apply()).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(await apply()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);

    // A: both departments on the final deadline (Fri 10-30), nothing planned on the first one.
    const rowsA = await reminderRows(dataSource, taskA);
    expect(rowsA.every((r) => r.state === 'scheduled')).toBe(true);
    expect(rowsA.map((r) => [r.kind, r.fireAt])).toEqual(
      [
        ['pre_deadline', nine('2026-10-21')],
        ['pre_deadline', nine('2026-10-27')],
        ['notice_blue', nine('2026-10-30')],
        ['notice_orange', nine('2026-11-04')],
        ['notice_red', nine('2026-11-13')],
      ].flatMap((row) => [row, row]),
    );
    const rowsB = await reminderRows(dataSource, taskB, 'scheduled');
    expect(rowsB.map((r) => r.fireAt)).toContain(nine('2026-10-22'));
    const jobIds = new Set(await pendingJobIds(sut.reminders));
    expect([...rowsA, ...rowsB].filter((r) => !jobIds.has(r.id))).toEqual([]);
  });
});

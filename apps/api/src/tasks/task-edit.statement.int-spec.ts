import { randomUUID } from 'node:crypto';
import { Client, type Notification } from 'pg';
import { makeDepartment, createTestDatabase, type TestDatabase } from '@duban/testing';
import { OUTBOX_CHANNEL } from '@duban/outbox';
import { editTask, type TaskEdit } from './task-edit.statement';

describe('editTask: the office’s edit in one statement', () => {
  let db: TestDatabase;
  let planId: string;
  let departmentId: string;
  const actor = { userId: null, label: 'office_1' };
  const occurredAt = '2026-03-02T02:00:00.000Z';

  beforeAll(async () => {
    db = await createTestDatabase();
    const [plan] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('方案', '正文', repeat('e', 64)) RETURNING id`,
    );
    planId = plan.id;
    departmentId = (await makeDepartment(db.dataSource)).id;
  });
  afterAll(async () => {
    await db.drop();
  });

  const newTask = async (deadline: string | null, status = 'open') => {
    const [task] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO tasks (plan_id, number_path, level, title, deadline, status)
       VALUES ($1, $2, 1, '原标题', $3, $4) RETURNING id`,
      [planId, `e.${randomUUID().slice(0, 8)}`, deadline, status],
    );
    await db.dataSource.query(
      `INSERT INTO task_assignments (task_id, department_id, role) VALUES ($1, $2, 'lead')`,
      [task.id, departmentId],
    );
    return task.id;
  };
  const edit = (change: Omit<TaskEdit, 'rowVersion'> & { rowVersion?: number }) => {
    const eventId = randomUUID();
    return {
      eventId,
      result: editTask(
        db.dataSource.manager,
        actor,
        { rowVersion: 1, ...change },
        { id: eventId, occurredAt },
      ),
    };
  };
  const written = async (taskId: string) => ({
    task: (
      await db.dataSource.query<{ deadline: string | null; title: string; version: number }[]>(
        `SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline, title, row_version AS version FROM tasks WHERE id = $1`,
        [taskId],
      )
    )[0],
    copies: (
      await db.dataSource.query<{ deadline: string | null }[]>(
        `SELECT to_char(task_deadline, 'YYYY-MM-DD') AS deadline FROM task_assignments WHERE task_id = $1`,
        [taskId],
      )
    ).map((row) => row.deadline),
    audit: await db.dataSource.query<
      { action: string; before: unknown; after: unknown; eventIds: string[] }[]
    >(
      `SELECT action, before, after, event_ids::text[] AS "eventIds" FROM audit_log WHERE entity_id = $1 ORDER BY at, id`,
      [taskId],
    ),
    events: await db.dataSource.query<
      { id: string; type: string; payload: unknown; occurredAt: Date }[]
    >(
      `SELECT id, type, payload, occurred_at AS "occurredAt" FROM outbox WHERE aggregate_id = $1 ORDER BY seq`,
      [taskId],
    ),
  });

  it('moves the deadline: version, audit row and TaskDeadlineChanged in one commit, and a NOTIFY', async () => {
    const taskId = await newTask('2026-03-20');
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const notified = new Promise<string>((resolve) =>
      listener.once('notification', (message: Notification) => resolve(message.channel)),
    );
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    try {
      const { eventId, result } = edit({ taskId, deadline: '2026-06-30' });
      expect(await result).toEqual({
        outcome: 'edited',
        deadline: '2026-06-30',
        title: '原标题',
        rowVersion: 2,
        events: 1,
      });
      await expect(notified).resolves.toBe(OUTBOX_CHANNEL);
      expect(await written(taskId)).toEqual({
        task: { deadline: '2026-06-30', title: '原标题', version: 2 },
        copies: ['2026-06-30'],
        audit: [
          {
            action: 'task.edit',
            before: { deadline: '2026-03-20', title: '原标题' },
            after: { deadline: '2026-06-30', title: '原标题' },
            eventIds: [eventId],
          },
        ],
        events: [
          {
            id: eventId,
            type: 'TaskDeadlineChanged',
            payload: {
              taskId,
              previousDeadline: '2026-03-20',
              deadline: '2026-06-30',
              cause: 'edit',
            },
            occurredAt: new Date(occurredAt),
          },
        ],
      });
    } finally {
      await listener.end();
    }
  });

  it('clears a deadline with null, and leaves it when only the title changes', async () => {
    const taskId = await newTask('2026-03-20');
    const cleared = edit({ taskId, deadline: null });
    expect(await cleared.result).toMatchObject({ outcome: 'edited', deadline: null, events: 1 });
    const renamed = edit({ taskId, rowVersion: 2, title: '新标题' });
    expect(await renamed.result).toMatchObject({
      outcome: 'edited',
      deadline: null,
      title: '新标题',
      rowVersion: 3,
      events: 0,
    });
    const { task, audit, events } = await written(taskId);
    expect(task).toEqual({ deadline: null, title: '新标题', version: 3 });
    expect(events.map((e) => e.payload)).toEqual([
      { taskId, previousDeadline: '2026-03-20', deadline: null, cause: 'edit' },
    ]);
    expect(audit[1]).toEqual({
      action: 'task.edit',
      before: { deadline: null, title: '原标题' },
      after: { deadline: null, title: '新标题' },
      eventIds: [],
    });
  });

  it('emits nothing when the deadline given is the one the task has', async () => {
    const taskId = await newTask('2026-03-20');
    expect(await edit({ taskId, deadline: '2026-03-20' }).result).toMatchObject({
      outcome: 'edited',
      rowVersion: 2,
      events: 0,
    });
    expect((await written(taskId)).events).toEqual([]);
  });

  it('changes nothing on a stale version, a closed task or an unknown id, and says which', async () => {
    const taskId = await newTask('2026-03-20');
    await db.dataSource.query(`UPDATE tasks SET row_version = 4 WHERE id = $1`, [taskId]);
    const before = await written(taskId);
    expect(await edit({ taskId, rowVersion: 3, deadline: '2026-07-01' }).result).toEqual({
      outcome: 'stale',
      numberPath: expect.stringMatching(/^e\./) as unknown,
      currentVersion: 4,
    });
    expect(await written(taskId)).toEqual(before);

    const closed = await newTask('2026-03-20', 'completed');
    const closedBefore = await written(closed);
    expect(await edit({ taskId: closed, deadline: '2026-07-01' }).result).toMatchObject({
      outcome: 'closed',
      status: 'completed',
    });
    expect(await written(closed)).toEqual(closedBefore);
    // A closed task's title can still be corrected.
    expect(await edit({ taskId: closed, title: '更正' }).result).toMatchObject({
      outcome: 'edited',
      events: 0,
    });

    expect(await edit({ taskId: randomUUID(), deadline: '2026-07-01' }).result).toEqual({
      outcome: 'missing',
    });
  });

  it('lets concurrent edits of one version through one at a time: one wins, the other is stale', async () => {
    const taskId = await newTask('2026-03-20');
    const outcomes = await Promise.all(
      ['2026-04-01', '2026-05-01'].map((deadline) => edit({ taskId, deadline }).result),
    );
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['edited', 'stale']);
    const { task, events } = await written(taskId);
    expect(task.version).toBe(2);
    expect(events).toHaveLength(1);
  });
});

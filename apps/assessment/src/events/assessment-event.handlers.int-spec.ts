import { randomUUID } from 'node:crypto';
import type { AnyDomainEvent } from '@duban/contracts';
import { applyEventOnce } from '@duban/outbox';
import { createTestDatabase, makeDepartment, type TestDatabase } from '@duban/testing';
import { ASSESSMENT_EVENT_HANDLERS } from './assessment-event.handlers';

describe('assessment facts from events applied in either order', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function taskWithLead(): Promise<{ taskId: string; departmentId: string }> {
    const [plan] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO plans (title, source_text, source_hash) VALUES ('方案', '', md5(random()::text) || md5(random()::text)) RETURNING id`,
    );
    const [task] = await db.dataSource.query<{ id: string }[]>(
      `INSERT INTO tasks (plan_id, number_path, level, title, deadline) VALUES ($1, '一', 1, '任务', '2026-12-31') RETURNING id`,
      [plan.id],
    );
    const department = await makeDepartment(db.dataSource);
    await apply(
      {
        type: 'TaskAssigned',
        payload: {
          taskId: task.id,
          departmentId: department.id,
          role: 'lead',
          deadline: '2026-12-31',
        },
      },
      task.id,
      '2026-01-05',
    );
    return { taskId: task.id, departmentId: department.id };
  }

  function apply(event: Pick<AnyDomainEvent, 'type' | 'payload'>, taskId: string, day: string) {
    const full = {
      ...event,
      id: randomUUID(),
      aggregateType: 'task',
      aggregateId: taskId,
      occurredAt: `${day}T02:00:00.000Z`,
    } as AnyDomainEvent;
    return applyEventOnce(db.dataSource, 'assessment', full, ASSESSMENT_EVENT_HANDLERS);
  }

  const facts = (taskId: string) =>
    db.dataSource.query<{ role: string; open: boolean }[]>(
      `SELECT role, valid_to IS NULL AS open FROM assessment_assignment_facts WHERE task_id = $1 ORDER BY role`,
      [taskId],
    );

  it.each([
    ['in order', ['unassign', 'assign']],
    ['assignment first', ['assign', 'unassign']],
  ])('a role change lead → support leaves one open support fact (%s)', async (_order, steps) => {
    const { taskId, departmentId } = await taskWithLead();
    const events = {
      unassign: { type: 'TaskUnassigned', payload: { taskId, departmentId, role: 'lead' } },
      assign: {
        type: 'TaskAssigned',
        payload: { taskId, departmentId, role: 'support', deadline: '2026-12-31' },
      },
    } as const;
    for (const step of steps as Array<keyof typeof events>) {
      await apply(events[step], taskId, '2026-06-01');
    }
    expect(await facts(taskId)).toEqual([
      { role: 'lead', open: false },
      { role: 'support', open: true },
    ]);
  });
});

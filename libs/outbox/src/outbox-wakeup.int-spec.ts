import { randomUUID } from 'node:crypto';
import { Client, type Notification } from 'pg';
import { createTestDatabase, type TestDatabase } from '@duban/testing';
import { OUTBOX_CHANNEL, wakeOutboxRelays } from './outbox-wakeup';
import { recordChange } from './record-change';

const actor = { userId: null, label: 'test' };
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('waking the outbox relays', () => {
  let db: TestDatabase;
  let listener: Client;
  let heard: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (message: Notification) => {
      if (message.channel === OUTBOX_CHANNEL) heard += 1;
    });
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  });
  beforeEach(() => {
    heard = 0;
  });
  afterAll(async () => {
    await listener.end();
    await db.drop();
  });

  const assigned = () => {
    const taskId = randomUUID();
    return {
      type: 'TaskAssigned' as const,
      aggregateType: 'task' as const,
      aggregateId: taskId,
      payload: {
        taskId,
        departmentId: randomUUID(),
        role: 'lead' as const,
        deadline: '2026-12-31',
      },
    };
  };

  it('wakes them once the events are committed, and not while the transaction is open', async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await recordChange(runner.manager, {
        actor,
        action: 'task.assign',
        entityType: 'task',
        entityId: randomUUID(),
        events: [assigned(), assigned()],
      });
      await settle(200);
      expect(heard).toBe(0);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await settle(200);
    expect(heard).toBe(1);
  });

  it('sends nothing for a transaction that rolls back, or that wrote no event', async () => {
    await db.dataSource
      .transaction(async (manager) => {
        await recordChange(manager, {
          actor,
          action: 'task.assign',
          entityType: 'task',
          entityId: randomUUID(),
          events: [assigned()],
        });
        throw new Error('the change fails after its events were written');
      })
      .catch(() => undefined);
    await db.dataSource.transaction((manager) =>
      recordChange(manager, {
        actor,
        action: 'task.view',
        entityType: 'task',
        entityId: randomUUID(),
      }),
    );
    await settle(200);
    expect(heard).toBe(0);
  });

  it('coalesces wake-ups asked for while one is on its way into one more after it', async () => {
    for (let i = 0; i < 100; i += 1) {
      wakeOutboxRelays(db.dataSource);
    }
    await settle(300);
    expect(heard).toBe(2);
    wakeOutboxRelays(db.dataSource);
    await settle(200);
    expect(heard).toBe(3);
  });
});

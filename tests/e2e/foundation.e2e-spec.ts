import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { AssessmentModule } from '../../apps/assessment/src/assessment.module';
import { SchedulerModule } from '../../apps/scheduler/src/scheduler.module';
import type { DubanConfig } from '@duban/config';
import { recordChange } from '@duban/outbox';
import {
  createTestDatabase,
  createTestRedis,
  pollUntil,
  testConfig,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';

describe('foundation: api, relay and event consumers together', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let config: DubanConfig;
  let api: NestFastifyApplication;
  let workers: INestApplicationContext[];

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    const base = testConfig({
      databaseUrl: db.url,
      redisUrl: redis.url,
      redisPrefix: redis.prefix,
    });
    config = { ...base, outbox: { ...base.outbox, relayEnabled: true } };
    api = await createApiApp(config);
    workers = await Promise.all([
      NestFactory.createApplicationContext(SchedulerModule.forRoot(config), { logger: false }),
      NestFactory.createApplicationContext(AssessmentModule.forRoot(config), { logger: false }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([api, ...workers].map((app) => app.close()));
    await redis.cleanup();
    await db.drop();
  });

  it('reports PostgreSQL and Redis up on /health', async () => {
    const response = await request(api.getHttpServer()).get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves the OpenAPI document', async () => {
    const response = await request(api.getHttpServer()).get('/api/docs-json').expect(200);
    const document = response.body as { info: { title: string }; paths: Record<string, unknown> };
    expect(document.info.title).toBe('Duban API');
    expect(Object.keys(document.paths)).toContain('/health');
  });

  it('delivers a committed event to the scheduler and the assessment, each applying it once', async () => {
    const taskId = randomUUID();
    const [event] = await db.dataSource.transaction((manager) =>
      recordChange(manager, {
        actor: { userId: null, label: 'e2e' },
        action: 'task.assign',
        entityType: 'task',
        entityId: taskId,
        events: [
          {
            type: 'TaskAssigned',
            aggregateType: 'task',
            aggregateId: taskId,
            payload: { taskId, departmentId: randomUUID(), role: 'support', deadline: null },
          },
        ],
      }),
    );
    const consumers = await pollUntil(
      async () => {
        const rows = await db.dataSource.query<{ consumer: string }[]>(
          'SELECT consumer FROM processed_events WHERE event_id = $1 ORDER BY consumer',
          [event.id],
        );
        return rows.length === 2 ? rows.map((row) => row.consumer) : null;
      },
      { timeoutMs: 15_000, what: 'both consumers applied the event' },
    );
    expect(consumers).toEqual(['assessment', 'scheduler']);
    const [{ unpublished }] = await db.dataSource.query<[{ unpublished: number }]>(
      'SELECT count(*)::int AS unpublished FROM outbox WHERE published_at IS NULL',
    );
    expect(unpublished).toBe(0);
  });
});

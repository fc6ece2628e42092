import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import type { DubanConfig } from '@duban/config';
import {
  createTestDatabase,
  createTestRedis,
  TEST_PASSWORD,
  testConfig,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';

/** The API on its own database and Redis prefix, with helpers to sign in and count rows. */
export interface ApiHarness {
  app: NestFastifyApplication;
  db: TestDatabase;
  redis: TestRedis;
  config: DubanConfig;
  http: () => ReturnType<typeof request>;
  tokenFor(username: string, password?: string): Promise<string>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/** `tune` changes the test configuration for one spec (a short timeout, a lower limit). */
export async function startApi(
  tune: (config: DubanConfig) => DubanConfig = (config) => config,
): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const redis = createTestRedis();
  const config = tune(
    testConfig({
      databaseUrl: db.url,
      redisUrl: redis.url,
      redisPrefix: redis.prefix,
    }),
  );
  const app = await createApiApp(config);
  const http = () => request(app.getHttpServer());
  return {
    app,
    db,
    redis,
    config,
    http,
    async tokenFor(username, password = TEST_PASSWORD) {
      const response = await http()
        .post('/api/v1/auth/login')
        .send({ username, password })
        .expect(200);
      return (response.body as { accessToken: string }).accessToken;
    },
    async count(table) {
      const [{ count }] = await db.dataSource.query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM ${table}`,
      );
      return count;
    },
    async close() {
      await app.close();
      await redis.cleanup();
      await db.drop();
    },
  };
}

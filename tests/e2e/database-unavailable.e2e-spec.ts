import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import {
  createTestDatabase,
  createTestRedis,
  makeUser,
  TcpLink,
  TEST_PASSWORD,
  testConfig,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';

describe('PostgreSQL unreachable', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let link: TcpLink;
  let app: NestFastifyApplication;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    link = TcpLink.to(db.url);
    await link.up();
    const user = await makeUser(db.dataSource, 'supervisor');
    app = await createApiApp(
      testConfig({
        databaseUrl: link.rewrite(db.url),
        redisUrl: redis.url,
        redisPrefix: redis.prefix,
      }),
    );
    const login = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(200);
    token = (login.body as { accessToken: string }).accessToken;
  });

  afterAll(async () => {
    await app.close();
    await link.down();
    await redis.cleanup();
    await db.drop();
  });

  const tasks = () =>
    request(app.getHttpServer()).get('/api/v1/tasks').set('authorization', `Bearer ${token}`);

  it('answers 503 with Retry-After while it is down, and serves again once it is back', async () => {
    await tasks().expect(200);
    await link.down();
    // Pooled connections are cut and new ones refused: both are the database being away.
    for (let i = 0; i < 3; i++) {
      const response = await tasks();
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    }
    await link.up();
    await tasks().expect(200);
  });

  it('still answers a request error as before (400, 404), not as the database being away', async () => {
    await tasks().query({ status: 'nonsense' }).expect(400);
    await request(app.getHttpServer())
      .get('/api/v1/tasks/00000000-0000-4000-8000-000000000000')
      .set('authorization', `Bearer ${token}`)
      .expect(404);
  });
});

import { createServer, type Server, Socket } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import {
  createTestDatabase,
  createTestRedis,
  makeUser,
  TEST_PASSWORD,
  testConfig,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';

/**
 * A TCP relay between the API and PostgreSQL that the test can cut: `down()` resets every open
 * connection and refuses new ones (a database restarting), `up()` lets them through again.
 */
class DatabaseLink {
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.targetPort, this.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.sockets.forEach((socket) => socket.resetAndDestroy());
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}

describe('PostgreSQL unreachable', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let link: DatabaseLink;
  let app: NestFastifyApplication;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    const target = new URL(db.url);
    link = new DatabaseLink(target.hostname, Number(target.port || 5432));
    await link.up();
    target.hostname = '127.0.0.1';
    target.port = String(link.port);
    const user = await makeUser(db.dataSource, 'supervisor');
    app = await createApiApp(
      testConfig({
        databaseUrl: target.toString(),
        redisUrl: redis.url,
        redisPrefix: redis.prefix,
      }),
    );
    const login = await request(app.getHttpServer())
      .post('/auth/login')
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
    request(app.getHttpServer()).get('/tasks').set('authorization', `Bearer ${token}`);

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
      .get('/tasks/00000000-0000-4000-8000-000000000000')
      .set('authorization', `Bearer ${token}`)
      .expect(404);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import {
  createTestDatabase,
  createTestRedis,
  freePort,
  makeDepartment,
  makeUser,
  TEST_PASSWORD,
  type TestDatabase,
  type TestRedis,
} from '@duban/testing';
import { documentXml, writeDocx } from '../../../apps/api/src/plan-imports/test/zip-writer';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The API as its own process from source (`node -r @swc-node/register`, as the demo and the
 * reliability suite run it): its document workers load through the same hook, read a .docx and a
 * plan, and close with the process on SIGTERM.
 */
describe('security: document workers in the API process', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let child: ChildProcess;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  let stderr = '';
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = createTestRedis();
    await makeDepartment(db.dataSource, { name: '市数据局' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'apps', 'api', 'src', 'main.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          REDIS_URL: redis.url,
          REDIS_PREFIX: redis.prefix,
          PORT: String(port),
          OUTBOX_RELAY_ENABLED: 'false',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    for (let attempt = 0; ; attempt++) {
      const health = await request(base)
        .get('/health')
        .then((r) => r.status)
        .catch(() => 0);
      if (health === 200 || attempt > 150) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
    await redis.cleanup();
    await db.drop();
  });

  it('reads a .docx plan in a worker, refuses a zip bomb, and stops on SIGTERM', async () => {
    const user = await makeUser(db.dataSource, 'supervisor');
    const login = await request(base)
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(200);
    const auth = { Authorization: `Bearer ${(login.body as { accessToken: string }).accessToken}` };
    const docx = writeDocx(
      documentXml(['数字政府建设实施方案', '一、主要任务', '(一)建设一体化平台。(市数据局牵头)']),
    );
    const created = await request(base)
      .post('/api/v1/plan-imports/upload')
      .set(auth)
      .attach('file', docx, 'plan.docx')
      .expect(201);
    expect((created.body as { taskCount: number }).taskCount).toBe(1);
    const bomb = writeDocx(documentXml(['方案'], '<w:p/>', 5_000_000));
    await request(base)
      .post('/api/v1/plan-imports/upload')
      .set(auth)
      .attach('file', bomb, 'bomb.docx')
      .expect(413);
    await request(base).get('/api/v1/auth/me').set(auth).expect(200);

    const stopping = Date.now();
    child.kill('SIGTERM');
    // Nest runs the shutdown hooks (the worker pool is destroyed there), then lets SIGTERM end it.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stderr.replace(/.*DeprecationWarning.*\n|.*--trace-deprecation.*\n/g, '')).toBe('');
    expect(Date.now() - stopping).toBeLessThan(10_000);
  });
});

import { Redis } from 'ioredis';
import { Client } from 'pg';
import { type DubanConfig, redactUrl } from '@duban/config';
import { createDataSource } from '@duban/db';
import { redisOptionsFromUrl } from '@duban/queue';
import { StartupError } from './startup.errors';

const START_POSTGRES =
  'start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` ' +
  'or `docker compose -f docker/docker-compose.yml up -d postgres`, or set DATABASE_URL';
const START_REDIS =
  'start it with `redis-server --daemonize yes --port 6379` ' +
  'or `docker compose -f docker/docker-compose.yml up -d redis`, or set REDIS_URL';

/** Checks that PostgreSQL and Redis answer and the schema is migrated, before Nest boots. */
export async function preflight(config: DubanConfig): Promise<void> {
  await checkPostgres(config.database.url);
  await checkRedis(config.redis.url);
  await checkMigrations(config.database.url);
}

export async function checkPostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === '3D000') {
      throw new StartupError(
        `PostgreSQL at ${redactUrl(url)} has no such database: run \`npm run migration:run\` (it creates and migrates it)`,
      );
    }
    throw new StartupError(
      `Cannot reach PostgreSQL at ${redactUrl(url)} (${message || code}): ${START_POSTGRES}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // ioredis reports the socket error (ECONNREFUSED) on the emitter and only "closed" to connect().
  let socketError: Error | undefined;
  redis.on('error', (error: Error) => {
    socketError ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const reason = (socketError ?? (error as Error)).message;
    throw new StartupError(`Cannot reach Redis at ${redactUrl(url)} (${reason}): ${START_REDIS}`);
  } finally {
    redis.disconnect();
  }
}

async function checkMigrations(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1, applicationName: 'duban-preflight' });
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      throw new StartupError(
        `The database at ${redactUrl(url)} has pending migrations: run \`npm run migration:run\``,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

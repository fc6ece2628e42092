import { checkPostgres, checkRedis } from '@duban/bootstrap';
import { createDataSource, ensureDatabase, runMigrations } from '@duban/db';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './test-env';

/** Migrates the template database once per run; specs clone it (see test-database.ts). */
export default async function globalSetup(): Promise<void> {
  await checkPostgres(TEST_DATABASE_URL.replace(/\/[^/]*$/, '/postgres'));
  await checkRedis(TEST_REDIS_URL);
  await ensureDatabase(TEST_DATABASE_URL);
  const dataSource = createDataSource({
    url: TEST_DATABASE_URL,
    poolSize: 2,
    applicationName: 'duban-test-setup',
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

import { checkPostgres, checkRedis } from '@duban/bootstrap';
import { createDataSource, ensureDatabase, runMigrations } from '@duban/db';
import { buildConsole } from '../../../scripts/console/build-console';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './test-env';

/**
 * Migrates the template database once per run (specs clone it, see test-database.ts) and
 * builds the console the browser tests open.
 */
export default async function globalSetup(): Promise<void> {
  // DUBAN_SKIP_CONSOLE_BUILD=1 skips the build when dist/web is known current.
  if (process.env.DUBAN_SKIP_CONSOLE_BUILD !== '1') {
    buildConsole();
  }
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

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { checkPostgres, checkRedis } from '@duban/bootstrap';
import { createDataSource, ensureDatabase, runMigrations } from '@duban/db';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './test-env';

/**
 * Builds the console into dist/web, where the api serves it from, for the browser tests
 * (tests/e2e/console). DUBAN_SKIP_CONSOLE_BUILD=1 skips it when the build is known current.
 */
function buildConsole(): void {
  if (process.env.DUBAN_SKIP_CONSOLE_BUILD === '1') {
    return;
  }
  const root = resolve(__dirname, '../../..');
  execFileSync(
    process.execPath,
    [
      resolve(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'error',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}

/**
 * Migrates the template database once per run (specs clone it, see test-database.ts) and
 * builds the console the browser tests open.
 */
export default async function globalSetup(): Promise<void> {
  buildConsole();
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

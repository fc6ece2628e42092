import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, dropDatabase, ensureDatabase } from '@duban/db';
import { TEST_DATABASE_URL, databaseName, withDatabase } from './test-env';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one spec: a clone of the template, dropped by `drop()`. */
export async function createTestDatabase(
  options: { initialize?: boolean } = {},
): Promise<TestDatabase> {
  const name = `${databaseName(TEST_DATABASE_URL)}_t_${randomBytes(5).toString('hex')}`;
  const url = withDatabase(TEST_DATABASE_URL, name);
  await ensureDatabase(url, databaseName(TEST_DATABASE_URL));
  const dataSource = createDataSource({ url, poolSize: 10, applicationName: 'duban-test' });
  if (options.initialize ?? true) {
    await dataSource.initialize();
  }
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) {
        await dataSource.destroy();
      }
      await dropDatabase(url);
    },
  };
}

import { Client } from 'pg';
import { TEST_DATABASE_URL, databaseName, withDatabase } from './test-env';

/** Drops clones a crashed spec left behind (their names carry the template's name). */
export default async function globalTeardown(): Promise<void> {
  const client = new Client({ connectionString: withDatabase(TEST_DATABASE_URL, 'postgres') });
  await client.connect();
  try {
    const prefix = `${databaseName(TEST_DATABASE_URL)}_t_`;
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Migration commands: `npm run migration:run | migration:revert [--all] | migration:generate <Name>`.
 * Uses DATABASE_URL (or config/duban.yaml) like the services do.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, redactUrl } from '@duban/config';
import { createDataSource } from '../data-source';
import { ensureDatabase } from '../ensure-database';
import {
  pendingSchemaChanges,
  revertAllMigrations,
  revertLastMigration,
  runMigrations,
} from '../migrate';

async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  const config = loadConfig();
  const dataSource = createDataSource({
    url: config.database.url,
    applicationName: 'duban-migrate',
  });
  try {
    if (command === 'run' && (await ensureDatabase(config.database.url))) {
      console.log(`Created database ${redactUrl(config.database.url)}`);
    }
    await dataSource.initialize();
  } catch (error) {
    throw new ConfigError(
      `Cannot reach PostgreSQL at ${redactUrl(config.database.url)}: ${(error as Error).message}. ` +
        'Start it (see README "Running PostgreSQL and Redis") or set DATABASE_URL.',
    );
  }
  try {
    switch (command) {
      case 'run': {
        const applied = await runMigrations(dataSource);
        console.log(
          applied.length
            ? `Applied ${applied.map((m) => m.name).join(', ')}`
            : 'Database is up to date',
        );
        break;
      }
      case 'revert':
        if (argument === '--all') {
          console.log(`Reverted ${await revertAllMigrations(dataSource)} migration(s)`);
        } else {
          await revertLastMigration(dataSource);
          console.log('Reverted the last migration');
        }
        break;
      case 'generate':
        generate(argument, await pendingSchemaChanges(dataSource));
        break;
      default:
        throw new ConfigError('usage: migrate.ts run | revert [--all] | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
  }
}

function generate(name: string | undefined, changes: { up: string[]; down: string[] }): void {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new ConfigError(
      'migration:generate needs a PascalCase name, e.g. npm run migration:generate AddNoticeNumbers',
    );
  }
  if (changes.up.length === 0) {
    console.log('No changes: the entities and the migrations agree');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const quote = (sql: string) =>
    '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const body = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n');
  const file = join(__dirname, '..', 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${body(changes.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${body(changes.down)}
  }
}
`,
  );
  console.log(`Wrote ${file}; add ${className} to libs/db/src/migrations/index.ts`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});

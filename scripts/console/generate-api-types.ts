/**
 * Writes the console's API types from the api as it is now: builds the app against the
 * configured PostgreSQL and Redis (DATABASE_URL, REDIS_URL; nothing is written), reads its
 * OpenAPI document and renders it. Run after changing a route or a DTO: `npm run web:api`.
 *
 * `--from FILE` renders a document saved as JSON instead; `--check` writes nothing and exits 1
 * when the committed types differ (the e2e test does this with its own api's document).
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@duban/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { buildOpenApiDocument } from '../../apps/api/src/common/openapi';
import { API_TYPES_FILE, renderApiTypes } from './api-types';

async function currentDocument(from: string | undefined): Promise<OpenAPIObject> {
  if (from) {
    return JSON.parse(readFileSync(from, 'utf8')) as OpenAPIObject;
  }
  const app = await createApiApp(loadConfig());
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, check: { type: 'boolean', default: false } },
  });
  const rendered = await renderApiTypes(await currentDocument(values.from));
  if (values.check) {
    if (readFileSync(API_TYPES_FILE, 'utf8') !== rendered) {
      console.error(`${API_TYPES_FILE} is not current: run npm run web:api and commit it`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(API_TYPES_FILE, rendered);
  console.log(`wrote ${API_TYPES_FILE}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

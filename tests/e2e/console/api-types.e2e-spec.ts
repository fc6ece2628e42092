import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildOpenApiDocument } from '../../../apps/api/src/common/openapi';
import { type ApiHarness, startApi } from '../support/api-harness';

const ROOT = resolve(__dirname, '../../..');

/**
 * Runs `web:api --check` against a saved document. openapi-typescript is ES-module code jest
 * cannot load, so it renders in a process of its own.
 */
function checkTypesAgainst(document: string) {
  return spawnSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'scripts/console/generate-api-types.ts',
      '--from',
      document,
      '--check',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
}

describe("console: the typed API client follows the api's OpenAPI document", () => {
  let api: ApiHarness;
  let dir: string;

  beforeAll(async () => {
    api = await startApi();
    dir = mkdtempSync(join(tmpdir(), 'duban-openapi-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  it('has the types the api describes now (else: npm run web:api)', () => {
    const document = join(dir, 'openapi.json');
    writeFileSync(document, JSON.stringify(buildOpenApiDocument(api.app)));
    const check = checkTypesAgainst(document);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('notices a stale file: a changed document fails the check', () => {
    const document = join(dir, 'changed.json');
    const changed = buildOpenApiDocument(api.app);
    changed.paths['/api/v1/a-route-the-console-does-not-know'] = { get: { responses: {} } };
    writeFileSync(document, JSON.stringify(changed));
    const check = checkTypesAgainst(document);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('npm run web:api');
  });
});

// Two projects: `unit` runs the pure cores with no I/O; `integration` runs services against the
// real PostgreSQL and Redis (a template database is migrated once, each spec clones its own).
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

/**
 * NestJS 12 and some of its dependencies ship only as ES modules. Node runs them through
 * require(esm), but jest's module loader cannot before Node 24.9, so swc compiles exactly the
 * packages that declare "type": "module" to CommonJS (found at start-up, so upgrades need no edit).
 */
function esmOnlyPackages(root = join(__dirname, 'node_modules')) {
  const found = [];
  for (const entry of readdirSync(root)) {
    if (entry.startsWith('.')) continue;
    const names = entry.startsWith('@')
      ? readdirSync(join(root, entry)).map((n) => `${entry}/${n}`)
      : [entry];
    for (const name of names) {
      try {
        if (JSON.parse(readFileSync(join(root, name, 'package.json'), 'utf8')).type === 'module')
          found.push(name);
      } catch {
        // not a package folder
      }
    }
  }
  return found.map((name) => name.replace(/[.+]/g, '\\$&'));
}

const swcConfig = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcConfig.$schema;
// Aliases are rewritten at compile time, so they also resolve in global setup (outside jest's module map).
swcConfig.jsc.baseUrl = __dirname;
swcConfig.jsc.paths = { '@duban/*': ['libs/*/src'] };
const transform = {
  '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }],
  '^.+\\.m?js$': [
    '@swc/jest',
    { swcrc: false, jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnlyPackages().join('|')})/)`];
const moduleNameMapper = { '^@duban/([a-z-]+)$': '<rootDir>/libs/$1/src' };

/** The console's component tests: TSX with React's automatic runtime, in jsdom. */
const webTransform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      swcrc: false,
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
      module: { type: 'commonjs' },
    },
  ],
  '^.+\\.m?js$': transform['^.+\\.m?js$'],
};

const common = {
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  // A global option (ignored inside a project): integration specs start processes and services.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
    },
    {
      ...common,
      displayName: 'web',
      transform: webTransform,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/apps/web/src/test/setup.ts'],
      // Styles are antd's own (CSS-in-JS); a stylesheet import is nothing to a test.
      moduleNameMapper: { '\\.css$': '<rootDir>/apps/web/src/test/empty-module.ts' },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
};

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * Builds the console into dist/web (where the api serves it from) as `npm run build:web` does:
 * for the browser tests' global setup, `npm run demo -- --serve` and bench:web. Always a
 * production build: under jest NODE_ENV is `test`, which would give React's and antd's development
 * builds (dev-only class names, test ids in ARIA attributes) instead of what people are served.
 */
export function buildConsole(): void {
  execFileSync(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      resolve(ROOT, 'apps/web/vite.config.ts'),
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/**
 * bench:login — what the guard's read of the user and sign-in hashing cost the API's other
 * requests. On a small database (no tasks: sign-in does not depend on them):
 *  - GET /auth/me, which passes the guard (token checked, user read from PostgreSQL) and nothing
 *    else, with the per-process user cache (auth.userCacheMs 1000) and without it (0): p50/p99
 *    and requests/s at 4 closed-loop clients; the figure without the cache is the baseline;
 *  - GET /auth/me by one client while 16 clients sign in back to back (scrypt, N = 2^14), beside
 *    the same request alone, both measured in this run: the aim is p99 < 50 ms.
 * The API runs as its own process (tests/bench/api-harness.ts), once per cache setting.
 * Usage: npm run bench:login [-- --seconds 10]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase } from '@duban/db';
import {
  BENCH_PASSWORD,
  benchDatabaseUrl,
  type BenchUser,
  migrate,
  seedUsers,
  startApi,
} from './api-harness';
import { type BenchRow, report } from './bench-report';
import {
  type Call,
  connections,
  failedCount,
  type KindFigures,
  runClosedLoop,
} from './closed-loop';

const arg = (name: string) => process.argv.indexOf(name);
const SECONDS = arg('--seconds') >= 0 ? Number(process.argv[arg('--seconds') + 1]) : 10;
const SIGNING_IN = 16;
const READERS = 4;
const databaseUrl = benchDatabaseUrl('duban_bench_login');
const dataset = `${SIGNING_IN + 1} users, no tasks`;

/** The config folder with auth.userCacheMs set to `ms`, for the API's DUBAN_CONFIG_DIR. */
function configWithUserCache(ms: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-login-'));
  cpSync(join(process.cwd(), 'config'), dir, { recursive: true });
  const file = join(dir, 'duban.yaml');
  const yaml = readFileSync(file, 'utf8');
  if (!/^ {2}userCacheMs: \d+$/m.test(yaml)) {
    throw new Error('config/duban.yaml has no auth.userCacheMs line to change');
  }
  writeFileSync(file, yaml.replace(/^ {2}userCacheMs: \d+$/m, `  userCacheMs: ${ms}`));
  return dir;
}

function checked(name: string, figures: KindFigures | undefined): KindFigures {
  if (!figures || failedCount(figures) > 0) {
    throw new Error(`${name}: ${JSON.stringify(figures?.samples ?? 'no requests')}`);
  }
  return figures;
}

/** GET /auth/me alone (READERS clients), then one reader beside SIGNING_IN clients signing in. */
async function measure(userCacheMs: number, users: BenchUser[]) {
  const configDir = configWithUserCache(userCacheMs);
  process.env.DUBAN_CONFIG_DIR = configDir;
  const api = await startApi(databaseUrl, `duban-bench-login-${userCacheMs}`);
  try {
    const token = await api.login('bench_office');
    const me = (): Call => ({ kind: 'me', method: 'GET', path: '/api/v1/auth/me', token });
    const signIn = (client: number): Call => ({
      kind: 'sign-in',
      method: 'POST',
      path: '/api/v1/auth/login',
      token: 'none',
      body: { username: users[client % users.length].username, password: BENCH_PASSWORD },
    });
    const agent = connections(SIGNING_IN + READERS);
    const alone = async (seconds: number) =>
      runClosedLoop({ url: api.url, clients: READERS, seconds, next: me, agent });
    const oneReader = async (seconds: number) =>
      runClosedLoop({ url: api.url, clients: 1, seconds, next: me, agent });
    const mixed = async (seconds: number) =>
      runClosedLoop({
        url: api.url,
        clients: SIGNING_IN + 1,
        seconds,
        // Client 0 reads; the others sign in, each as its own user (the first round also
        // replaces the seeded bcrypt hashes by scrypt ones: it is the warm-up).
        next: (client) => (client === 0 ? me() : signIn(client - 1)),
        agent,
      });
    await alone(3);
    await mixed(3);
    const readers = await alone(SECONDS);
    const single = await oneReader(SECONDS);
    const during = await mixed(SECONDS);
    agent.destroy();
    return {
      readers: checked('GET /auth/me', readers.kinds[0]),
      single: checked('GET /auth/me, one client', single.kinds[0]),
      during: checked(
        'GET /auth/me during sign-ins',
        during.kinds.find((k) => k.kind === 'me'),
      ),
      signIns: checked(
        'sign-in',
        during.kinds.find((k) => k.kind === 'sign-in'),
      ),
    };
  } finally {
    await api.stop();
    delete process.env.DUBAN_CONFIG_DIR;
    rmSync(configDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  const users: BenchUser[] = Array.from({ length: SIGNING_IN }, (_, i) => ({
    username: `bench_signin_${i}`,
    role: 'supervisor',
  }));
  await seedUsers(databaseUrl, [{ username: 'bench_office', role: 'supervisor' }, ...users]);
  const cached = await measure(1000, users);
  const uncached = await measure(0, users);
  const rows: BenchRow[] = [
    {
      figure: `GET /auth/me with the user cache (1 s): requests/s (${READERS} clients)`,
      value: cached.readers.rate,
      unit: 'req/s',
      baseline: { label: 'without the cache', value: uncached.readers.rate },
      better: 'higher',
      dataset,
    },
    {
      figure: '  the same: p99 latency',
      value: cached.readers.p99,
      unit: 'ms',
      baseline: { label: 'without the cache', value: uncached.readers.p99 },
      better: 'lower',
      dataset,
    },
    {
      figure: '  the same: p50 latency',
      value: cached.readers.p50,
      unit: 'ms',
      baseline: { label: 'without the cache', value: uncached.readers.p50 },
      better: 'lower',
      dataset,
    },
    {
      figure: `GET /auth/me (1 client) while ${SIGNING_IN} clients sign in: p99`,
      value: cached.during.p99,
      unit: 'ms',
      baseline: { label: 'the same request alone', value: cached.single.p99 },
      better: 'lower',
      aim: '< 50 ms',
      dataset,
    },
    {
      figure: '  the same: p50',
      value: cached.during.p50,
      unit: 'ms',
      baseline: { label: 'the same request alone', value: cached.single.p50 },
      better: 'lower',
      dataset,
    },
    {
      figure: `  the same without the user cache: p99`,
      value: uncached.during.p99,
      unit: 'ms',
      baseline: { label: 'the same request alone', value: uncached.single.p99 },
      better: 'lower',
      aim: '< 50 ms',
      dataset,
    },
    {
      figure: `sign-in with ${SIGNING_IN} at once: p50 latency (hashes queue, cores − 1 at a time)`,
      value: cached.signIns.p50,
      unit: 'ms',
      better: 'lower',
      dataset,
    },
    {
      figure: '  sign-ins: per second',
      value: cached.signIns.rate,
      unit: 'req/s',
      better: 'higher',
      dataset,
    },
  ];
  report('login', rows);
  await dropDatabase(databaseUrl);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import 'reflect-metadata';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPostgres, checkRedis, StartupError } from '@duban/bootstrap';
import { loadWorkingDayCalendar } from '@duban/calendar';
import { SimulatedClock } from '@duban/clock';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@duban/db';
import { DemoApi } from './api-client';
import { MailCatcher } from './mail-catcher';
import {
  committedTasks,
  createOffice,
  DEMO_PASSWORD,
  importPlan,
  loadDirectoryAndUsers,
} from './office-setup';
import { Progress } from './progress';
import { DemoServices } from './services';
import { writeYearScript } from './year-plan';
import { YearPlayer } from './year-player';
import {
  boardTables,
  ledgerTable,
  rankingTable,
  reminderTables,
  writeOutputs,
} from './year-report';

const YEAR = 2026;
/** The first working Monday of 2026, 09:00 Beijing time: the office imports the plans. */
const FIRST_DAY = `${YEAR}-01-05`;
const SEEDS = [
  '000_78e5d42a01ff2626.txt',
  '001_cbe557b257aa5e6c.txt',
  '002_c0b7cad6a080cb3d.txt',
  '003_1d8289c20d50b744.txt',
  '004_236c681d6d6c5a7c.txt',
];
const REDIS_PREFIX = 'duban-demo';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'year-seconds': { type: 'string', default: '75' },
      'setup-seconds': { type: 'string', default: '40' },
      seed: { type: 'string', default: String(YEAR) },
      out: { type: 'string', default: 'out' },
    },
  });
  const yearSeconds = Number(values['year-seconds']);
  const setupSeconds = Number(values['setup-seconds']);
  if (!(yearSeconds >= 10) || !(setupSeconds >= 5)) {
    throw new StartupError('--year-seconds must be at least 10 and --setup-seconds at least 5');
  }
  const outDir = resolve(values.out);
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const demoDatabaseUrl = withDatabase(serverUrl, 'duban_demo');
  const progress = new Progress(8);
  const began = Date.now();

  progress.stage('Checking PostgreSQL and Redis');
  await checkPostgres(withDatabase(serverUrl, 'postgres'));
  await checkRedis(redisUrl);

  progress.stage('Migrating a fresh database (duban_demo) and clearing the demo’s Redis keys');
  await dropDatabase(demoDatabaseUrl);
  await ensureDatabase(demoDatabaseUrl);
  const db = createDataSource({ url: demoDatabaseUrl, poolSize: 2, applicationName: 'duban-demo' });
  await db.initialize();
  await runMigrations(db);
  await clearRedisPrefix(redisUrl, REDIS_PREFIX);
  await createOffice(db);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'logs'), { recursive: true });

  progress.stage('Starting the api, scheduler, notifier and assessment services');
  const catcher = process.env.SMTP_URL ? null : await MailCatcher.start();
  const port = await freePort();
  // Seconds of real time per simulated day; the clock stands at 09:00 on the first day until the
  // services are up and the plans imported, then runs.
  const speed = (365 * 86_400) / yearSeconds;
  const anchor = Date.now() + setupSeconds * 1000;
  const start = new Date(`${FIRST_DAY}T09:00:00+08:00`);
  const clock = new SimulatedClock(start, anchor, speed);
  const services = new DemoServices(
    {
      ...process.env,
      DATABASE_URL: demoDatabaseUrl,
      REDIS_URL: redisUrl,
      SMTP_URL: process.env.SMTP_URL ?? catcher?.url,
      PORT: String(port),
      DUBAN_CONFIG_DIR: demoConfigDir(),
      DUBAN_CLOCK_START: start.toISOString(),
      DUBAN_CLOCK_ANCHOR: String(anchor),
      DUBAN_CLOCK_SPEED: String(speed),
      LOG_LEVEL: 'info',
      LOG_JSON: 'true',
    },
    join(outDir, 'logs'),
  );
  const stopAll = async () => {
    await services.stop();
    await catcher?.stop();
    await db.destroy().catch(() => undefined);
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    await services.start();
    const api = new DemoApi(`http://127.0.0.1:${port}`);
    const office = await api.login('office', DEMO_PASSWORD);

    progress.stage('Loading the department directory and a user for every department');
    const { departments, tokens } = await loadDirectoryAndUsers(api, office, db);

    progress.stage(`Importing the five seed plans on ${FIRST_DAY}: parse, review, commit`);
    const fallbackLeads = departments.filter(
      (d) => d.kind === 'government' && d.name.startsWith('市'),
    );
    const plans = [];
    let firstIndex = 0;
    for (const seed of SEEDS) {
      const plan = await importPlan(api, office, join('tests', 'fixtures', 'plans', seed), {
        year: YEAR,
        firstIndex,
        fallbackLeads: fallbackLeads.length ? fallbackLeads : departments,
      });
      plans.push(plan);
      firstIndex += plan.tasks;
    }
    const tasks = await committedTasks(api, office);
    const calendar = await loadWorkingDayCalendar();
    const script = writeYearScript(tasks, calendar, {
      year: YEAR,
      firstDay: FIRST_DAY,
      seed: Number(values.seed),
    });
    const actions = [...script.days.values()].reduce((sum, day) => sum + day.length, 0);
    console.log(
      `   ${plans.length} plans, ${tasks.length} tasks, ${tasks.reduce((s, t) => s + t.lead.length + t.support.length, 0)} assignments; ${actions} scripted actions`,
    );

    progress.stage(
      `Playing ${YEAR} in ${yearSeconds} s (1 simulated day ≈ ${(yearSeconds / 365).toFixed(2)} s)`,
    );
    const player = new YearPlayer(api, clock, office, tokens);
    const played = await player.play(script, `${YEAR}-12-31`, (day, fraction) => {
      const mails = catcher ? `, ${catcher.mails.length} mails` : '';
      progress.bar(fraction, `${day}${mails}`);
    });

    progress.stage(`Running the ${YEAR} assessment and building the reports`);
    const run = await api.call<{ runId: string }>('POST', `/assessments/${YEAR}/run`, office, {
      asOf: `${YEAR}-12-31`,
    });
    await waitForRun(api, office, run.runId);
    const files = await writeOutputs(api, office, plans, YEAR, outDir);

    progress.stage('Reading the results');
    const lastDay = `${YEAR}-12-31`;
    const sections: Array<[string, string]> = [
      ['Ledger per plan (台账)', await ledgerTable(db, YEAR)],
      [`Overdue board on ${lastDay} (督办看板)`, await boardTables(api, office, lastDay)],
      ['Reminders and 督办单 notices', await reminderTables(db, catcher)],
      [`Assessment ranking ${YEAR} (绩效考核)`, await rankingTable(api, office, YEAR)],
    ];
    progress.finish();
    for (const [title, body] of sections) {
      console.log(`\n== ${title}\n\n${body}`);
    }
    console.log(
      `\nScripted actions: ${played.done} made, ${played.refused} refused by the API${played.samples.length ? ` (e.g. ${played.samples[0]})` : ''}.`,
    );
    if (played.maxLagHours > 24) {
      console.log(
        `The script fell up to ${(played.maxLagHours / 24).toFixed(1)} simulated days behind the clock (a busy machine): actions landed later than planned. A longer year (--year-seconds 150) keeps up.`,
      );
    }
    console.log(
      `API calls: ${api.tally.ok} answered 2xx, ${api.tally.refused} 4xx, ${api.tally.failed} 5xx.`,
    );
    console.log(
      `\nWritten to ${outDir}:\n${files.map((f) => `  ${f}`).join('\n')}\n  ${join(outDir, 'logs')}/<service>.log`,
    );
    writeFileSync(
      join(outDir, 'demo-clock.json'),
      JSON.stringify({ start, anchor, speed }, null, 2),
    );
    if (api.tally.failed > 0) {
      throw new Error(`${api.tally.failed} API calls answered 5xx: see ${join(outDir, 'logs')}`);
    }
  } finally {
    await stopAll();
  }
  console.log(`\nDone in ${((Date.now() - began) / 1000).toFixed(0)} s.`);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function clearRedisPrefix(url: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * A copy of config/ for the demo: the same rules, with the Redis prefix of the demo and a send
 * rate that keeps up with a year of mail in a minute.
 */
function demoConfigDir(): string {
  const dir = join(tmpdir(), `duban-demo-config-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync('config', dir, { recursive: true });
  const file = join(dir, 'duban.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace(/^(\s*prefix:)\s*duban\s*$/m, `$1 ${REDIS_PREFIX}`)
      .replace(/^(\s*ratePerSecond:)\s*\d+/m, '$1 1000')
      .replace(/^(\s*maxConnections:)\s*\d+/m, '$1 10'),
  );
  return dir;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForRun(api: DemoApi, token: string, runId: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const run = await api.call<{ state: string; error: string | null }>(
      'GET',
      `/assessments/runs/${runId}`,
      token,
    );
    if (run.state === 'succeeded') return;
    if (run.state === 'failed' || Date.now() > deadline) {
      throw new Error(`The assessment run did not finish: ${run.error ?? run.state}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof StartupError) {
      process.stderr.write(`duban demo: ${error.message}\n`);
    } else {
      process.stderr.write(`duban demo failed: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.exit(1);
  },
);

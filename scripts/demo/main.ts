import 'reflect-metadata';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPostgres, checkRedis, StartupError } from '@duban/bootstrap';
import { loadWorkingDayCalendar } from '@duban/calendar';
import { Redis } from 'ioredis';
import { type ClockState, publishClockState, SharedClock } from '@duban/clock';
import { createDataSource, dropDatabase, ensureDatabase, runMigrations } from '@duban/db';
import { deleteKeysWithPrefix, freePort, SmtpSink } from '@duban/testing';
import { buildConsole } from '../console/build-console';
import { DemoApi } from './api-client';
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
      'year-seconds': { type: 'string', default: '45' },
      seed: { type: 'string', default: String(YEAR) },
      out: { type: 'string', default: 'out' },
      serve: { type: 'boolean', default: false },
    },
  });
  const yearSeconds = Number(values['year-seconds']);
  if (!(yearSeconds >= 10)) {
    throw new StartupError('--year-seconds must be a number of seconds, at least 10');
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
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  await deleteKeysWithPrefix(redis, REDIS_PREFIX);
  await createOffice(db);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'logs'), { recursive: true });

  if (values.serve) {
    // The api serves the console from dist/web: build it now so --serve has something to show.
    buildConsole();
  }
  progress.stage('Starting the api, scheduler, notifier and assessment services');
  const catcher = process.env.SMTP_URL ? null : await SmtpSink.start();
  const port = await freePort();
  // The year runs in `yearSeconds` of clock time; the demo drives the shared clock (see
  // YearPlayer), which stands at 09:00 on the first day until the plans are imported.
  const speed = (365 * 86_400_000) / (yearSeconds * 1000);
  const start = new Date(`${FIRST_DAY}T09:00:00+08:00`);
  const clockKey = `${REDIS_PREFIX}:clock`;
  const initial: ClockState = {
    start: start.toISOString(),
    anchorMs: Date.now(),
    speed,
    stopAt: start.toISOString(),
  };
  const clock = new SharedClock(initial, clockKey);
  await publishClockState(redis, clockKey, initial);
  const services = new DemoServices(
    {
      ...process.env,
      DATABASE_URL: demoDatabaseUrl,
      REDIS_URL: redisUrl,
      SMTP_URL: process.env.SMTP_URL ?? catcher?.url,
      PORT: String(port),
      DUBAN_CONFIG_DIR: demoConfigDir(),
      DUBAN_CLOCK_START: start.toISOString(),
      DUBAN_CLOCK_SPEED: String(speed),
      DUBAN_CLOCK_SHARED_KEY: clockKey,
      LOG_LEVEL: 'info',
      LOG_JSON: 'true',
    },
    join(outDir, 'logs'),
  );
  const stopAll = async () => {
    await services.stop();
    await catcher?.stop();
    redis.disconnect();
    await db.destroy().catch(() => undefined);
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    await services.start();
    const api = new DemoApi(`http://127.0.0.1:${port}/api/v1`);
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
    const player = new YearPlayer(api, clock, redis, office, tokens);
    const playStarted = Date.now();
    const played = await player.play(script, `${YEAR}-12-31`, (day, fraction) => {
      const mails = catcher ? `, ${catcher.mails.length} mails` : '';
      progress.bar(fraction, `${day}${mails}`);
    });

    const playedMs = Date.now() - playStarted;

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
    console.log(
      `The year took ${(playedMs / 1000).toFixed(0)} s of real time (${yearSeconds} s of clock time; the clock stands at each day's 10:00 until that day's actions are made).`,
    );
    console.log(
      `API calls: ${api.tally.ok} answered 2xx, ${api.tally.refused} 4xx, ${api.tally.failed} 5xx.`,
    );
    console.log(
      `\nWritten to ${outDir}:\n${files.map((f) => `  ${f}`).join('\n')}\n  ${join(outDir, 'logs')}/<service>.log`,
    );
    if (api.tally.failed > 0) {
      throw new Error(`${api.tally.failed} API calls answered 5xx: see ${join(outDir, 'logs')}`);
    }
    printConsoleAddress(port, departments[0]?.name);
    if (values.serve) {
      console.log('\nThe services and the demo data stay up until Ctrl-C (--serve).');
      await new Promise<never>(() => undefined);
    }
  } finally {
    await stopAll();
  }
  console.log(`\nDone in ${((Date.now() - began) / 1000).toFixed(0)} s.`);
}

/** Where to look around: the console the api serves, and the demo's sign-ins. */
function printConsoleAddress(port: number, firstDepartment: string | undefined): void {
  const built = existsSync(resolve('dist/web/index.html'));
  console.log(
    [
      `\nThe console: http://127.0.0.1:${port}/${built ? '' : ' (build it first: npm run build:web)'}`,
      `  office (督查室, admin): office / ${DEMO_PASSWORD}`,
      `  leader (领导, read-only): leader / ${DEMO_PASSWORD}`,
      `  a department (${firstDepartment ?? 'the first in the directory'}): dept001 / ${DEMO_PASSWORD}`,
    ].join('\n'),
  );
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
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

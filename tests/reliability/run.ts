/**
 * npm run test:reliability [-- --full] [-- --keep-logs DIR]
 *
 * The four services as separate processes on a PostgreSQL cluster, Redis and SMTP server of the
 * run's own, under load from a second process, while faults are injected in turn; then the
 * checks of checks.ts and bad-input.ts. Exits 1 when any check fails. Every process and cluster
 * it started is stopped at the end, on failure and on Ctrl-C.
 * The short run (the default, for CI) takes under five minutes; --full (or
 * DUBAN_RELIABILITY=full) runs the load for ten minutes through four rounds of faults.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { pollUntil, seededRandom } from '@duban/testing';
import { badInputChecks } from './bad-input';
import { type CheckResult, durabilityCheck, httpChecks, ledgerChecks, mailChecks } from './checks';
import { faultSchedule, type FaultWindow, runFaults } from './faults';
import type { LoadRecord } from './load';
import { printReport } from './report';
import { simClock, weekdaysFrom } from './sim-clock';
import { startSystem, type System } from './system';
import { createWorld, login, seedPlans, importAndCommit } from './world';

const args = process.argv.slice(2);
const full = args.includes('--full') || process.env.DUBAN_RELIABILITY === 'full';
const keepLogsAt = args.indexOf('--keep-logs');
const keepLogs = keepLogsAt >= 0 ? (args[keepLogsAt + 1] ?? null) : null;

export const PROFILE = full
  ? {
      name: 'full',
      loadMs: 600_000,
      rounds: 4,
      concurrency: 200,
      dayRealSeconds: 20,
      badInputs: 1000,
      settleMs: 240_000,
    }
  : {
      name: 'short',
      loadMs: 100_000,
      rounds: 1,
      concurrency: 200,
      dayRealSeconds: 20,
      badInputs: 1000,
      settleMs: 120_000,
    };

/** Time the system takes to start and the seed plans to be imported; the load starts after it. */
const SETUP_MS = 60_000;
const SEED = Number(process.env.DUBAN_RELIABILITY_SEED ?? 20261130);
const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

let system: System | null = null;
let loadProcess: ChildProcess | null = null;

async function shutdown(): Promise<void> {
  if (loadProcess && loadProcess.exitCode === null && loadProcess.signalCode === null) {
    loadProcess.kill('SIGKILL');
  }
  await system?.stop();
  system = null;
}

function runLoad(worldFile: string, outFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(__dirname, 'load.ts'),
        worldFile,
        outFile,
        String(PROFILE.loadMs),
        String(PROFILE.concurrency),
        String(SEED),
      ],
      { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'inherit', 'inherit'] },
    );
    loadProcess = child;
    const limit = setTimeout(() => child.kill('SIGKILL'), PROFILE.loadMs + 120_000);
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`the load process exited with ${code ?? signal}`));
      }
    });
  });
}

async function main(): Promise<number> {
  log(
    `reliability run (${PROFILE.name}): load ${PROFILE.loadMs / 1000} s, ${PROFILE.concurrency} clients, ${PROFILE.rounds} round(s) of faults`,
  );
  // Simulated time stands at a Monday morning while the system starts and the seed plans are
  // imported, then runs from the start of the load: a day every 20 s, reminders at 09:00.
  const clock = simClock(
    new Date('2026-11-30T06:00:00+08:00'),
    PROFILE.dayRealSeconds,
    Date.now() + SETUP_MS,
  );
  const simDays = Math.ceil(PROFILE.loadMs / 1000 / PROFILE.dayRealSeconds);
  const deadlines = weekdaysFrom('2026-12-01', simDays + 3);
  system = await startSystem(clock, keepLogs);
  log(
    `system up: PostgreSQL :${system.pg.port}, Redis ${system.redis.url}, SMTP :${system.smtp.port}, API ${system.apiUrl}; clock speed ×${clock.speed}`,
  );
  const world = await createWorld(system.http, system.configDir, deadlines);
  const office = await login(system.http, world.office[0]);
  const random = seededRandom(SEED);
  for (const plan of seedPlans()) {
    await importAndCommit(system.http, office, plan, world.departments, deadlines, random);
  }
  const worldFile = join(system.dir, 'world.json');
  const outFile = join(system.logDir, 'requests.jsonl');
  writeFileSync(worldFile, JSON.stringify(world));
  log(
    `${world.departments.length} departments with a user each, 5 seed plans imported; simulated now ${clock.now().toISOString()}`,
  );

  if (Date.now() < clock.anchor) {
    await new Promise((resolve) => setTimeout(resolve, clock.anchor - Date.now()));
  }
  const loadStart = Date.now();
  const loadDone = runLoad(worldFile, outFile);
  // Rejected when the load process fails, possibly while the faults still run: handled below.
  loadDone.catch(() => undefined);
  const faults: FaultWindow[] = await runFaults(
    faultSchedule(PROFILE.loadMs, PROFILE.rounds),
    system,
    loadStart,
    log,
  );
  await loadDone;
  const loadEnd = Date.now();
  const cutoff = clock.now(loadEnd);
  log(`load over; waiting for the system to settle (reminders due by ${cutoff.toISOString()})`);

  const db = new Client({ connectionString: system.databaseUrl });
  db.on('error', () => undefined);
  await db.connect();
  try {
    const settled = await settle(db, cutoff).catch((error: Error) => error.message);
    log(typeof settled === 'string' ? `not settled: ${settled}` : 'settled');
    const records = readFileSync(outFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LoadRecord);
    const results: CheckResult[] = [];
    results.push(...(await ledgerChecks(db, clock.now())));
    const mail = await mailChecks(db, system.smtp.mails, cutoff, {
      notifierKills: faults
        .filter((f) => f.kind === 'kill' && f.target === 'notifier')
        .map((f) => f.start),
      smtpOutages: faults.filter((f) => f.kind === 'smtp-outage').map((f) => f.start),
      maxConnections: 5,
    });
    results.push(...mail.results);
    results.push(...httpChecks(records, faults));
    results.push(await durabilityCheck(db, records));
    log('bad input');
    const bad = await badInputChecks(system, db, world, PROFILE.badInputs, SEED);
    results.push(...bad);
    printReport({
      profile: PROFILE.name,
      wallMs: Date.now() - started,
      loadMs: loadEnd - loadStart,
      records,
      faults,
      results,
      duplicates: mail.duplicates,
      mailed: mail.mailed,
    });
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await db.end();
  }
}

/** Outbox empty, every reminder due by `cutoff` past `scheduled`/`fired`, every mail of theirs sent. */
async function settle(db: Client, cutoff: Date): Promise<void> {
  await pollUntil(
    async () => {
      const { rows } = await db.query<{ outbox: number; reminders: number; mails: number }>(
        `SELECT (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS outbox,
                (SELECT count(*)::int FROM reminders WHERE fire_at <= $1 AND state IN ('scheduled', 'fired')) AS reminders,
                (SELECT count(*)::int FROM mail_deliveries d WHERE state IN ('pending', 'sending')
                    AND EXISTS (SELECT 1 FROM reminders r WHERE r.id = ANY (d.reminder_ids) AND r.fire_at <= $1)) AS mails`,
        [cutoff],
      );
      const { outbox, reminders, mails } = rows[0];
      return outbox === 0 && reminders === 0 && mails === 0 ? true : null;
    },
    {
      timeoutMs: PROFILE.settleMs,
      intervalMs: 1000,
      what: 'outbox, due reminders and their mails settled',
    },
  );
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      return;
    }
    interrupted = true;
    log(`${signal}: stopping every process of the run`);
    void shutdown().finally(() => process.exit(130));
  });
}
process.on('exit', () => system?.killNow());
process.on('unhandledRejection', (error) => {
  console.error(error);
  void shutdown().finally(() => process.exit(1));
});

main().then(
  async (code) => {
    await shutdown();
    log(`exit ${code}`);
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error);
    await shutdown();
    log('exit 1');
    process.exit(1);
  },
);

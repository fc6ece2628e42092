// Runs every bench:* script of package.json in turn (each writes bench-results/<name>.json through
// tests/bench/bench-report.ts), then writes bench-results/all.json and bench-results/all.md: one
// table of every figure beside the baseline measured in the same run, with the machine, the date,
// the command and the wall time of each script.
// Usage: npm run bench [-- --only api,api-mixed] [-- --write-doc] [-- --note "text"]
//   --only       runs only these benches (script names without "bench:")
//   --write-doc  also writes the page to docs/benchmarks.md
//   --note       a line for the page, e.g. what else the machine was doing
//   --render F   runs nothing: renders the page again from a results file F (all.json)
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { duration, markdown } from './bench-table.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = option('--only')?.split(',');
const quote = (a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
const command = `npm run bench${args.length ? ` -- ${args.map(quote).join(' ')}` : ''}`;

function versionOf(cmd, cmdArgs, pattern) {
  const run = spawnSync(cmd, cmdArgs, { encoding: 'utf8' });
  return run.status === 0 ? (pattern.exec(run.stdout)?.[1] ?? 'unknown') : 'unknown';
}

// How long the disk takes to make 8 kB durable, as a commit's WAL flush does: the paced deadline
// change's p99 follows it from one machine to the next (README: bench:api). Measured in the
// temporary directory, which is the database's disk on a one-disk machine.
function diskSync() {
  const path = join(tmpdir(), `duban-disk-sync-${process.pid}`);
  const block = Buffer.alloc(8192, 1);
  const samples = [];
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < 200; i++) {
      writeSync(fd, block, 0, block.length, 0);
      const t0 = performance.now();
      fdatasyncSync(fd);
      samples.push((performance.now() - t0) * 1000);
    }
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  samples.sort((a, b) => a - b);
  const at = (p) => Math.round(samples[Math.ceil(p * samples.length) - 1]);
  return `disk: fdatasync of 8 kB p50 ${at(0.5)} µs, p99 ${at(0.99)} µs (200 in ${tmpdir()})`;
}

function services() {
  const postgres = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
  postgres.pathname = '/postgres';
  const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // The server's version and the settings write latency hangs on (README: bench:api).
  const settings = versionOf(
    'psql',
    [postgres.toString(), '-At', '-f', 'tests/bench/postgres-settings.sql'],
    /^(.+)$/m,
  );
  return [
    settings === 'unknown' ? 'PostgreSQL unknown' : settings,
    `Redis ${versionOf('redis-cli', ['-u', redis, 'INFO', 'server'], /redis_version:(\S+)/)}`,
    diskSync(),
  ].join('; ');
}

const resultFiles = () =>
  readdirSync('bench-results', { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.json') && f.name !== 'all.json')
    .map((f) => f.name);

/** Runs the bench scripts one after the other and gathers what they wrote. */
function runAll() {
  const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts)
    .filter((s) => s.startsWith('bench:'))
    .filter((s) => !only || only.includes(s.slice('bench:'.length)));
  const startedAt = new Date().toISOString();
  const load = { start: loadavg()[0] };
  const started = performance.now();
  rmSync('bench-results', { recursive: true, force: true });
  mkdirSync('bench-results', { recursive: true });
  const runs = [];
  for (const script of scripts) {
    console.log(`\n### npm run ${script}`);
    const before = new Set(resultFiles());
    const t0 = performance.now();
    const loadBefore = loadavg()[0];
    const run = spawnSync('npm', ['run', '-s', script], { stdio: 'inherit' });
    const seconds = (performance.now() - t0) / 1000;
    const results = resultFiles().filter((f) => !before.has(f));
    runs.push({
      script,
      seconds,
      status: run.status ?? 1,
      results,
      load: [loadBefore, loadavg()[0]],
    });
    console.log(`### npm run ${script}: ${duration(seconds)}, exit ${run.status}`);
  }
  load.end = loadavg()[0];
  const all = {
    machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    services: services(),
    command,
    note: option('--note'),
    startedAt,
    at: new Date().toISOString(),
    wallSeconds: (performance.now() - started) / 1000,
    load,
    runs,
    results: runs.flatMap((r) =>
      r.results.map((f) => JSON.parse(readFileSync(`bench-results/${f}`, 'utf8'))),
    ),
  };
  writeFileSync('bench-results/all.json', JSON.stringify(all, null, 2));
  return all;
}

const rendered = option('--render');
const all = rendered ? JSON.parse(readFileSync(rendered, 'utf8')) : runAll();
const page = markdown(all);
if (!rendered) {
  writeFileSync('bench-results/all.md', page);
}
console.log(`\n${page}`);
if (args.includes('--write-doc')) {
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/benchmarks.md', page);
  console.log('wrote docs/benchmarks.md');
}
process.exitCode = all.runs.some((r) => r.status !== 0 || !r.results.length) ? 1 : 0;

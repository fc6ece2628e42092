// Runs every bench:* script of package.json in turn, then lists the results they wrote to
// bench-results/ as one table (figure, value, baseline measured in the same run, ratio).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts).filter((s) =>
  s.startsWith('bench:'),
);
rmSync('bench-results', { recursive: true, force: true });
let failed = 0;
for (const script of scripts) {
  console.log(`\n### npm run ${script}`);
  const run = spawnSync('npm', ['run', '-s', script], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
const results = readdirSync('bench-results', { withFileTypes: true })
  .filter((f) => f.isFile() && f.name.endsWith('.json') && f.name !== 'all.json')
  .map((f) => JSON.parse(readFileSync(`bench-results/${f.name}`, 'utf8')));
const lines = [
  '| bench | figure | value | baseline (same run) | ratio | aim | dataset |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];
for (const result of results) {
  for (const row of result.rows) {
    const ratio = row.baseline ? `${(row.value / row.baseline.value).toFixed(2)}×` : '-';
    const base = row.baseline
      ? `${Math.round(row.baseline.value)} ${row.unit} (${row.baseline.label})`
      : '-';
    lines.push(
      `| ${result.name} | ${row.figure} | ${Math.round(row.value * 100) / 100} ${row.unit} | ${base} | ${ratio} | ${row.aim ?? '-'} | ${row.dataset} |`,
    );
  }
}
const machine = results[0]?.machine ?? 'unknown machine';
console.log(`\nAll benchmarks — ${machine}\n${lines.join('\n')}`);
writeFileSync(
  'bench-results/all.json',
  JSON.stringify({ machine, at: new Date().toISOString(), results }, null, 2),
);
process.exitCode = failed ? 1 : 0;

// Renders the results of `npm run bench` (bench-results/all.json) as a markdown page: the machine,
// date and command in the header, then one table (figure, value, baseline measured in the same
// run, ratio, which way is better, aim, dataset) and the wall time of each bench script.

const fmt = (n) =>
  Number.isFinite(n)
    ? Math.abs(n) >= 100
      ? Math.round(n).toLocaleString('en-US')
      : n.toFixed(2)
    : String(n);

export const duration = (seconds) => {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
};

// A pipe inside a cell would end it.
const cell = (text) => String(text).replaceAll('|', '\\|');

/**
 * The ratio is value ÷ baseline. Whether that is good depends on the figure: for a rate (better:
 * higher) above 1× beats the baseline; for a latency or a size (better: lower) below 1× does.
 */
export function tableRows(results) {
  const lines = [
    '| bench | figure | value | baseline (same run) | ratio | better | aim | dataset |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const result of results) {
    for (const row of result.rows) {
      const ratio = row.baseline ? `${(row.value / row.baseline.value).toFixed(2)}×` : '-';
      const base = row.baseline
        ? `${fmt(row.baseline.value)} ${row.unit} (${row.baseline.label})`
        : '-';
      lines.push(
        `| ${[
          result.name,
          row.figure,
          `${fmt(row.value)} ${row.unit}`,
          base,
          ratio,
          row.better ?? '?',
          row.aim ?? '-',
          row.dataset,
        ]
          .map(cell)
          .join(' | ')} |`,
      );
    }
  }
  return lines;
}

export function runRows(runs) {
  return [
    '| script | wall time | outcome | load average (1 min) before → after |',
    '| --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| \`npm run ${r.script}\` | ${duration(r.seconds)} | ${r.status === 0 ? 'ok' : `failed (exit ${r.status})`}${r.results.length ? '' : ', wrote no results'} | ${r.load ? `${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}` : '-'} |`,
    ),
  ];
}

export function markdown(all) {
  const date = all.at.slice(0, 10);
  const failed = all.runs.filter((r) => r.status !== 0 || !r.results.length);
  return [
    '# Benchmarks',
    '',
    `Generated on ${date} by the command below (started ${all.startedAt}, finished ${all.at}).`,
    'Regenerate it with `npm run bench -- --write-doc` rather than editing it by hand.',
    '',
    `- **Machine:** ${all.machine}`,
    `- **Services:** ${all.services}`,
    `- **Command:** \`${all.command}\``,
    `- **Wall time:** ${duration(all.wallSeconds)} for the whole run`,
    `- **Load average (1 min) of the machine:** ${all.load.start.toFixed(2)} at the start, ${all.load.end.toFixed(2)} at the end`,
    ...(all.note ? [`- **Note:** ${all.note}`] : []),
    ...(failed.length
      ? [`- **Incomplete:** ${failed.map((r) => r.script).join(', ')} did not finish cleanly`]
      : []),
    '',
    'Every baseline is measured by the same bench in the same run, on the same machine. The ratio is',
    'value ÷ baseline; "better" says which way is good: for `higher` (rates) a ratio above 1× beats',
    'the baseline, for `lower` (latencies, times, sizes) a ratio below 1× does. The dataset column',
    'gives the size each figure was measured on.',
    '',
    ...tableRows(all.results),
    '',
    '## Wall time per bench',
    '',
    ...runRows(all.runs),
    '',
  ].join('\n');
}

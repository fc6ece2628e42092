import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** Higher is better (throughput) or lower is better (latency); decides how the ratio reads. */
  better: 'higher' | 'lower';
  aim?: string;
  dataset: string;
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

const fmt = (n: number) =>
  Math.abs(n) >= 100 || Number.isInteger(n) ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);

/** Prints the rows as a table and writes them to bench-results/<name>.json for `npm run bench`. */
export function report(name: string, rows: BenchRow[]): void {
  const lines = rows.map((row) => {
    const ratio = row.baseline?.value ? row.value / row.baseline.value : undefined;
    return [
      row.figure,
      `${fmt(row.value)} ${row.unit}`,
      row.baseline ? `${fmt(row.baseline.value)} ${row.unit} (${row.baseline.label})` : '-',
      ratio === undefined ? '-' : `${ratio.toFixed(2)}×`,
      row.better,
      row.aim ?? '-',
      row.dataset,
    ];
  });
  const header = ['figure', 'value', 'baseline (same run)', 'ratio', 'better', 'aim', 'dataset'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const print = (cells: string[]) =>
    console.log(cells.map((c, i) => c.padEnd(widths[i])).join(' | '));
  console.log(`\n${name} — ${machine()}`);
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  lines.forEach(print);
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify({ name, machine: machine(), at: new Date().toISOString(), rows }, null, 2),
  );
}

/** The printed summary of a run: load figures, the faults as they happened, every check. */
import type { CheckResult } from './checks';
import type { FaultWindow } from './faults';
import type { LoadRecord, RequestRecord } from './load';

export interface RunReport {
  profile: string;
  wallMs: number;
  loadMs: number;
  records: readonly LoadRecord[];
  faults: readonly FaultWindow[];
  results: readonly CheckResult[];
  duplicates: readonly string[];
  mailed: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : 0;
}

export function printReport(report: RunReport): void {
  const requests = report.records.filter((r): r is RequestRecord => r.type === 'req');
  const byClass = new Map<string, number>();
  for (const r of requests) {
    const key = r.status === 0 ? 'no answer' : `${Math.floor(r.status / 100)}xx`;
    byClass.set(key, (byClass.get(key) ?? 0) + 1);
  }
  const latencies = requests
    .filter((r) => r.status > 0)
    .map((r) => r.t1 - r.t0)
    .sort((a, b) => a - b);
  const first = Math.min(...requests.map((r) => r.t0));
  const lines = [
    '',
    `== Duban reliability (${report.profile}): wall time ${seconds(report.wallMs)}, load ${seconds(report.loadMs)}`,
    `requests: ${requests.length} (${(requests.length / (report.loadMs / 1000)).toFixed(0)}/s) — ${[
      ...byClass,
    ]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(
        ', ',
      )}; latency p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms`,
    `mails: ${report.mailed} sent; duplicated Message-IDs: ${report.duplicates.length}`,
    ...report.duplicates.map((d) => `  ${d}`),
    'faults (from the start of the load):',
    ...report.faults.map(
      (f) =>
        `  ${seconds(f.start - first).padStart(8)}  ${`${f.kind} ${f.target}`.padEnd(26)} at ${new Date(f.start).toISOString().slice(11, 23)}, whole again after ${seconds(f.end - f.start)}${f.note ? ` (${f.note})` : ''}`,
    ),
    'checks:',
    ...report.results.flatMap((r) => [
      `  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}`,
      ...r.detail.map((d) => `        ${d}`),
    ]),
  ];
  const passed = report.results.filter((r) => r.ok).length;
  lines.push('', `reliability: ${passed} passed, ${report.results.length - passed} failed`);
  console.log(lines.join('\n'));
}

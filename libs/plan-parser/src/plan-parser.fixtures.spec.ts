import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { scoreLedger } from '../../../tests/tools/ledger-score';
import { toLedgerJson } from './ledger-json';
import { parsePlan } from './plan-parser';
import { FIXTURE_DIR, loadFixturePlans } from './testing/fixture-plans';

const seeds = loadFixturePlans('');
const extras = loadFixturePlans('extra');

describe.each([
  ['seed', seeds],
  ['extra fixture', extras],
])('%s plans meet the accuracy gates', (_kind, plans) => {
  it.each(plans.map((p) => [p.name, p] as const))('%s', (_name, plan) => {
    const sut = toLedgerJson(parsePlan(plan.bytes), `${plan.name}.txt`);

    const score = scoreLedger(plan.truth, sut);

    expect(score.f1).toBeGreaterThanOrEqual(0.98);
    expect(score.taskRecall).toBeGreaterThanOrEqual(0.98);
    expect(score.deadlineRate).toBeGreaterThanOrEqual(0.95);
  });
});

describe('fixture sets', () => {
  it('has the five seeds and at least eight written plans', () => {
    expect(seeds).toHaveLength(5);
    expect(extras.length).toBeGreaterThanOrEqual(8);
  });
});

describe('document fields', () => {
  it.each([...seeds, ...extras].map((p) => [p.name, p] as const))(
    '%s: title and 文号',
    (_name, plan) => {
      const sut = parsePlan(plan.bytes);

      expect(normalize(sut.title)).toBe(normalize(plan.truth.title));
      expect(normalize(sut.docNumber)).toBe(normalize(plan.truth.doc_number));
    },
  );
});

describe('the TypeScript scorer', () => {
  it('prints the same figures as score-ledger.mjs for a seed', () => {
    const plan = seeds[0];
    const parsed = toLedgerJson(parsePlan(plan.bytes), `${plan.name}.txt`);
    // Drop one assignment so the comparison covers a score below 1.
    parsed.tasks[6] = { ...parsed.tasks[6], support: parsed.tasks[6].support.slice(1) };
    const script = join(FIXTURE_DIR, '..', '..', 'tools', 'score-ledger.mjs');

    const printed = execFileSync(process.execPath, [script, plan.truthPath, '-'], {
      input: JSON.stringify(parsed),
      encoding: 'utf8',
    }).trim();

    expect(printed).toBe(scoreLedger(plan.truth, parsed).line);
    expect(printed).toContain('tasks 34/34');
    expect(printed).not.toContain('F1=1.000');
  });
});

function normalize(s: string | null): string | null {
  return s === null ? null : s.normalize('NFKC').replace(/\s/g, '');
}

import { scoreLedger } from '../../../tests/tools/ledger-score';
import { toLedgerJson } from './ledger-json';
import { parsePlan } from './plan-parser';
import { loadFixturePlans } from './testing/fixture-plans';
import { perturbText, seededRandom } from './testing/perturb-text';

const PERTURBATION_SEEDS = [1, 7, 42, 2024, 90210];
const plans = [...loadFixturePlans(''), ...loadFixturePlans('extra')];

describe('perturbed copies of the plans', () => {
  const cases = plans.flatMap((plan) =>
    PERTURBATION_SEEDS.map((seed) => [plan.name, seed, plan] as const),
  );

  it.each(cases)('%s with perturbation seed %d keeps F1 >= 0.95', (_name, seed, plan) => {
    const text = perturbText(plan.bytes.toString('utf8'), seed);

    const score = scoreLedger(plan.truth, toLedgerJson(parsePlan(text), plan.name));

    expect(score.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.taskRecall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('perturbText', () => {
  const sample = '一、总体要求\n(一)加强领导。推进工作。(市发改委牵头,市财政局配合)\n';

  it('is deterministic for a seed', () => {
    expect(perturbText(sample, 5)).toBe(perturbText(sample, 5));
  });

  it('changes the text for some seed', () => {
    const variants = new Set([1, 2, 3, 4, 5, 6].map((seed) => perturbText(sample, seed)));

    expect(variants.size).toBeGreaterThan(1);
  });

  it('keeps every character other than blanks and punctuation width', () => {
    const strip = (s: string): string =>
      s
        .replace(/\s/g, '')
        .replace(/（/g, '(')
        .replace(/）/g, ')')
        .replace(/，/g, ',')
        .replace(/；/g, ';')
        .replace(/：/g, ':');

    expect(strip(perturbText(sample, 11))).toBe(strip(sample));
  });

  it('draws the same numbers from the same seed', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);

    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

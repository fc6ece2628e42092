import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const FIXTURE_DIR = join(__dirname, '..', '..', '..', '..', 'tests', 'fixtures', 'plans');

export interface FixturePlan {
  name: string;
  textPath: string;
  truthPath: string;
  bytes: Buffer;
  truth: { title: string | null; doc_number: string | null; tasks: TruthTask[] };
}

export interface TruthTask {
  number: string;
  title: string;
  lead: string[];
  support: string[];
  deadline: string | null;
  targets: string[];
}

/** The plans of one fixture folder (`''` for the seeds, `'extra'` for the written ones). */
export function loadFixturePlans(folder: '' | 'extra'): FixturePlan[] {
  const dir = join(FIXTURE_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = basename(file, '.txt');
      const truthPath = join(dir, 'truth', `${name}.json`);
      return {
        name,
        textPath: join(dir, file),
        truthPath,
        bytes: readFileSync(join(dir, file)),
        truth: JSON.parse(readFileSync(truthPath, 'utf8')) as FixturePlan['truth'],
      };
    });
}

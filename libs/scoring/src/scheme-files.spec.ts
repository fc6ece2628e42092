import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPointsSchemeInput } from '../test/scoring.factory';
import { parseSchemeYaml } from './scheme-yaml';

// Reads the committed scheme files (read-only, no other I/O) so a bad edit fails here before a run.
const SCHEME_DIR = join(__dirname, '../../../config/assessment');

describe('config/assessment scheme files', () => {
  const files = readdirSync(SCHEME_DIR).filter((name) => /^\d{4}\.yaml$/.test(name));

  it('has the schemes for 2025 and 2026', () => {
    expect(files).toEqual(expect.arrayContaining(['2025.yaml', '2026.yaml']));
  });

  it.each(files)('%s is valid, for the year its name says', (file) => {
    const year = Number(file.slice(0, 4));
    expect(() =>
      parseSchemeYaml(
        readFileSync(join(SCHEME_DIR, file), 'utf8'),
        `config/assessment/${file}`,
        year,
      ),
    ).not.toThrow();
  });

  it.each([2025, 2026])('%i uses the default points rules', (year) => {
    const text = readFileSync(join(SCHEME_DIR, `${year}.yaml`), 'utf8');
    expect(parseSchemeYaml(text, `config/assessment/${year}.yaml`, year)).toEqual(
      defaultPointsSchemeInput(year),
    );
  });
});

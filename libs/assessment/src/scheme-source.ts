import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseSchemeYaml, type AssessmentScheme } from '@duban/scoring';
import { InvalidYearError, SchemeNotFoundError } from './assessment.errors';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface LoadedScheme {
  readonly scheme: AssessmentScheme;
  /** Where it came from, e.g. `config/assessment/2025.yaml`. */
  readonly source: string;
  /** sha256 of the validated definition, so an unchanged file is stored once. */
  readonly digest: string;
}

/** Parses a path or body year; anything but a whole number in 2000–2100 is refused, naming `year`. */
export function parseYear(value: string | number): number {
  const text = String(value);
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidYearError(text);
  }
  return year;
}

/** The digest of a validated scheme: key order fixed by the schema, so equal schemes hash equal. */
export function schemeDigest(scheme: AssessmentScheme): string {
  return createHash('sha256').update(JSON.stringify(scheme)).digest('hex');
}

/**
 * Reads `<dir>/<year>.yaml` (dir: `config/assessment` under the configuration folder). A missing
 * file is SchemeNotFoundError, an invalid one InvalidSchemeError naming the field.
 */
export async function loadYearScheme(dir: string, year: number): Promise<LoadedScheme> {
  const path = join(dir, `${year}.yaml`);
  const source = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SchemeNotFoundError(year, source);
    }
    throw error;
  }
  const scheme = parseSchemeYaml(text, source, year);
  return { scheme, source, digest: schemeDigest(scheme) };
}

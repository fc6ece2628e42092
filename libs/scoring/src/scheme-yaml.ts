import { load, YAMLException } from 'js-yaml';
import { parseScheme, type AssessmentScheme } from './scheme.schema';
import { InvalidSchemeError } from './scoring.errors';

/**
 * Parses and validates the text of `config/assessment/<year>.yaml`; the caller reads the file.
 * With `expectedYear` (the year in the file name) a scheme written for another year is rejected.
 */
export function parseSchemeYaml(
  text: string,
  sourceLabel: string,
  expectedYear?: number,
): AssessmentScheme {
  let document: unknown;
  try {
    document = load(text);
  } catch (error: unknown) {
    if (error instanceof YAMLException) {
      throw new InvalidSchemeError(sourceLabel, [
        { path: '(scheme)', message: `is not valid YAML: ${error.message.split('\n')[0]}` },
      ]);
    }
    throw error;
  }
  const scheme = parseScheme(document, sourceLabel);
  if (expectedYear !== undefined && scheme.year !== expectedYear) {
    throw new InvalidSchemeError(sourceLabel, [
      {
        path: 'year',
        message: `is ${scheme.year}, but this file is the scheme for ${expectedYear}`,
      },
    ]);
  }
  return scheme;
}

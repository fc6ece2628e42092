import { join } from 'node:path';
import { configDirectory } from '@duban/config';

/** Where the yearly schemes are read from; tests point it at a folder of their own. */
export interface AssessmentOptions {
  readonly schemeDir: string;
}

export const ASSESSMENT_OPTIONS = Symbol('ASSESSMENT_OPTIONS');

export function defaultAssessmentOptions(): AssessmentOptions {
  return { schemeDir: join(configDirectory(), 'assessment') };
}

import { defaultPointsSchemeInput, defaultWeightedShareSchemeInput } from '../test/scoring.factory';
import { parseScheme } from './scheme.schema';
import { parseSchemeYaml } from './scheme-yaml';
import { InvalidSchemeError, type SchemeIssue } from './scoring.errors';

/** The issues parseScheme reports for `input`, or fails the test if it accepts it. */
function issuesOf(input: unknown): readonly SchemeIssue[] {
  try {
    parseScheme(input, 'config/assessment/2025.yaml');
  } catch (error: unknown) {
    if (error instanceof InvalidSchemeError) {
      return error.issues;
    }
    throw error;
  }
  throw new Error('expected the scheme to be rejected');
}

function withPoints(
  change: (points: ReturnType<typeof defaultPointsSchemeInput>['points']) => void,
) {
  const input = defaultPointsSchemeInput();
  change(input.points);
  return input;
}

function without(input: object, ...fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !fields.includes(key)));
}

describe('parseScheme', () => {
  it('accepts the default points scheme and returns it unchanged', () => {
    expect(parseScheme(defaultPointsSchemeInput(), 'test')).toEqual(defaultPointsSchemeInput());
  });

  it('accepts the default weighted-share scheme', () => {
    expect(parseScheme(defaultWeightedShareSchemeInput(), 'test')).toEqual(
      defaultWeightedShareSchemeInput(),
    );
  });

  it('rejects a negative cap, naming the field', () => {
    expect(issuesOf(withPoints((points) => (points.cap = -1)))).toEqual([
      { path: 'points.cap', message: 'must be ≥ 0' },
    ]);
  });

  it('rejects a cap below the floor', () => {
    expect(
      issuesOf(
        withPoints((points) => {
          points.cap = 50;
          points.floor = 60;
          points.base = 55;
        }),
      ),
    ).toEqual([{ path: 'points.cap', message: 'must be ≥ floor (60)' }]);
  });

  it('rejects a base outside [floor, cap]', () => {
    expect(issuesOf(withPoints((points) => (points.base = 101)))).toEqual([
      { path: 'points.base', message: 'must lie between floor (0) and cap (100)' },
    ]);
  });

  it('rejects an unknown method and a missing one', () => {
    expect(issuesOf({ ...defaultPointsSchemeInput(), method: 'ranking' })).toEqual([
      { path: 'method', message: 'must be one of: points, weighted-share' },
    ]);
    expect(issuesOf(without(defaultPointsSchemeInput(), 'method'))).toEqual([
      { path: 'method', message: 'is required (one of: points, weighted-share)' },
    ]);
  });

  it('rejects a missing field, naming its full path', () => {
    const input = withPoints((points) => {
      delete (points as Partial<typeof points>).missedReport;
      delete (points.quality.ratings as Partial<typeof points.quality.ratings>).poor;
    });
    expect(issuesOf(input)).toEqual([
      { path: 'points.missedReport', message: 'is required' },
      { path: 'points.quality.ratings.poor', message: 'is required' },
    ]);
  });

  it('rejects a missing section and a missing year', () => {
    expect(issuesOf(without(defaultPointsSchemeInput(), 'counts', 'year'))).toEqual([
      { path: 'year', message: 'is required' },
      { path: 'counts', message: 'is required' },
    ]);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(issuesOf(withPoints((points) => Object.assign(points, { lateRepot: -0.2 })))).toEqual([
      { path: 'points.lateRepot', message: 'unknown field (check the spelling)' },
    ]);
  });

  it('rejects a penalty written as a positive number', () => {
    expect(issuesOf(withPoints((points) => (points.overdue.support = 2.5)))).toEqual([
      {
        path: 'points.overdue.support',
        message: 'must be ≤ 0 (a penalty is written as a negative number)',
      },
    ]);
  });

  it('rejects a negative reward for completing on time', () => {
    expect(issuesOf(withPoints((points) => (points.onTime.lead = -2)))).toEqual([
      { path: 'points.onTime.lead', message: 'must be ≥ 0' },
    ]);
  });

  it('rejects points finer than a hundredth, text where a number belongs, and an unknown role', () => {
    const input = withPoints((points) => {
      points.lateReport = -0.125;
      Object.assign(points, { base: '80' });
      points.quality.appliesTo = ['lead', 'leader'];
    });
    expect(issuesOf(input)).toEqual([
      { path: 'points.base', message: 'must be a number' },
      { path: 'points.lateReport', message: 'must have at most 2 decimal places' },
      { path: 'points.quality.appliesTo[1]', message: 'must be one of: lead, support' },
    ]);
  });

  it('rejects a role listed twice for quality ratings', () => {
    expect(issuesOf(withPoints((points) => (points.quality.appliesTo = ['lead', 'lead'])))).toEqual(
      [{ path: 'points.quality.appliesTo', message: 'must not list a role twice' }],
    );
  });

  it('rejects a year that is not a whole number and counts that are not true/false', () => {
    const input = { ...defaultPointsSchemeInput(), year: 2025.5 };
    Object.assign(input.counts, { quality: 'yes' });
    expect(issuesOf(input)).toEqual([
      { path: 'year', message: 'must be a whole number' },
      { path: 'counts.quality', message: 'must be true or false' },
    ]);
  });

  it('rejects something that is not a set of fields at all', () => {
    expect(issuesOf('points')).toEqual([
      { path: '(scheme)', message: 'must be a set of fields (key: value)' },
    ]);
  });

  describe('weighted share', () => {
    it('rejects counting report and quality kinds, which the share has no rule for', () => {
      const input = defaultWeightedShareSchemeInput();
      input.counts.missedReport = true;
      expect(issuesOf(input)).toEqual([
        {
          path: 'counts.missedReport',
          message: 'must be false: the weighted-share method scores completions only',
        },
      ]);
    });

    it('rejects all-zero weights, a decay above 1 and a credit floor finer than 0.0001', () => {
      const input = defaultWeightedShareSchemeInput();
      input.weightedShare.weights = { lead: 0, support: 0 };
      input.weightedShare.lateness = { decayPerCalendarDay: 1.5, creditFloor: 0.00005 };
      expect(issuesOf(input)).toEqual([
        { path: 'weightedShare.lateness.decayPerCalendarDay', message: 'must be ≤ 1' },
        {
          path: 'weightedShare.lateness.creditFloor',
          message: 'must have at most 4 decimal places',
        },
        { path: 'weightedShare.weights', message: 'at least one role weight must be > 0' },
      ]);
    });

    it('rejects points-method fields inside a weighted-share scheme', () => {
      expect(
        issuesOf({
          ...defaultWeightedShareSchemeInput(),
          points: defaultPointsSchemeInput().points,
        }),
      ).toEqual([{ path: 'points', message: 'unknown field (check the spelling)' }]);
    });
  });

  it('throws a typed error whose message names the source and every field', () => {
    expect(() =>
      parseScheme(
        withPoints((points) => (points.cap = -1)),
        'config/assessment/2025.yaml',
      ),
    ).toThrow(
      new InvalidSchemeError('config/assessment/2025.yaml', [
        { path: 'points.cap', message: 'must be ≥ 0' },
      ]),
    );
    expect(() =>
      parseScheme(
        withPoints((points) => (points.cap = -1)),
        'config/assessment/2025.yaml',
      ),
    ).toThrow(
      'Assessment scheme (考核方案) config/assessment/2025.yaml is invalid: points.cap: must be ≥ 0',
    );
  });
});

describe('parseScheme: bounds of every number', () => {
  it('refuses point values beyond ±100 and scores beyond 0..1000, naming each field', () => {
    const paths = (input: unknown) => issuesOf(input).map((issue) => issue.path);
    expect(paths(withPoints((points) => (points.onTime.lead = 1e300)))).toEqual([
      'points.onTime.lead',
    ]);
    expect(paths(withPoints((points) => (points.overdue.support = -100.01)))).toEqual([
      'points.overdue.support',
    ]);
    expect(paths(withPoints((points) => (points.quality.ratings.poor = -1e9)))).toEqual([
      'points.quality.ratings.poor',
    ]);
    expect(paths(withPoints((points) => (points.cap = 1000.01)))).toContain('points.cap');
  });

  it('accepts the bounds themselves', () => {
    const input = withPoints((points) => {
      points.onTime.lead = 100;
      points.overdue.lead = -100;
      points.cap = 1000;
      points.base = 1000;
    });
    expect(parseScheme(input, 'test')).toEqual(input);
  });
});

describe('parseSchemeYaml', () => {
  const validYaml = [
    'year: 2025',
    'method: weighted-share',
    'counts: { onTime: true, overdue: true, lateReport: false, missedReport: false, quality: false }',
    'weightedShare:',
    '  weights: { lead: 1.0, support: 0.5 }',
    '  lateness: { decayPerCalendarDay: 0.02, creditFloor: 0.5 }',
  ].join('\n');

  it('parses a scheme file', () => {
    expect(parseSchemeYaml(validYaml, '2025.yaml', 2025)).toEqual(
      defaultWeightedShareSchemeInput(2025),
    );
  });

  it('rejects a file written for another year than its name says', () => {
    expect(() => parseSchemeYaml(validYaml, 'config/assessment/2026.yaml', 2026)).toThrow(
      'config/assessment/2026.yaml is invalid: year: is 2025, but this file is the scheme for 2026',
    );
  });

  it('rejects text that is not YAML with the same typed error', () => {
    expect(() => parseSchemeYaml('year: [2025', '2025.yaml')).toThrow(InvalidSchemeError);
    expect(() => parseSchemeYaml('year: [2025', '2025.yaml')).toThrow(
      /\(scheme\): is not valid YAML/,
    );
  });
});

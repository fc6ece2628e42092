import { z } from 'zod';
import { InvalidSchemeError, type SchemeIssue } from './scoring.errors';

// Every number of the assessment lives here as data; field meanings are documented in
// config/assessment/README.md. Objects are strict so a misspelt field is an error, not a silent default.

export const ROLES = ['lead', 'support'] as const;
export type Role = (typeof ROLES)[number];

/** 优 / 良 / 中 / 差, the office's rating on approving a completion. */
export const QUALITY_RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];
export const QUALITY_RATING_BY_LABEL: Readonly<Record<string, QualityRating>> = {
  优: 'excellent',
  良: 'good',
  中: 'fair',
  差: 'poor',
};

export const SCHEME_METHODS = ['points', 'weighted-share'] as const;
export type SchemeMethod = (typeof SCHEME_METHODS)[number];

/** Points are exact to the hundredth (0.01); scoring works in integer hundredths. */
const POINT_DECIMALS = 2;
/** Share factors (decay per day, credit floor) are exact to the ten-thousandth (0.01 %). */
const SHARE_FACTOR_DECIMALS = 4;

function hasAtMostDecimals(decimals: number): (value: number) => boolean {
  const scale = 10 ** decimals;
  return (value) => Math.abs(value * scale - Math.round(value * scale)) < 1e-6;
}

/**
 * Bounds of every number a scheme holds. A delta per task beyond ±100 points is no real rule,
 * and unbounded values overflow the integer hundredths the scoring sums in (a what-if with huge
 * values was a 500); a score's base, cap and floor lie within 0..1000.
 */
export const MAX_DELTA_POINTS = 100;
export const MAX_SCORE_POINTS = 1000;

const points = z
  .number()
  .min(-MAX_DELTA_POINTS)
  .max(MAX_DELTA_POINTS)
  .refine(hasAtMostDecimals(POINT_DECIMALS), {
    error: `must have at most ${POINT_DECIMALS} decimal places`,
  });
const nonNegativePoints = points.min(0);
const scorePoints = z
  .number()
  .min(0)
  .max(MAX_SCORE_POINTS)
  .refine(hasAtMostDecimals(POINT_DECIMALS), {
    error: `must have at most ${POINT_DECIMALS} decimal places`,
  });
const penaltyPoints = points.refine((value) => value <= 0, {
  error: 'must be ≤ 0 (a penalty is written as a negative number)',
});
const shareFactor = z
  .number()
  .min(0)
  .max(1)
  .refine(hasAtMostDecimals(SHARE_FACTOR_DECIMALS), {
    error: `must have at most ${SHARE_FACTOR_DECIMALS} decimal places`,
  });

const roleList = z.array(z.enum(ROLES)).refine((roles) => new Set(roles).size === roles.length, {
  error: 'must not list a role twice',
});

const countsSchema = z.strictObject({
  onTime: z.boolean(),
  overdue: z.boolean(),
  lateReport: z.boolean(),
  missedReport: z.boolean(),
  quality: z.boolean(),
});

const pointsSectionSchema = z
  .strictObject({
    base: scorePoints,
    cap: scorePoints,
    floor: scorePoints,
    onTime: z.strictObject({ lead: nonNegativePoints, support: nonNegativePoints }),
    overdue: z.strictObject({ lead: penaltyPoints, support: penaltyPoints }),
    lateReport: penaltyPoints,
    missedReport: penaltyPoints,
    quality: z.strictObject({
      appliesTo: roleList,
      ratings: z.strictObject({ excellent: points, good: points, fair: points, poor: points }),
    }),
  })
  .check((ctx) => {
    const { base, cap, floor } = ctx.value;
    // A negative cap or floor is already reported on its own field; comparing it would add noise.
    if (cap < 0 || floor < 0) {
      return;
    }
    if (cap < floor) {
      ctx.issues.push({
        code: 'custom',
        path: ['cap'],
        message: `must be ≥ floor (${floor})`,
        input: cap,
      });
    } else if (base < floor || base > cap) {
      ctx.issues.push({
        code: 'custom',
        path: ['base'],
        message: `must lie between floor (${floor}) and cap (${cap})`,
        input: base,
      });
    }
  });

const weightedShareSectionSchema = z
  .strictObject({
    weights: z.strictObject({ lead: nonNegativePoints, support: nonNegativePoints }),
    lateness: z.strictObject({
      decayPerCalendarDay: shareFactor,
      creditFloor: shareFactor,
    }),
  })
  .check((ctx) => {
    if (ctx.value.weights.lead === 0 && ctx.value.weights.support === 0) {
      ctx.issues.push({
        code: 'custom',
        path: ['weights'],
        message: 'at least one role weight must be > 0',
        input: ctx.value.weights,
      });
    }
  });

const commonShape = {
  year: z.int().min(2000).max(2100),
  counts: countsSchema,
};

const pointsSchemeSchema = z.strictObject({
  ...commonShape,
  method: z.literal('points'),
  points: pointsSectionSchema,
});

/** Report and quality kinds have no rule in the share, so counting them would be a silent no-op. */
const WEIGHTED_SHARE_UNUSED_COUNTS = ['lateReport', 'missedReport', 'quality'] as const;

const weightedShareSchemeSchema = z
  .strictObject({
    ...commonShape,
    method: z.literal('weighted-share'),
    weightedShare: weightedShareSectionSchema,
  })
  .check((ctx) => {
    for (const kind of WEIGHTED_SHARE_UNUSED_COUNTS) {
      if (ctx.value.counts[kind]) {
        ctx.issues.push({
          code: 'custom',
          path: ['counts', kind],
          message: 'must be false: the weighted-share method scores completions only',
          input: true,
        });
      }
    }
  });

export const assessmentSchemeSchema = z.discriminatedUnion('method', [
  pointsSchemeSchema,
  weightedShareSchemeSchema,
]);

export type AssessmentScheme = z.infer<typeof assessmentSchemeSchema>;
export type PointsScheme = z.infer<typeof pointsSchemeSchema>;
export type WeightedShareScheme = z.infer<typeof weightedShareSchemeSchema>;
export type SchemeCounts = z.infer<typeof countsSchema>;

/**
 * Validates a year's scheme. Throws InvalidSchemeError listing every problem with its field path;
 * `sourceLabel` names where the scheme came from so the message points the clerk at the right file.
 */
export function parseScheme(input: unknown, sourceLabel: string): AssessmentScheme {
  const result = assessmentSchemeSchema.safeParse(input, { reportInput: true });
  if (result.success) {
    return result.data;
  }
  throw new InvalidSchemeError(sourceLabel, result.error.issues.flatMap(toSchemeIssues));
}

function toSchemeIssues(issue: z.core.$ZodIssue): SchemeIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: 'unknown field (check the spelling)',
    }));
  }
  return [{ path: formatPath(issue.path), message: describeIssue(issue) }];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${describeType(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `must list at least ${issue.minimum}`
        : `must be ${issue.inclusive === false ? '>' : '≥'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `must list at most ${issue.maximum}`
        : `must be ${issue.inclusive === false ? '<' : '≤'} ${issue.maximum}`;
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
        const choices = issue.options.join(', ');
        return isMissingField(issue.input, issue.discriminator)
          ? `is required (one of: ${choices})`
          : `must be one of: ${choices}`;
      }
      return issue.message;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'custom':
    case 'unrecognized_keys':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'not_multiple_of':
      return issue.message;
  }
}

/** A discriminated union reports the whole object as its input, not the discriminator's value. */
function isMissingField(input: unknown, field: string): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as Record<string, unknown>)[field] === undefined
  );
}

function describeType(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a set of fields (key: value)';
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    default:
      return expected;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) {
    return '(scheme)';
  }
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

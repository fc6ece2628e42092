/** One problem in a scheme file, named by its field path, e.g. `points.cap: must be ≥ 0`. */
export interface SchemeIssue {
  /** Dotted field path inside the scheme (`points.quality.appliesTo[1]`), or `(scheme)` for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** A year's assessment scheme (考核方案) failed validation; nothing may be scored with it. */
export class InvalidSchemeError extends Error {
  override readonly name = 'InvalidSchemeError';

  constructor(
    /** Where the scheme came from, e.g. `config/assessment/2025.yaml` or `what-if request`. */
    readonly sourceLabel: string,
    readonly issues: readonly SchemeIssue[],
  ) {
    super(
      `Assessment scheme (考核方案) ${sourceLabel} is invalid: ` +
        issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    );
  }
}

/** The facts handed to the scorer are malformed (a bad date, a scheme for another year). */
export class InvalidScoringInputError extends Error {
  override readonly name = 'InvalidScoringInputError';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Cannot compute the assessment score: ${field}: ${problem}`);
  }
}

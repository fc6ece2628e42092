/**
 * Errors of the assessment service layer. Each names what was wrong in words the office
 * understands; the api maps them to HTTP statuses (see apps/api/src/assessments).
 */

/** A year with no `config/assessment/<year>.yaml`: it cannot be assessed until one is written. */
export class SchemeNotFoundError extends Error {
  override readonly name = 'SchemeNotFoundError';
  readonly field = 'year';

  constructor(
    readonly year: number,
    readonly file: string,
  ) {
    super(`year: no assessment scheme (考核方案) for ${year}: ${file} does not exist`);
  }
}

/** The year in a request is not a whole number in the range a scheme may have. */
export class InvalidYearError extends Error {
  override readonly name = 'InvalidYearError';
  readonly field = 'year';

  constructor(readonly value: string) {
    super(`year: '${value}' is not a year between 2000 and 2100`);
  }
}

/** Another run of the same year is queued or running. */
export class AssessmentRunConflictError extends Error {
  override readonly name = 'AssessmentRunConflictError';

  constructor(
    readonly year: number,
    readonly activeRunId: string,
  ) {
    super(
      `the ${year} assessment is already being computed (run ${activeRunId}); try again when it has finished`,
    );
  }
}

/** Nothing has been stored for the year yet (no successful run), or the run id is unknown. */
export class AssessmentNotFoundError extends Error {
  override readonly name = 'AssessmentNotFoundError';
}

/** A request field that is not what it should be (e.g. asOf not a date). */
export class InvalidAssessmentRequestError extends Error {
  override readonly name = 'InvalidAssessmentRequestError';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

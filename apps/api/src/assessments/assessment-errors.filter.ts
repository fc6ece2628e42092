import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  AssessmentNotFoundError,
  AssessmentRunConflictError,
  InvalidAssessmentRequestError,
  InvalidYearError,
  SchemeNotFoundError,
} from '@duban/assessment';
import { InvalidSchemeError } from '@duban/scoring';

type AssessmentError =
  | AssessmentNotFoundError
  | AssessmentRunConflictError
  | InvalidAssessmentRequestError
  | InvalidYearError
  | InvalidSchemeError
  | SchemeNotFoundError;

/**
 * The assessment service's typed errors as HTTP answers in the api's error shape
 * (`{ statusCode, error, message, fields: [{ field, messages }] }`).
 */
@Catch(
  AssessmentNotFoundError,
  AssessmentRunConflictError,
  InvalidAssessmentRequestError,
  InvalidYearError,
  InvalidSchemeError,
  SchemeNotFoundError,
)
export class AssessmentErrorsFilter implements ExceptionFilter<AssessmentError> {
  catch(error: AssessmentError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, fields } = describe(error);
    void reply.status(status).send({
      statusCode: status,
      error: HttpStatus[status],
      message: error.message,
      ...(fields === undefined ? {} : { fields }),
    });
  }
}

function describe(error: AssessmentError): {
  status: number;
  fields?: { field: string; messages: string[] }[];
} {
  if (error instanceof InvalidSchemeError) {
    return {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      fields: error.issues.map((issue) => ({ field: issue.path, messages: [issue.message] })),
    };
  }
  if (error instanceof SchemeNotFoundError) {
    return {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      fields: [{ field: 'year', messages: [error.message] }],
    };
  }
  if (error instanceof InvalidYearError) {
    return {
      status: HttpStatus.BAD_REQUEST,
      fields: [{ field: 'year', messages: [error.message] }],
    };
  }
  if (error instanceof InvalidAssessmentRequestError) {
    return {
      status: HttpStatus.BAD_REQUEST,
      fields: [{ field: error.field, messages: [error.problem] }],
    };
  }
  if (error instanceof AssessmentRunConflictError) {
    return { status: HttpStatus.CONFLICT };
  }
  return { status: HttpStatus.NOT_FOUND };
}

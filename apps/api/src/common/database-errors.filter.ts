import { type ArgumentsHost, Catch, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '@duban/db';

/** PostgreSQL error codes a request can cause, and what they mean to the caller. */
const MEANING: Record<string, { status: HttpStatus; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'conflicts with a record that already exists' },
  '23503': {
    status: HttpStatus.CONFLICT,
    message: 'refers to a record that does not exist or is still referred to',
  },
  '23514': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'breaks a rule of the data' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'has a value of the wrong form' },
  // A number past its column's range (an int4 row version of 99999999999).
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'has a number out of range' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'has a date of the wrong form' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'has a date out of range' },
  // A NUL character (\u0000) in a text value or filter: PostgreSQL text cannot hold it.
  '22021': { status: HttpStatus.BAD_REQUEST, message: 'has a character text cannot hold (NUL)' },
  '22P05': { status: HttpStatus.BAD_REQUEST, message: 'has a character text cannot hold' },
  '40001': { status: HttpStatus.CONFLICT, message: 'collided with a concurrent change: try again' },
  '40P01': { status: HttpStatus.CONFLICT, message: 'collided with a concurrent change: try again' },
};

/**
 * Constraints a caller can run into, in words; any other constraint gets the plain meaning of
 * its error code. Neither ever names the constraint, its table or its columns.
 */
const CONSTRAINT_MEANING: Record<string, string> = {
  tasks_plan_number_key: 'uses a task number the plan already has: choose another number',
  departments_name_key: 'uses a department name the directory already has: choose another name',
  users_username_key: 'uses a user name that is taken: choose another one',
  task_assignments_task_department_key: 'assigns one department to a task twice',
  extension_requests_pending_key:
    'asks for an extension while one is pending: wait for the decision on it',
  task_completions_pending_key:
    'declares completion while a declaration is pending: wait for the decision on it',
  plans_source_hash_version_key: 'imports a plan that was already imported',
  assessment_runs_year_active_key: 'starts a run while one of the year is under way: wait for it',
  assessment_reports_run_format_key: 'asks for a report that is being built already',
};

/** Seconds a client is asked to wait when the database cannot be reached (a restart takes a few). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Database failures as the caller should see them. PostgreSQL unreachable (restarting, down, a
 * connection cut) is 503 with Retry-After: a passing condition, not a server fault. A constraint
 * the database enforced is the caller's conflict: a race two requests lost against each other
 * (two imports of one document committed at once) answers 409. Any other error goes to Nest's
 * own handling (HTTP exceptions as they are, anything else a logged 500).
 */
@Catch()
export class DatabaseErrorsFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('DatabaseErrors');

  override catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      super.catch(error, host);
      return;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(`database unavailable: ${(error as { message?: string }).message}`);
      void reply
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send({
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          error: 'Service Unavailable',
          message: `The database cannot be reached right now: try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds`,
        });
      return;
    }
    if (!(error instanceof QueryFailedError)) {
      super.catch(error, host);
      return;
    }
    const code = (error.driverError as { code?: string } | undefined)?.code ?? '';
    const constraint = (error.driverError as { constraint?: string } | undefined)?.constraint;
    const meaning = MEANING[code];
    if (!meaning) {
      this.logger.error(`unexpected database error ${code}: ${error.message}`);
      void reply.status(500).send({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'The request failed; it changed nothing',
      });
      return;
    }
    // The constraint is logged for the operators, never echoed: its name tells a caller about
    // tables and columns (and whether a record they may not read exists).
    this.logger.warn(`database refused a request: ${code}${constraint ? ` (${constraint})` : ''}`);
    void reply.status(meaning.status).send({
      statusCode: meaning.status,
      error: HttpStatus[meaning.status],
      message: `The request ${constraint ? (CONSTRAINT_MEANING[constraint] ?? meaning.message) : meaning.message}`,
    });
  }
}

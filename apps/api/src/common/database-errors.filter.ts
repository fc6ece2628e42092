import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes a request can cause, and what they mean to the caller. */
const MEANING: Record<string, { status: HttpStatus; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'conflicts with a record that already exists' },
  '23503': {
    status: HttpStatus.CONFLICT,
    message: 'refers to a record that does not exist or is still referred to',
  },
  '23514': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'breaks a rule of the data' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'has a value of the wrong form' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'has a date of the wrong form' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'has a date out of range' },
  '40001': { status: HttpStatus.CONFLICT, message: 'collided with a concurrent change: try again' },
  '40P01': { status: HttpStatus.CONFLICT, message: 'collided with a concurrent change: try again' },
};

/**
 * A constraint the database enforced is the caller's conflict, not a server fault: a race two
 * requests lost against each other (two imports of one document committed at once) answers 409.
 * Anything else stays a 500 and is logged.
 */
@Catch(QueryFailedError)
export class DatabaseErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('DatabaseErrors');

  catch(error: QueryFailedError, host: ArgumentsHost): void {
    const code = (error.driverError as { code?: string } | undefined)?.code ?? '';
    const constraint = (error.driverError as { constraint?: string } | undefined)?.constraint;
    const meaning = MEANING[code];
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (!meaning) {
      this.logger.error(`unexpected database error ${code}: ${error.message}`);
      void reply.status(500).send({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'The request failed; it changed nothing',
      });
      return;
    }
    void reply.status(meaning.status).send({
      statusCode: meaning.status,
      error: HttpStatus[meaning.status],
      message: `The request ${meaning.message}${constraint ? ` (${constraint})` : ''}`,
    });
  }
}

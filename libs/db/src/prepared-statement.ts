import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { type DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** A statement PostgreSQL parses and plans once per connection, then only executes. */
export interface PreparedStatement {
  /** Derived from the text, so two statements never share a name by accident. */
  readonly name: string;
  readonly text: string;
}

/**
 * Statements by text. Queries with optional filters (the board) declare theirs per request; their
 * texts are a small fixed set, so each is hashed once rather than on every call.
 */
const DECLARED = new Map<string, PreparedStatement>();

/**
 * Declares a hot statement. Planning a query with several subqueries costs PostgreSQL more than
 * running it on indexed rows (the task page: 2–5 ms to plan, under 1.5 ms to run), and
 * TypeORM's `query()` sends every statement unnamed, so it is planned again each time.
 */
export function preparedStatement(text: string): PreparedStatement {
  let statement = DECLARED.get(text);
  if (!statement) {
    const digest = createHash('sha256').update(text).digest('hex').slice(0, 24);
    statement = { name: `duban_${digest}`, text };
    DECLARED.set(text, statement);
  }
  return statement;
}

/**
 * Runs a prepared statement on the pool, or on the transaction's connection when `executor` is
 * an EntityManager inside one. Failures surface as TypeORM's QueryFailedError, as the rest of the
 * code sees them, so error mapping (409 on a unique violation, 503 when the server is gone) holds.
 */
export async function queryPrepared<Row extends QueryResultRow>(
  executor: DataSource | EntityManager,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<Row[]> {
  const runner = executor instanceof EntityManager ? executor.queryRunner : undefined;
  const target: Pool | PoolClient = runner
    ? ((await runner.connect()) as PoolClient)
    : // The driver's pool is typed `any` by TypeORM; it is node-postgres' Pool.
      (
        (executor instanceof EntityManager ? executor.connection : executor).driver as unknown as {
          master: Pool;
        }
      ).master;
  try {
    const result = await target.query<Row>({
      name: statement.name,
      text: statement.text,
      values: [...values],
    });
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(statement.text, [...values], error as Error);
  }
}

import { Logger } from '@nestjs/common';
import {
  type EntityManager,
  EventSubscriber,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/** Per transaction (its query runner), the callbacks to run once it commits, one per key. */
const pending = new WeakMap<QueryRunner, Map<string, () => void>>();

/**
 * Runs `callback` once the transaction `manager` is in commits, and never if it rolls back.
 * One callback per key and transaction: a key registered again in the same transaction keeps
 * the first. A savepoint rolled back does not withdraw what was registered inside it, so a
 * callback must be a harmless nudge (a wake-up), never the effect itself: anything that must
 * happen belongs in the transaction, as the outbox row does.
 */
export function afterCommit(manager: EntityManager, key: string, callback: () => void): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error(`afterCommit(${key}) needs an EntityManager inside a transaction`);
  }
  if (!runner.connection.subscribers.some((s) => s instanceof AfterCommitSubscriber)) {
    // A DataSource made without dataSourceOptions would drop the callback without a word.
    throw new Error('afterCommit needs a DataSource built by dataSourceOptions (its subscriber)');
  }
  let callbacks = pending.get(runner);
  if (!callbacks) {
    callbacks = new Map();
    pending.set(runner, callbacks);
  }
  if (!callbacks.has(key)) {
    callbacks.set(key, callback);
  }
}

/**
 * Registered on every DataSource by dataSourceOptions (TypeORM takes only decorated classes from
 * that list); runs the callbacks of afterCommit.
 */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  private readonly logger = new Logger('AfterCommit');

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // TypeORM also announces the release of a savepoint as a commit: wait for the outermost one.
    if (event.queryRunner.isTransactionActive) {
      return;
    }
    const callbacks = pending.get(event.queryRunner);
    pending.delete(event.queryRunner);
    for (const [key, callback] of callbacks ?? []) {
      try {
        callback();
      } catch (error: unknown) {
        // The transaction has committed: a failed nudge must not turn its caller's success into an error.
        this.logger.warn(`after-commit ${key} failed: ${(error as Error).message}`);
      }
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      pending.delete(event.queryRunner);
    }
  }
}

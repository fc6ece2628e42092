import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit } from '@duban/db';

/** The channel the relays LISTEN on, so they wake without waiting for a poll. */
export const OUTBOX_CHANNEL = 'duban_outbox';

/**
 * A NOTIFY of its own, sent after the commit, and not in the transaction that writes the events:
 * PostgreSQL takes its notification-queue lock (one for the whole cluster) when a notifying
 * transaction commits and holds it through the commit's WAL flush, so every writer that notifies
 * commits after the previous one's fsync, and one slow fsync stalls them all (bench:api's paced
 * deadline change: p99 69 ms with the NOTIFY inside, against a p50 of 2.5 ms). The wake-up alone
 * writes no WAL and waits for no flush (synchronous_commit off says so besides), and it only
 * saves the relays a poll: lost, say by a crash just after the commit, the next poll
 * (relay.pollIntervalMs) finds the events, which are committed whatever happens here.
 */
const WAKE_RELAYS = `SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, '')`;

/**
 * One per DataSource. Wake-ups asked for while one is on its way coalesce into one more after
 * it, so a busy API sends at most one NOTIFY at a time whatever its write rate, and no write
 * waits for one.
 */
class OutboxWakeup {
  private readonly logger = new Logger('OutboxWakeup');
  private sending = false;
  private askedAgain = false;

  constructor(private readonly dataSource: DataSource) {}

  wake(): void {
    if (!this.dataSource.isInitialized) {
      return;
    }
    if (this.sending) {
      this.askedAgain = true;
      return;
    }
    this.sending = true;
    void this.send();
  }

  private async send(): Promise<void> {
    do {
      this.askedAgain = false;
      try {
        await this.dataSource.query(WAKE_RELAYS, [OUTBOX_CHANNEL]);
      } catch (error: unknown) {
        this.logger.warn(
          `cannot wake the outbox relays (${(error as Error).message}); they find the events at their next poll`,
        );
      }
    } while (this.askedAgain && this.dataSource.isInitialized);
    this.sending = false;
  }
}

const wakeups = new WeakMap<DataSource, OutboxWakeup>();

/** Wakes the relays listening on OUTBOX_CHANNEL: call it once events are committed. */
export function wakeOutboxRelays(dataSource: DataSource): void {
  let wakeup = wakeups.get(dataSource);
  if (!wakeup) {
    wakeup = new OutboxWakeup(dataSource);
    wakeups.set(dataSource, wakeup);
  }
  wakeup.wake();
}

/** Wakes the relays once the transaction `manager` is in commits; nothing if it rolls back. */
export function wakeOutboxRelaysAfterCommit(manager: EntityManager): void {
  afterCommit(manager, 'outbox-wakeup', () => wakeOutboxRelays(manager.connection));
}

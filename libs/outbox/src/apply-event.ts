import type { DataSource, EntityManager } from 'typeorm';
import type { AnyDomainEvent, EventConsumer, EventType } from '@duban/contracts';
import { claimEvents } from './event-inbox';

/**
 * What a handler may hand back: work that must wait until its writes are committed, such as
 * queue jobs mirroring new rows (a job added earlier could run before the rows are visible, or
 * outlive a rollback). It runs once, right after the commit, and never for a duplicate event.
 */
export interface HandlerOutcome {
  afterCommit?: () => Promise<void>;
}

export type EventHandler<T extends EventType = EventType> = (
  manager: EntityManager,
  event: Extract<AnyDomainEvent, { type: T }>,
) => Promise<void | HandlerOutcome>;

/** The handlers of one consumer, by event type; an event with no handler is acknowledged and skipped. */
export type EventHandlers = { [K in EventType]?: EventHandler<K> };

/**
 * Handles several events in one transaction, given only the ones not applied before (possibly
 * none), in delivery order.
 */
export type BatchEventHandler = (
  manager: EntityManager,
  events: readonly AnyDomainEvent[],
) => Promise<void | HandlerOutcome>;

export type ApplyResult = 'applied' | 'duplicate';

/**
 * Applies an event once per consumer: the dedupe row and the handler's writes share one
 * transaction, so a redelivered event (relay crash, job retry) changes nothing the second time.
 * A handler's `afterCommit` runs after that transaction commits; if the process dies before it
 * finishes, the event counts as applied, so whatever it does must be repairable by its owner
 * (the scheduler's sweep re-adds missing reminder jobs).
 */
export async function applyEventOnce(
  dataSource: DataSource,
  consumer: EventConsumer,
  event: AnyDomainEvent,
  handlers: EventHandlers,
): Promise<ApplyResult> {
  const handler = handlers[event.type] as EventHandler | undefined;
  const [result] = await applyEventsOnce(dataSource, consumer, [event], (manager) =>
    handler ? handler(manager, event) : Promise.resolve(),
  );
  return result;
}

/**
 * applyEventOnce for several events in one transaction: one claim for all of them, one call of
 * the handler with those not applied before, one commit. Either every event of the batch is
 * applied or none is. Results are in the order of `events`; an id given twice is applied once.
 */
export async function applyEventsOnce(
  dataSource: DataSource,
  consumer: EventConsumer,
  events: readonly AnyDomainEvent[],
  handler: BatchEventHandler,
): Promise<ApplyResult[]> {
  let afterCommit: (() => Promise<void>) | undefined;
  const results = await dataSource.transaction(async (manager) => {
    const claimed = await claimEvents(
      manager,
      consumer,
      events.map((event) => event.id),
    );
    const fresh = events.filter((event) => claimed.delete(event.id));
    const outcome = fresh.length ? await handler(manager, fresh) : undefined;
    afterCommit = outcome ? outcome.afterCommit : undefined;
    const applied = new Set(fresh);
    return events.map((event): ApplyResult => (applied.has(event) ? 'applied' : 'duplicate'));
  });
  await afterCommit?.();
  return results;
}

import type { DataSource, EntityManager } from 'typeorm';
import type { AnyDomainEvent, EventConsumer, EventType } from '@duban/contracts';
import { claimEvent } from './event-inbox';

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
): Promise<'applied' | 'duplicate'> {
  let afterCommit: (() => Promise<void>) | undefined;
  const result = await dataSource.transaction(async (manager) => {
    if (!(await claimEvent(manager, consumer, event.id))) {
      return 'duplicate' as const;
    }
    const handler = handlers[event.type] as EventHandler | undefined;
    const outcome = await handler?.(manager, event);
    afterCommit = outcome ? outcome.afterCommit : undefined;
    return 'applied' as const;
  });
  await afterCommit?.();
  return result;
}

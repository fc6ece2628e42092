import type { DataSource, EntityManager } from 'typeorm';
import type { AnyDomainEvent, EventConsumer, EventType } from '@duban/contracts';
import { claimEvent } from './event-inbox';

export type EventHandler<T extends EventType = EventType> = (
  manager: EntityManager,
  event: Extract<AnyDomainEvent, { type: T }>,
) => Promise<void>;

/** The handlers of one consumer, by event type; an event with no handler is acknowledged and skipped. */
export type EventHandlers = { [K in EventType]?: EventHandler<K> };

/**
 * Applies an event once per consumer: the dedupe row and the handler's writes share one
 * transaction, so a redelivered event (relay crash, job retry) changes nothing the second time.
 */
export async function applyEventOnce(
  dataSource: DataSource,
  consumer: EventConsumer,
  event: AnyDomainEvent,
  handlers: EventHandlers,
): Promise<'applied' | 'duplicate'> {
  return dataSource.transaction(async (manager) => {
    if (!(await claimEvent(manager, consumer, event.id))) {
      return 'duplicate';
    }
    const handler = handlers[event.type] as EventHandler | undefined;
    await handler?.(manager, event);
    return 'applied';
  });
}

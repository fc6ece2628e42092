import type { EntityManager } from 'typeorm';
import type { EventConsumer } from '@duban/contracts';

/**
 * Claims an event for a consumer inside the consumer's transaction. Returns false when the
 * consumer already applied it: delivery is at least once, application exactly once.
 */
export async function claimEvent(
  manager: EntityManager,
  consumer: EventConsumer,
  eventId: string,
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventId],
  );
  return rows.length === 1;
}

import type { EntityManager } from 'typeorm';
import type { EventConsumer } from '@duban/contracts';

/**
 * Claims events for a consumer inside the consumer's transaction, in one statement. Returns the
 * ids claimed now; an id left out was applied by the consumer already: delivery is at least
 * once, application exactly once.
 */
export async function claimEvents(
  manager: EntityManager,
  consumer: EventConsumer,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const rows = await manager.query<Array<{ eventId: string }>>(
    `INSERT INTO processed_events (consumer, event_id) SELECT $1, unnest($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING event_id AS "eventId"`,
    [consumer, eventIds],
  );
  return new Set(rows.map((row) => row.eventId));
}

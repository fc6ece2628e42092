import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentClock } from '@duban/clock';
import type { AnyDomainEvent, NewEvent } from '@duban/contracts';
import { preparedStatement, queryPrepared } from '@duban/db';
import { wakeOutboxRelaysAfterCommit } from './outbox-wakeup';

/**
 * The audit rows and the outbox events of a batch of changes in one prepared statement: one
 * round trip whatever the batch size (a plan import emits thousands of events), and a state
 * change costs its transaction one statement for the bookkeeping instead of two. Data-modifying
 * CTEs always run to completion. The relays are woken after the commit (outbox-wakeup says why
 * not inside).
 */
const RECORD_CHANGES = preparedStatement(
  `WITH audit AS (
     INSERT INTO audit_log (actor_user_id, actor, action, entity_type, entity_id, before, after, event_ids)
     SELECT t.actor_user_id, t.actor, t.action, t.entity_type, t.entity_id, t.before, t.after,
            ARRAY(SELECT jsonb_array_elements_text(t.event_ids)::uuid)
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::jsonb[], $7::jsonb[], $8::jsonb[])
         AS t(actor_user_id, actor, action, entity_type, entity_id, before, after, event_ids)
   ), events AS (
     INSERT INTO outbox (id, type, aggregate_type, aggregate_id, payload, occurred_at)
     SELECT e.id, e.type, e.aggregate_type, e.aggregate_id, e.payload, $14::timestamptz
       FROM unnest($9::uuid[], $10::text[], $11::text[], $12::uuid[], $13::jsonb[])
         AS e(id, type, aggregate_type, aggregate_id, payload)
   )
   SELECT 1`,
);

export interface Actor {
  userId: string | null;
  /** A user name, or a service (`scheduler`) for changes no person made. */
  label: string;
}

export interface Change {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  events?: readonly NewEvent[];
}

/**
 * Writes the audit rows and outbox events of one or more changes with `manager`, which must be
 * inside the caller's transaction: they commit with the change or not at all, and the relays are
 * woken once they have.
 * Returns the events with their ids, in the order given.
 */
export async function recordChanges(
  manager: EntityManager,
  changes: readonly Change[],
): Promise<AnyDomainEvent[]> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('recordChanges needs an EntityManager inside a transaction');
  }
  const occurredAt = currentClock().now().toISOString();
  const events: AnyDomainEvent[] = [];
  const eventIdsPerChange = changes.map((change) =>
    (change.events ?? []).map((event) => {
      const full = { ...event, id: randomUUID(), occurredAt } as AnyDomainEvent;
      events.push(full);
      return full.id;
    }),
  );

  await queryPrepared(manager, RECORD_CHANGES, [
    changes.map((c) => c.actor.userId),
    changes.map((c) => c.actor.label),
    changes.map((c) => c.action),
    changes.map((c) => c.entityType),
    changes.map((c) => c.entityId),
    changes.map((c) => (c.before ? JSON.stringify(c.before) : null)),
    changes.map((c) => (c.after ? JSON.stringify(c.after) : null)),
    eventIdsPerChange.map((ids) => JSON.stringify(ids)),
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.aggregateType),
    events.map((e) => e.aggregateId),
    events.map((e) => JSON.stringify(e.payload)),
    occurredAt,
  ]);
  if (events.length > 0) {
    wakeOutboxRelaysAfterCommit(manager);
  }
  return events;
}

export async function recordChange(
  manager: EntityManager,
  change: Change,
): Promise<AnyDomainEvent[]> {
  return recordChanges(manager, [change]);
}

import type { EntityManager } from 'typeorm';

/**
 * Transaction-scoped advisory locks on several keys, in one statement and one fixed order (by
 * the key's hash), so two transactions locking overlapping sets wait for each other instead of
 * deadlocking. Held until the caller's transaction ends.
 */
export async function lockKeys(manager: EntityManager, keys: readonly string[]): Promise<void> {
  await manager.query(
    `SELECT count(pg_advisory_xact_lock(h))
       FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) k ORDER BY h) o`,
    [keys],
  );
}

import type { EntityManager } from 'typeorm';

/**
 * Serialises work on the same keys (member ids, household ids) across transactions: takes the transaction-scoped
 * advisory lock `(space, hashtext(key))` of each key, in sorted order and in one statement, so two transactions
 * locking overlapping keys never wait on each other in a cycle. Released at commit or rollback; re-entrant within a
 * transaction. `space` keeps each service's (or purpose's) locks apart; hash collisions only serialise unrelated keys.
 */
export async function lockKeys(manager: EntityManager, space: number, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(
    `SELECT count(pg_advisory_xact_lock($1, hashtext(key)))
       FROM (SELECT key FROM unnest($2::text[]) AS key ORDER BY key) AS keys`,
    [space, [...new Set(keys)].sort()],
  );
}

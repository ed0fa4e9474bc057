import { lockKeys } from '@care/persistence';
import type { EntityManager } from 'typeorm';

/** Advisory-lock space of survey-trigger's member and household locks. */
const SURVEY_LOCK_SPACE = 0x5e7e;

/**
 * Takes the transaction-scoped locks of these members, of the households (subscriber ids) stored for them and of
 * `extraKeys` (households named by incoming roster records), in one sorted statement. The claims consumer and the
 * roster consumer are the only deciders of visits and both lock first, so one household's decisions (quiet period,
 * household rule) never race. Member ids and subscriber ids share one id space: a subscriber's own lock is the
 * household's lock. Returns the keys locked.
 */
export async function lockMembersAndHouseholds(
  manager: EntityManager,
  memberIds: readonly string[],
  extraKeys: readonly string[] = [],
): Promise<Set<string>> {
  const households =
    memberIds.length === 0
      ? []
      : await manager.query<Array<{ household_id: string }>>(
          'SELECT DISTINCT household_id FROM members WHERE member_id = ANY($1::text[])',
          [[...new Set(memberIds)]],
        );
  const keys = new Set([...memberIds, ...extraKeys, ...households.map((row) => row.household_id)]);
  await lockKeys(manager, SURVEY_LOCK_SPACE, [...keys]);
  return keys;
}

/**
 * Locks keys not locked yet: a household that changed while this transaction waited for a member's lock. (Taken after
 * the first set, so out of order; a deadlock this causes is rare, detected by PostgreSQL and retried as transient.)
 */
export async function lockMoreKeys(
  manager: EntityManager,
  locked: Set<string>,
  keys: readonly string[],
): Promise<void> {
  const missing = [...new Set(keys)].filter((key) => !locked.has(key));
  if (missing.length === 0) return;
  await lockKeys(manager, SURVEY_LOCK_SPACE, missing);
  for (const key of missing) locked.add(key);
}

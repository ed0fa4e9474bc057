import type { EntityManager } from 'typeorm';

/**
 * Records `version` as the gap-rule catalog in force and, when it differs from the one recorded (or none is), makes
 * every evaluated member due on `asOf`: their next review evaluates them under the new rules and emits only the
 * outcomes that differ (an open gap that stays open keeps its occurrence and the rule version it opened under).
 * Returns whether the version changed. Run by the daily review, which holds its job lock, in one transaction.
 */
export async function adoptGapRuleCatalog(
  manager: EntityManager,
  version: string,
  asOf: string,
): Promise<boolean> {
  const rows = await manager.query<Array<{ version: string }>>(
    'SELECT version FROM gap_rule_catalog FOR UPDATE',
  );
  if (rows[0]?.version === version) return false;
  await manager.query('UPDATE gap_reviews SET review_on = $1::date WHERE review_on > $1::date', [asOf]);
  await manager.query(
    `INSERT INTO gap_rule_catalog (singleton, version, adopted_on) VALUES (true, $1, $2::date)
     ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, adopted_on = EXCLUDED.adopted_on`,
    [version, asOf],
  );
  return true;
}

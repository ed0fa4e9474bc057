import { normalizeClaim, type ClaimSubmission } from '@care/contracts';
import type { EntityManager } from 'typeorm';
import { contentHash } from '../../../intake/persistence/content-hash.util';

/**
 * Gives each replacement and void of an 837 its version (docs/adr/0016): an X12 claim carries no version, only its
 * frequency. An original is version 1. A replacement or void whose content is already stored under one of the claim
 * id's versions (2 and up) takes that version, so resending it is a duplicate; any other takes the next version
 * after the highest one stored (at least 2), in file order. Runs inside the intake transaction with an advisory lock
 * per claim id, so two uploads replacing the same claim at once get different versions.
 */
export async function assignReplacementVersions(
  manager: EntityManager,
  claims: readonly ClaimSubmission[],
): Promise<ClaimSubmission[]> {
  const ids = [
    ...new Set(claims.filter((claim) => claim.frequency !== 'original').map((claim) => claim.claimId)),
  ].sort();
  if (ids.length === 0) return [...claims];
  // Locks taken in claim id order (unnest keeps the array order), so two transactions cannot deadlock on them.
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('claims-intake.claim-version:' || id, 0))
       FROM unnest($1::text[]) AS t(id)`,
    [ids],
  );
  const rows = await manager.query<Array<{ claim_id: string; version: number; content_hash: string }>>(
    'SELECT claim_id, version, content_hash FROM claims WHERE claim_id = ANY($1::text[])',
    [ids],
  );
  const known = new Map<string, Array<{ version: number; hash: string }>>();
  for (const row of rows) {
    const versions = known.get(row.claim_id) ?? [];
    versions.push({ version: row.version, hash: row.content_hash });
    known.set(row.claim_id, versions);
  }
  return claims.map((claim) => {
    if (claim.frequency === 'original') return claim;
    const versions = known.get(claim.claimId) ?? [];
    for (const stored of versions) {
      if (
        stored.version >= 2 &&
        contentHash(normalizeClaim({ ...claim, version: stored.version })) === stored.hash
      ) {
        return { ...claim, version: stored.version };
      }
    }
    const version = Math.max(1, ...versions.map((stored) => stored.version)) + 1;
    const versioned = { ...claim, version };
    versions.push({ version, hash: contentHash(normalizeClaim(versioned)) });
    known.set(claim.claimId, versions);
    return versioned;
  });
}

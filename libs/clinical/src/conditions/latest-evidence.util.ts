import type { ClaimEvidence } from './condition-rule.types';

/**
 * Collapses claim versions: per claim id the highest version wins, and a void of any version retracts the claim
 * entirely. Result is sorted by service date, then claim id.
 */
export function latestEvidence(evidence: readonly ClaimEvidence[]): ClaimEvidence[] {
  const latest = new Map<string, ClaimEvidence>();
  const voided = new Set<string>();
  for (const claim of evidence) {
    if (claim.status === 'voided') voided.add(claim.claimId);
    const current = latest.get(claim.claimId);
    if (current === undefined || claim.version > current.version) latest.set(claim.claimId, claim);
  }
  return [...latest.values()]
    .filter((claim) => !voided.has(claim.claimId))
    .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.claimId.localeCompare(b.claimId));
}

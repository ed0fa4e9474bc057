/** What a service keeps per claim id to apply versions: the member, version, void flag and the rules it concerns. */
export interface VersionedClaim {
  readonly claimId: string;
  readonly memberId: string;
  readonly version: number;
  readonly voided: boolean;
  readonly ruleIds: readonly string[];
}

/** What storing one claim version changes. */
export interface ClaimVersionOutcome<T extends VersionedClaim> {
  /** The row to keep, or null when the incoming version changes nothing (older, repeated, or after a void). */
  readonly next: T | null;
  /** Rules whose outcome may change for the claim's (new) member. */
  readonly affectedRuleIds: readonly string[];
  /** Set when a replacement moved the claim to another member: that member's rules to re-evaluate. */
  readonly previousMember?: { readonly memberId: string; readonly ruleIds: readonly string[] };
}

/**
 * Applies one incoming claim version to the stored one. The highest version wins; a void (of any version) is final
 * and retracts every version, so later versions of a voided claim are ignored (a re-bill gets a new claim id, as in
 * `latestEvidence` of the condition rules).
 */
export function applyClaimVersion<T extends VersionedClaim>(
  existing: T | undefined,
  incoming: T,
): ClaimVersionOutcome<T> {
  if (existing === undefined) {
    return { next: incoming, affectedRuleIds: incoming.voided ? [] : incoming.ruleIds };
  }
  if (existing.voided) return { next: null, affectedRuleIds: [] };
  if (incoming.voided) {
    return {
      next: { ...existing, voided: true, version: Math.max(existing.version, incoming.version) },
      affectedRuleIds: existing.ruleIds,
    };
  }
  if (incoming.version <= existing.version) return { next: null, affectedRuleIds: [] };
  if (incoming.memberId !== existing.memberId) {
    return {
      next: incoming,
      affectedRuleIds: incoming.ruleIds,
      previousMember: { memberId: existing.memberId, ruleIds: existing.ruleIds },
    };
  }
  return { next: incoming, affectedRuleIds: [...new Set([...existing.ruleIds, ...incoming.ruleIds])] };
}

import { claimSettingOf, drugClassOfNdc, rulesConcerningClaim, type ConditionRule } from '@care/clinical';
import type { ClaimSubmission } from '@care/contracts';
import type { StoredClaim } from './stored-evidence.types';

/**
 * The evidence a `claim-received` claim carries for condition rules: its setting (CCW claim file), diagnoses,
 * drug class (from the NDC table) and the rules it concerns. Diagnoses of claims no rule concerns are not kept.
 */
export function claimEvidenceOf(claim: ClaimSubmission, rules: readonly ConditionRule[]): StoredClaim {
  const setting = claimSettingOf(claim);
  const diagnosisCodes = (claim.diagnoses ?? []).map((diagnosis) => diagnosis.code);
  const drugClass = claim.drug === undefined ? null : drugClassOfNdc(claim.drug.ndc);
  const ruleIds = rulesConcerningClaim(rules, {
    setting,
    diagnosisCodes,
    ...(drugClass === null ? {} : { drugClass }),
  });
  return {
    claimId: claim.claimId,
    memberId: claim.memberId,
    version: claim.version,
    voided: claim.frequency === 'void',
    serviceDate: claim.serviceDateFrom,
    setting,
    diagnosisCodes: ruleIds.length === 0 ? [] : diagnosisCodes,
    drugClass,
    ruleIds,
  };
}

/** What storing one claim version changes. */
export interface ClaimVersionOutcome {
  /** The row to keep, or null when the incoming version changes nothing (older, repeated, or after a void). */
  readonly next: StoredClaim | null;
  /** Rules whose outcome may change for the claim's (new) member. */
  readonly affectedRuleIds: readonly string[];
  /** Set when a replacement moved the claim to another member: that member's rules to re-evaluate. */
  readonly previousMember?: { readonly memberId: string; readonly ruleIds: readonly string[] };
}

/**
 * Applies one incoming claim version to the stored one. The highest version wins; a void (of any version) is final
 * and retracts every version, so later versions of a voided claim are ignored (a re-bill gets a new claim id, as in
 * `latestEvidence` of @care/clinical).
 */
export function applyClaimVersion(
  existing: StoredClaim | undefined,
  incoming: StoredClaim,
): ClaimVersionOutcome {
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

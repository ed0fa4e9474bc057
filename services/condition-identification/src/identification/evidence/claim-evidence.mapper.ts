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

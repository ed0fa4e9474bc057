import {
  BUILT_IN_CODE_SET_RELEASE,
  claimSettingOf,
  drugClassInRelease,
  normalizeNdc,
  rulesConcerningClaim,
  type CodeSetRelease,
  type ConditionRule,
} from '@care/clinical';
import type { ClaimSubmission } from '@care/contracts';
import type { StoredClaim } from './stored-evidence.types';

/**
 * The evidence a `claim-received` claim carries for condition rules: its setting (CCW claim file), diagnoses,
 * drug class (from the code set release's NDCs), its NDC and the rules it concerns. Diagnoses of claims no rule
 * concerns are not kept; the NDC is, so that a later release can classify the fill.
 */
export function claimEvidenceOf(
  claim: ClaimSubmission,
  rules: readonly ConditionRule[],
  codeSets: Pick<CodeSetRelease, 'drugClasses'> = BUILT_IN_CODE_SET_RELEASE,
): StoredClaim {
  const setting = claimSettingOf(claim);
  const diagnosisCodes = (claim.diagnoses ?? []).map((diagnosis) => diagnosis.code);
  const drugClass = claim.drug === undefined ? null : drugClassInRelease(codeSets, claim.drug.ndc);
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
    ndc: claim.drug === undefined ? null : (normalizeNdc(claim.drug.ndc) ?? claim.drug.ndc.trim()),
    ruleIds,
  };
}

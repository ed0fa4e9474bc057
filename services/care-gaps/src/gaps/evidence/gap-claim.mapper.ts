import {
  BUILT_IN_CODE_SET_RELEASE,
  drugClassInRelease,
  normalizeNdc,
  rulesConcerningGapClaim,
  type CodeSetRelease,
  type GapClaim,
  type GapRule,
} from '@care/clinical';
import type { ClaimSubmission } from '@care/contracts';

/** One claim as care-gaps keeps it: the latest version seen, a void being final. */
export interface StoredGapClaim extends GapClaim {
  readonly memberId: string;
  readonly version: number;
  readonly voided: boolean;
  /** The fill's NDC (11 digits when readable), kept whatever its class so a new code set release can classify it. */
  readonly ndc: string | null;
  /** Gap rules the claim can matter to; empty for unrelated claims (which keep only their identity). */
  readonly ruleIds: readonly string[];
}

/**
 * The evidence a `claim-received` claim carries for gap rules: procedure codes and revenue codes of its lines, the type
 * of bill (institutional claims), diagnoses, lab results (LOINC and value), drug class (the code set release's NDCs),
 * days' supply and prescriber. Denied claims are kept as
 * identity only: a denied service did not happen as far as gaps are concerned. The NDC of an undenied fill is kept
 * even when no rule concerns it, so that a later release can classify it.
 */
export function gapClaimOf(
  claim: ClaimSubmission,
  rules: readonly GapRule[],
  codeSets: Pick<CodeSetRelease, 'drugClasses'> = BUILT_IN_CODE_SET_RELEASE,
): StoredGapClaim {
  const lines = claim.lines ?? [];
  const drugClass = claim.drug === undefined ? null : drugClassInRelease(codeSets, claim.drug.ndc);
  const evidence: GapClaim = {
    claimId: claim.claimId,
    serviceDate: claim.serviceDateFrom,
    procedureCodes: [
      ...new Set(lines.flatMap((line) => (line.procedureCode === undefined ? [] : [line.procedureCode]))),
    ],
    diagnosisCodes: (claim.diagnoses ?? []).map((diagnosis) => diagnosis.code),
    labs: lines.flatMap((line) =>
      line.labResult === undefined
        ? []
        : [{ loincCode: line.labResult.loincCode, value: line.labResult.value }],
    ),
    revenueCodes: [
      ...new Set(lines.flatMap((line) => (line.revenueCode === undefined ? [] : [line.revenueCode]))),
    ],
    ...(claim.typeOfBill === undefined ? {} : { typeOfBill: claim.typeOfBill }),
    ...(drugClass === null ? {} : { drugClass }),
    ...(claim.drug === undefined
      ? {}
      : { daysSupply: claim.drug.daysSupply, prescriberNpi: claim.drug.prescriberNpi }),
  };
  const ruleIds = claim.adjudicationStatus === 'denied' ? [] : rulesConcerningGapClaim(rules, evidence);
  return {
    ...(ruleIds.length === 0
      ? {
          claimId: claim.claimId,
          serviceDate: claim.serviceDateFrom,
          procedureCodes: [],
          diagnosisCodes: [],
          labs: [],
        }
      : evidence),
    ...(ruleIds.length === 0 && claim.drug !== undefined && claim.adjudicationStatus !== 'denied'
      ? { daysSupply: claim.drug.daysSupply, prescriberNpi: claim.drug.prescriberNpi }
      : {}),
    ndc:
      claim.drug === undefined || claim.adjudicationStatus === 'denied'
        ? null
        : (normalizeNdc(claim.drug.ndc) ?? claim.drug.ndc.trim()),
    memberId: claim.memberId,
    version: claim.version,
    voided: claim.frequency === 'void',
    ruleIds,
  };
}

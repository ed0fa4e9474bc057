import type {
  ClaimEvidence,
  ConditionBasis,
  ConditionEvaluation,
  ConditionEvidence,
  ConditionReason,
  ConditionRule,
  SelfReportedCriterion,
  SelfReportedEvidence,
} from './condition-rule.types';
import { latestEvidence } from './latest-evidence.util';
import { matchesDiagnosis } from './matches-diagnosis.util';
import { referencePeriodStart } from './reference-period-start.util';

interface Candidate {
  readonly basis: ConditionBasis;
  readonly reason: ConditionReason;
  readonly firstMetOn: string;
  readonly claimIds: readonly string[];
}

const within = (date: string, start: string, end: string): boolean => date >= start && date <= end;

/** The date on which the n-th distinct date is reached (dates sorted ascending), or null. */
function nthDistinctDate(dates: readonly string[], n: number): string | null {
  const distinct = [...new Set(dates)].sort();
  return distinct[n - 1] ?? null;
}

function earliest(dates: readonly (string | null)[]): string | null {
  const present = dates.filter((date): date is string => date !== null).sort();
  return present[0] ?? null;
}

function claimsCandidate(rule: ConditionRule, claims: readonly ClaimEvidence[]): Candidate | null {
  const matching = claims.filter((claim) => matchesDiagnosis(rule, claim.diagnosisCodes));
  const single = matching.filter((claim) => rule.qualifying.singleClaimSettings.includes(claim.setting));
  const paired = matching.filter((claim) => rule.qualifying.distinctDateSettings.includes(claim.setting));
  const singleOn = earliest(single.map((claim) => claim.serviceDate));
  const pairedOn = nthDistinctDate(
    paired.map((claim) => claim.serviceDate),
    rule.qualifying.claimsOnDistinctDates,
  );
  const firstMetOn = earliest([singleOn, pairedOn]);
  if (firstMetOn === null) return null;
  const counted = [...(singleOn === null ? [] : single), ...(pairedOn === null ? [] : paired)];
  return {
    basis: 'claims',
    reason: firstMetOn === singleOn ? 'single-setting-claim' : 'claims-on-distinct-dates',
    firstMetOn,
    claimIds: counted.map((claim) => claim.claimId),
  };
}

function pharmacyFills(rule: ConditionRule, claims: readonly ClaimEvidence[], asOf: string): ClaimEvidence[] {
  const criterion = rule.pharmacy;
  if (criterion === undefined) return [];
  const start = referencePeriodStart(asOf, criterion.periodMonths);
  return claims.filter(
    (claim) =>
      claim.setting === 'pharmacy' &&
      claim.drugClass !== undefined &&
      criterion.drugClasses.includes(claim.drugClass) &&
      within(claim.serviceDate, start, asOf),
  );
}

function selfReportedMatches(
  criterion: SelfReportedCriterion | undefined,
  evidence: readonly SelfReportedEvidence[],
  asOf: string,
): SelfReportedEvidence[] {
  if (criterion === undefined) return [];
  const start = referencePeriodStart(asOf, criterion.periodMonths);
  const conditionCodes = criterion.conditionCodes.map((code) => code.toLowerCase());
  return evidence
    .filter((item) => within(item.date, start, asOf))
    .filter((item) =>
      item.kind === 'condition'
        ? conditionCodes.includes(item.code.toLowerCase())
        : criterion.biometricThresholds.some(
            (threshold) => threshold.code === item.code && item.value !== undefined && item.value >= threshold.atLeast,
          ),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.assessmentId.localeCompare(b.assessmentId));
}

/**
 * Evaluates one rule for one member as of `asOf` (YYYY-MM-DD, inclusive end of every period). Pure: the cost
 * depends only on this member's evidence. Claims come first; pharmacy and self-reported evidence decide the
 * outcome only where the rule marks them `sufficientAlone`, otherwise they are reported as supporting evidence.
 * An exclusion diagnosis on any active claim in the reference period makes the result `excluded` and not met.
 */
export function evaluateCondition(rule: ConditionRule, evidence: ConditionEvidence, asOf: string): ConditionEvaluation {
  const start = referencePeriodStart(asOf, rule.referencePeriodMonths);
  const allClaims = latestEvidence(evidence.claims);
  const claims = allClaims.filter((claim) => within(claim.serviceDate, start, asOf));

  const exclusionClaimIds = claims
    .filter((claim) => matchesDiagnosis({ diagnosisCodePrefixes: rule.exclusions.diagnosisCodePrefixes }, claim.diagnosisCodes))
    .map((claim) => claim.claimId);

  const fills = pharmacyFills(rule, allClaims, asOf);
  const pharmacyOn =
    rule.pharmacy === undefined
      ? null
      : nthDistinctDate(
          fills.map((claim) => claim.serviceDate),
          rule.pharmacy.minFillsOnDistinctDates,
        );
  const selfReported = selfReportedMatches(rule.selfReported, evidence.selfReported ?? [], asOf);

  const candidates: Candidate[] = [];
  const fromClaims = claimsCandidate(rule, claims);
  if (fromClaims !== null) candidates.push(fromClaims);
  if (pharmacyOn !== null && rule.pharmacy?.sufficientAlone === true) {
    candidates.push({ basis: 'pharmacy', reason: 'pharmacy-fills', firstMetOn: pharmacyOn, claimIds: fills.map((claim) => claim.claimId) });
  }
  const firstSelfReported = selfReported[0];
  if (firstSelfReported !== undefined && rule.selfReported?.sufficientAlone === true) {
    candidates.push({ basis: 'self-reported', reason: 'self-reported', firstMetOn: firstSelfReported.date, claimIds: [] });
  }

  const excluded = exclusionClaimIds.length > 0;
  const chosen = excluded ? undefined : candidates[0];
  return {
    ruleId: rule.id,
    ruleVersion: rule.version,
    met: chosen !== undefined,
    basis: chosen?.basis ?? null,
    reason: excluded ? 'excluded' : (chosen?.reason ?? 'insufficient-evidence'),
    qualifyingClaimIds: chosen?.claimIds ?? [],
    firstMetOn: chosen?.firstMetOn ?? null,
    excluded,
    exclusionClaimIds,
    supporting: {
      pharmacyClaimIds: chosen?.basis === 'pharmacy' ? [] : fills.map((claim) => claim.claimId),
      selfReportedAssessmentIds: chosen?.basis === 'self-reported' ? [] : selfReported.map((item) => item.assessmentId),
    },
  };
}

import { matchesDiagnosis } from '../conditions/matches-diagnosis.util';
import { isBillTypeOf } from './evaluate-gap.rule';
import { addDays, dayNumber, measurementYear, measureWindowMonths } from './gap-calendar.util';
import type { GapClaim, GapEvaluation, GapRule } from './gap-rule.types';
import { proportionOfDaysCovered } from './proportion-of-days-covered.util';

interface RuleCodes {
  readonly procedures: ReadonlySet<string>;
  readonly loinc: ReadonlySet<string>;
  readonly drugClasses: ReadonlySet<string>;
  readonly revenueCodes: ReadonlySet<string>;
  readonly typeOfBillPrefixes: readonly string[];
  readonly exclusionDiagnoses: { readonly diagnosisCodePrefixes: readonly string[] };
}

/**
 * What each rule looks at, gathered once per rule object: rules are immutable (a code-set release makes new ones),
 * and this runs for every rule on every claim.
 */
const codesByRule = new WeakMap<GapRule, RuleCodes>();

/** Every code, LOINC and drug class a rule looks at (closing services, control results, fills, exclusions). */
function codesOf(rule: GapRule): RuleCodes {
  const known = codesByRule.get(rule);
  if (known !== undefined) return known;
  const services = (rule.closing ?? []).flat();
  const codes: RuleCodes = {
    procedures: new Set([
      ...services.flatMap((service) => service.codes.procedureCodes ?? []),
      ...Object.keys(rule.control?.resultCodes ?? {}),
      ...(rule.exclusions.procedureCodes ?? []),
    ]),
    loinc: new Set([
      ...services.flatMap((service) => service.codes.loincCodes ?? []),
      ...(rule.control?.loincCodes ?? []),
    ]),
    drugClasses: new Set([
      ...services.flatMap((service) => service.codes.drugClasses ?? []),
      ...(rule.adherence?.drugClasses ?? []),
      ...(rule.refill?.drugClasses ?? []),
      ...rule.eligibility.flatMap((eligibility) => eligibility.filledDrugClasses ?? []),
      ...(rule.exclusions.drugClasses ?? []),
    ]),
    revenueCodes: new Set(rule.exclusions.revenueCodes ?? []),
    typeOfBillPrefixes: rule.exclusions.typeOfBillPrefixes ?? [],
    exclusionDiagnoses: {
      diagnosisCodePrefixes: [
        ...rule.exclusions.diagnosisCodePrefixes,
        ...(rule.exclusions.windowedDiagnoses ?? []).flatMap((windowed) => windowed.diagnosisCodePrefixes),
        ...(rule.exclusions.anyTimeDiagnosisCodePrefixes ?? []),
      ],
    },
  };
  codesByRule.set(rule, codes);
  return codes;
}

/**
 * Ids of the gap rules a claim can matter to: one of its procedure codes, lab LOINC codes or its drug class is one
 * the rule looks at (to close or to exclude), or one of its diagnoses, revenue codes or its type of bill is an
 * exclusion. Claims no rule concerns need never be loaded again.
 */
export function rulesConcerningGapClaim(
  rules: readonly GapRule[],
  claim: Pick<
    GapClaim,
    'procedureCodes' | 'diagnosisCodes' | 'labs' | 'drugClass' | 'revenueCodes' | 'typeOfBill'
  >,
): string[] {
  return rules
    .filter((rule) => {
      const codes = codesOf(rule);
      return (
        claim.procedureCodes.some((code) => codes.procedures.has(code)) ||
        claim.labs.some((lab) => codes.loinc.has(lab.loincCode)) ||
        (claim.drugClass !== undefined && codes.drugClasses.has(claim.drugClass)) ||
        (claim.revenueCodes ?? []).some((code) => codes.revenueCodes.has(code)) ||
        isBillTypeOf(claim.typeOfBill, codes.typeOfBillPrefixes) ||
        matchesDiagnosis(codes.exclusionDiagnoses, claim.diagnosisCodes)
      );
    })
    .map((rule) => rule.id);
}

/** Ids of the gap rules whose eligibility or exclusions name this identified condition. */
export function rulesConcerningCondition(rules: readonly GapRule[], conditionId: string): string[] {
  return rules
    .filter(
      (rule) =>
        rule.eligibility.some((eligibility) => eligibility.anyCondition.includes(conditionId)) ||
        (rule.exclusions.conditions ?? []).includes(conditionId),
    )
    .map((rule) => rule.id);
}

/**
 * Months of claims history one rule's windows reach back from the end of the measurement year (closing services and
 * windowed exclusions; at least the measurement year, 12). Any-time exclusions are not counted: they reach as far back
 * as the history kept.
 */
export function gapRuleHistoryMonths(rule: GapRule): number {
  return Math.max(
    measureWindowMonths(undefined),
    ...(rule.closing ?? []).flat().map((service) => measureWindowMonths(service.window)),
    ...(rule.exclusions.windowedDiagnoses ?? []).map((windowed) => measureWindowMonths(windowed.window)),
  );
}

/** Months of claims history the rules can look at (the longest window, at least a year and a month). */
export function gapLookbackMonths(rules: readonly GapRule[]): number {
  return Math.max(13, ...rules.map(gapRuleHistoryMonths));
}

/**
 * The earliest day after `asOf` on which the rule's outcome may change with no new claim: the next measurement year
 * (every window is anchored on the measurement year, so services and exclusions leave their windows, and ages move,
 * only on 1 January), a claim dated after `asOf` reaching its date, a refill falling due or the therapy going stale,
 * adherence becoming measurable or its proportion dropping below the threshold. Re-evaluating on that day (and not before) is enough to notice time passing.
 */
export function nextGapReview(
  rule: GapRule,
  claims: readonly GapClaim[],
  evaluation: GapEvaluation,
  asOf: string,
): string {
  const candidates = [addDays(measurementYear(asOf).end, 1)];
  const byId = new Map(claims.map((claim) => [claim.claimId, claim]));
  // A claim dated after the as-of day counts from its own date on (evaluations ignore the future).
  candidates.push(...claims.map((claim) => claim.serviceDate).filter((date) => date > asOf));
  if (rule.refill !== undefined && evaluation.refillDueBy !== undefined) {
    candidates.push(addDays(evaluation.refillDueBy, 1));
    const lastFill = evaluation.evidenceClaimIds
      .map((claimId) => byId.get(claimId)?.serviceDate)
      .filter((date): date is string => date !== undefined)
      .sort()
      .at(-1);
    if (lastFill !== undefined) candidates.push(addDays(lastFill, rule.refill.activeWithinDays + 1));
  }
  const adherence = rule.adherence;
  if (adherence !== undefined) {
    const fills = claims.filter(
      (claim) =>
        claim.drugClass !== undefined &&
        adherence.drugClasses.includes(claim.drugClass) &&
        claim.serviceDate >= measurementYear(asOf).start &&
        claim.serviceDate <= asOf,
    );
    const first = fills.map((fill) => fill.serviceDate).sort()[0];
    if (first !== undefined) {
      candidates.push(addDays(first, adherence.minDaysFromFirstFillToPeriodEnd));
      // An open adherence gap can close as supply still on hand is used up: look again the next day.
      if (evaluation.open) candidates.push(addDays(asOf, 1));
      if (evaluation.eligible && !evaluation.open) {
        // Supply runs out, then the proportion falls day by day: the first day it is below the threshold.
        const yearEnd = measurementYear(asOf).end;
        const covered = proportionOfDaysCovered(
          fills.map((fill) => ({ date: fill.serviceDate, daysSupply: fill.daysSupply ?? 0 })),
          yearEnd,
        ).coveredDays;
        const lastCovered = dayNumber(first) + covered - 1;
        const belowOn = dayNumber(first) + Math.floor(covered / adherence.minProportionOfDaysCovered);
        candidates.push(addDays(first, Math.max(lastCovered + 1, belowOn) - dayNumber(first)));
      }
    }
  }
  return candidates.filter((day) => day > asOf).sort()[0] ?? addDays(asOf, 1);
}

import type { ClaimEvidence, ConditionRule, SelfReportedEvidence } from './condition-rule.types';
import { matchesDiagnosis } from './matches-diagnosis.util';
import { referencePeriodStart } from './reference-period-start.util';

/**
 * Ids of the rules a claim can matter to: a diagnosis in a counted position matches the rule's codes or its
 * exclusions, or it is a fill of one of the rule's drug classes. A claim no rule concerns is never loaded for
 * evaluation, which keeps the evaluation of a member independent of their unrelated history.
 */
export function rulesConcerningClaim(
  rules: readonly ConditionRule[],
  claim: Pick<ClaimEvidence, 'diagnosisCodes' | 'drugClass' | 'setting'>,
): string[] {
  return rules
    .filter(
      (rule) =>
        matchesDiagnosis(rule, claim.diagnosisCodes) ||
        matchesDiagnosis({ diagnosisCodePrefixes: rule.exclusions.diagnosisCodePrefixes }, claim.diagnosisCodes) ||
        (claim.setting === 'pharmacy' &&
          claim.drugClass !== undefined &&
          rule.pharmacy?.drugClasses.includes(claim.drugClass) === true),
    )
    .map((rule) => rule.id);
}

/** Ids of the rules a self-reported item can matter to (its condition code or a biometric the rule thresholds). */
export function rulesConcerningSelfReport(
  rules: readonly ConditionRule[],
  item: Pick<SelfReportedEvidence, 'kind' | 'code'>,
): string[] {
  const code = item.code.toLowerCase();
  return rules
    .filter((rule) => {
      const criterion = rule.selfReported;
      if (criterion === undefined) return false;
      return item.kind === 'condition'
        ? criterion.conditionCodes.some((candidate) => candidate.toLowerCase() === code)
        : criterion.biometricThresholds.some((threshold) => threshold.code === item.code);
    })
    .map((rule) => rule.id);
}

/** Longest look-back any rule uses (reference, pharmacy or self-reported period), in months. */
export function evidenceLookbackMonths(rules: readonly ConditionRule[]): number {
  return Math.max(
    0,
    ...rules.flatMap((rule) => [
      rule.referencePeriodMonths,
      rule.pharmacy?.periodMonths ?? 0,
      rule.selfReported?.periodMonths ?? 0,
    ]),
  );
}

const nextDay = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

/**
 * The first `asOf` at which evidence dated `date` is no longer inside a period of `months` months ending on
 * `asOf` (the day after `date` plus `months` months, month-end clamped as {@link referencePeriodStart} does).
 */
export function firstDayOutOfPeriod(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  let candidate = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
  // Month-end clamping can leave the date inside the period on the candidate day; step forward until it leaves.
  while (referencePeriodStart(candidate, months) <= date) candidate = nextDay(candidate);
  return candidate;
}

/**
 * The earliest day after `asOf` on which a piece of this rule's evidence leaves its period, so that the outcome may
 * change without new evidence (an identification lapsing, or an exclusion ending); null when nothing in a period
 * can leave it. Re-evaluating on that day (and not before) is enough to notice evidence ageing out.
 */
export function nextEvidenceExpiry(
  rule: ConditionRule,
  claims: readonly ClaimEvidence[],
  selfReported: readonly SelfReportedEvidence[],
  asOf: string,
): string | null {
  const expiries: string[] = [];
  const consider = (date: string, months: number): void => {
    if (date > asOf) return;
    const out = firstDayOutOfPeriod(date, months);
    if (out > asOf) expiries.push(out);
  };
  for (const claim of claims) {
    if (claim.status === 'voided') continue;
    if (claim.setting === 'pharmacy' && rule.pharmacy !== undefined) consider(claim.serviceDate, rule.pharmacy.periodMonths);
    else consider(claim.serviceDate, rule.referencePeriodMonths);
  }
  if (rule.selfReported !== undefined) {
    for (const item of selfReported) consider(item.date, rule.selfReported.periodMonths);
  }
  return expiries.sort()[0] ?? null;
}

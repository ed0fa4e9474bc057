import type { DrugClass } from '../conditions/drug-class.types';
import { matchesDiagnosis } from '../conditions/matches-diagnosis.util';
import { addDays, ageOn, dayNumber, measurementYear, measureWindow } from './gap-calendar.util';
import type {
  ClosingService,
  GapClaim,
  GapEligibility,
  GapEvaluation,
  GapMember,
  GapReason,
  GapRule,
} from './gap-rule.types';
import { proportionOfDaysCovered } from './proportion-of-days-covered.util';

const within = (date: string, start: string, end: string): boolean => date >= start && date <= end;

/** Whether a type of bill starts with one of `prefixes` (hospice: '081', '082'); false without a type of bill. */
export const isBillTypeOf = (typeOfBill: string | undefined, prefixes: readonly string[]): boolean =>
  typeOfBill !== undefined && prefixes.some((prefix) => typeOfBill.startsWith(prefix));

/** The window a service is looked for in: its own window anchored on the measurement year, or the measurement year. */
export function serviceWindow(service: ClosingService, asOf: string): { start: string; end: string } {
  return measureWindow(asOf, service.window);
}

/**
 * Claims carrying every one of `codes`, on service dates at most `withinDays` apart (any dates when undefined): the
 * claims of every span of dates that has them all, or none.
 */
function claimsWithAllCodes(
  matching: readonly GapClaim[],
  codes: readonly string[],
  withinDays?: number,
): GapClaim[] {
  const hasAll = (group: readonly GapClaim[]): boolean => {
    const found = new Set(group.flatMap((claim) => claim.procedureCodes));
    return codes.every((code) => found.has(code));
  };
  if (withinDays === undefined) return hasAll(matching) ? [...matching] : [];
  const kept = new Set<GapClaim>();
  for (const anchor of matching) {
    const last = addDays(anchor.serviceDate, withinDays);
    const group = matching.filter((claim) => within(claim.serviceDate, anchor.serviceDate, last));
    if (hasAll(group)) for (const claim of group) kept.add(claim);
  }
  return matching.filter((claim) => kept.has(claim));
}

/** Claims in the window that match the service's codes (for `requiresAllProcedureCodes`, only if all are found). */
export function claimsForService(
  service: ClosingService,
  claims: readonly GapClaim[],
  asOf: string,
): GapClaim[] {
  const { start, end } = serviceWindow(service, asOf);
  const { procedureCodes = [], loincCodes = [], drugClasses = [] } = service.codes;
  const inWindow = claims.filter((claim) => within(claim.serviceDate, start, end));
  if (service.requiresAllProcedureCodes === true) {
    const matching = inWindow.filter((claim) =>
      claim.procedureCodes.some((code) => procedureCodes.includes(code)),
    );
    return claimsWithAllCodes(matching, procedureCodes, service.withinDays);
  }
  return inWindow.filter(
    (claim) =>
      claim.procedureCodes.some((code) => procedureCodes.includes(code)) ||
      claim.labs.some((lab) => loincCodes.includes(lab.loincCode)) ||
      (claim.drugClass !== undefined && drugClasses.includes(claim.drugClass)),
  );
}

function isEligible(
  eligibility: GapEligibility,
  member: GapMember,
  claims: readonly GapClaim[],
  asOf: string,
): boolean {
  const year = measurementYear(asOf);
  const age = ageOn(member.birthDate, year.end);
  if (age < eligibility.minAge || age > eligibility.maxAge) return false;
  if (eligibility.sex !== undefined && member.sex !== eligibility.sex) return false;
  if (
    eligibility.anyCondition.length > 0 &&
    !eligibility.anyCondition.some((id) => member.conditions.includes(id))
  ) {
    return false;
  }
  const classes = eligibility.filledDrugClasses;
  return (
    classes === undefined ||
    claims.some(
      (claim) =>
        claim.drugClass !== undefined &&
        classes.includes(claim.drugClass) &&
        within(claim.serviceDate, year.start, asOf),
    )
  );
}

interface Outcome {
  readonly open: boolean;
  readonly reason: GapReason;
  readonly closingClaimIds?: readonly string[];
  readonly evidenceClaimIds?: readonly string[];
  readonly proportionOfDaysCovered?: number;
  readonly refillDueBy?: string;
  readonly prescriberNpi?: string;
  /** False when the data make the member ineligible (too few fills, therapy stopped). */
  readonly eligible?: boolean;
}

function serviceOutcome(rule: GapRule, claims: readonly GapClaim[], asOf: string): Outcome {
  const groups = (rule.closing ?? []).map((group) =>
    group.flatMap((service) => claimsForService(service, claims, asOf)),
  );
  const closing = [...new Set(groups.flat().map((claim) => claim.claimId))];
  const met = groups.length > 0 && groups.every((group) => group.length > 0);
  return met
    ? { open: false, reason: 'closed', closingClaimIds: closing, evidenceClaimIds: closing }
    : { open: true, reason: 'no-service', evidenceClaimIds: closing };
}

function controlOutcome(rule: GapRule, claims: readonly GapClaim[], asOf: string): Outcome {
  const criterion = rule.control;
  if (criterion === undefined) return { open: true, reason: 'no-result' };
  const year = measurementYear(asOf);
  const results = claims
    .filter((claim) => within(claim.serviceDate, year.start, asOf))
    .flatMap((claim) => [
      ...claim.labs
        .filter((lab) => criterion.loincCodes.includes(lab.loincCode) && lab.value !== undefined)
        .map((lab) => ({ claim, value: lab.value as number })),
      ...claim.procedureCodes.flatMap((code) => {
        // own properties only: a code such as `constructor` is not a result code
        const value = Object.hasOwn(criterion.resultCodes, code) ? criterion.resultCodes[code] : undefined;
        return value === undefined ? [] : [{ claim, value }];
      }),
    ])
    // the latest result counts; on one day the highest (the conservative reading)
    .sort((a, b) => a.claim.serviceDate.localeCompare(b.claim.serviceDate) || a.value - b.value);
  const latest = results.at(-1);
  if (latest === undefined) return { open: true, reason: 'no-result' };
  const ids = [latest.claim.claimId];
  return latest.value > criterion.openAbove
    ? { open: true, reason: 'poor-control', evidenceClaimIds: ids }
    : { open: false, reason: 'closed', closingClaimIds: ids, evidenceClaimIds: ids };
}

const lastFillOf = (fills: readonly GapClaim[]): GapClaim | undefined =>
  [...fills]
    .sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || (a.daysSupply ?? 0) - (b.daysSupply ?? 0))
    .at(-1);

function adherenceOutcome(rule: GapRule, claims: readonly GapClaim[], asOf: string): Outcome {
  const criterion = rule.adherence;
  if (criterion === undefined) return { open: false, reason: 'not-eligible', eligible: false };
  const year = measurementYear(asOf);
  // A fill without days' supply covers nothing, so it is not a fill for adherence.
  const fills = claims.filter(
    (claim) =>
      claim.drugClass !== undefined &&
      criterion.drugClasses.includes(claim.drugClass) &&
      (claim.daysSupply ?? 0) > 0 &&
      within(claim.serviceDate, year.start, asOf),
  );
  const ids = fills.map((fill) => fill.claimId);
  const dates = [...new Set(fills.map((fill) => fill.serviceDate))].sort();
  const first = dates[0];
  if (first === undefined || dates.length < criterion.minFillsOnDistinctDates) {
    return { open: false, reason: 'not-eligible', eligible: false, evidenceClaimIds: ids };
  }
  const prescriberNpi = lastFillOf(fills)?.prescriberNpi;
  const withPrescriber = prescriberNpi === undefined ? {} : { prescriberNpi };
  if (dayNumber(asOf) - dayNumber(first) < criterion.minDaysFromFirstFillToPeriodEnd) {
    return { open: false, reason: 'too-early', eligible: false, evidenceClaimIds: ids, ...withPrescriber };
  }
  const covered = proportionOfDaysCovered(
    fills.map((fill) => ({
      date: fill.serviceDate,
      daysSupply: fill.daysSupply ?? 0,
      drug: fill.drugClass ?? '',
    })),
    asOf,
  );
  const pdc = covered.proportion;
  return pdc >= criterion.minProportionOfDaysCovered
    ? {
        open: false,
        reason: 'closed',
        closingClaimIds: ids,
        evidenceClaimIds: ids,
        proportionOfDaysCovered: pdc,
        ...withPrescriber,
      }
    : {
        open: true,
        reason: 'below-threshold',
        evidenceClaimIds: ids,
        proportionOfDaysCovered: pdc,
        ...withPrescriber,
      };
}

function refillOutcome(rule: GapRule, claims: readonly GapClaim[], asOf: string): Outcome {
  const criterion = rule.refill;
  if (criterion === undefined) return { open: false, reason: 'not-eligible', eligible: false };
  const activeFrom = addDays(asOf, -criterion.activeWithinDays);
  // Per class: the last fill decides when the next one is due; the earliest due class is reported.
  const late = criterion.drugClasses.flatMap((drugClass: DrugClass) => {
    const last = lastFillOf(
      claims.filter((claim) => claim.drugClass === drugClass && within(claim.serviceDate, activeFrom, asOf)),
    );
    if (last === undefined) return [];
    return [{ last, dueBy: addDays(last.serviceDate, (last.daysSupply ?? 0) + criterion.graceDays) }];
  });
  if (late.length === 0) return { open: false, reason: 'not-eligible', eligible: false };
  const [earliest] = [...late].sort((a, b) => a.dueBy.localeCompare(b.dueBy));
  if (earliest === undefined) return { open: false, reason: 'not-eligible', eligible: false };
  const prescriberNpi = earliest.last.prescriberNpi;
  const common = {
    evidenceClaimIds: late.map((item) => item.last.claimId),
    refillDueBy: earliest.dueBy,
    ...(prescriberNpi === undefined ? {} : { prescriberNpi }),
  };
  return asOf > earliest.dueBy
    ? { open: true, reason: 'refill-late', ...common }
    : { open: false, reason: 'closed', closingClaimIds: common.evidenceClaimIds, ...common };
}

/**
 * Evaluates one gap rule for one member as of `asOf` (YYYY-MM-DD). Pure: the cost depends only on the member's
 * claims passed in (the latest version of each, voids left out). The measurement year is the calendar year of `asOf`
 * and every window is anchored on it (`MeasureWindow`); nothing dated after `asOf` counts. Eligibility (age on
 * 31 December of the measurement year, sex, identified conditions, fills) comes first, then exclusions (a diagnosis in
 * the measurement year, in a window of its own or at any time, hospice services (procedure codes, or revenue codes and
 * types of bill of institutional claims), palliative care or a fill of an excluded class in the year, an identified condition that moves the member to another measure), then the rule's kind decides open or closed.
 */
export function evaluateGap(
  rule: GapRule,
  member: GapMember,
  claims: readonly GapClaim[],
  asOf: string,
): GapEvaluation {
  const base = { ruleId: rule.id, ruleVersion: rule.version };
  const notEligible: GapEvaluation = {
    ...base,
    eligible: false,
    excluded: false,
    open: false,
    reason: 'not-eligible',
    closingClaimIds: [],
    evidenceClaimIds: [],
    exclusionClaimIds: [],
  };
  if (!rule.eligibility.some((eligibility) => isEligible(eligibility, member, claims, asOf)))
    return notEligible;

  const year = measurementYear(asOf);
  const inYear = claims.filter((claim) => within(claim.serviceDate, year.start, asOf));
  const excludedClasses: readonly string[] = rule.exclusions.drugClasses ?? [];
  const excludedProcedures: readonly string[] = rule.exclusions.procedureCodes ?? [];
  const excludedRevenueCodes: readonly string[] = rule.exclusions.revenueCodes ?? [];
  const excludedBillTypes = rule.exclusions.typeOfBillPrefixes ?? [];
  const exclusionClaimIds = inYear
    .filter(
      (claim) =>
        matchesDiagnosis(
          { diagnosisCodePrefixes: rule.exclusions.diagnosisCodePrefixes },
          claim.diagnosisCodes,
        ) ||
        claim.procedureCodes.some((code) => excludedProcedures.includes(code)) ||
        (claim.revenueCodes ?? []).some((code) => excludedRevenueCodes.includes(code)) ||
        isBillTypeOf(claim.typeOfBill, excludedBillTypes) ||
        (claim.drugClass !== undefined && excludedClasses.includes(claim.drugClass)),
    )
    .map((claim) => claim.claimId);
  for (const { diagnosisCodePrefixes, window } of rule.exclusions.windowedDiagnoses ?? []) {
    const { start, end } = measureWindow(asOf, window);
    for (const claim of claims) {
      if (
        within(claim.serviceDate, start, end) &&
        matchesDiagnosis({ diagnosisCodePrefixes }, claim.diagnosisCodes) &&
        !exclusionClaimIds.includes(claim.claimId)
      ) {
        exclusionClaimIds.push(claim.claimId);
      }
    }
  }
  const anyTime = rule.exclusions.anyTimeDiagnosisCodePrefixes ?? [];
  const anyTimeClaimIds =
    anyTime.length === 0
      ? []
      : claims
          .filter(
            (claim) =>
              claim.serviceDate <= asOf &&
              matchesDiagnosis({ diagnosisCodePrefixes: anyTime }, claim.diagnosisCodes),
          )
          .map((claim) => claim.claimId);
  exclusionClaimIds.push(...anyTimeClaimIds.filter((claimId) => !exclusionClaimIds.includes(claimId)));
  const excludedByCondition = (rule.exclusions.conditions ?? []).some((id) => member.conditions.includes(id));
  if (exclusionClaimIds.length > 0 || excludedByCondition) {
    return { ...notEligible, eligible: true, excluded: true, reason: 'excluded', exclusionClaimIds };
  }

  const outcome =
    rule.kind === 'service'
      ? serviceOutcome(rule, claims, asOf)
      : rule.kind === 'control'
        ? controlOutcome(rule, claims, asOf)
        : rule.kind === 'adherence'
          ? adherenceOutcome(rule, claims, asOf)
          : refillOutcome(rule, claims, asOf);
  return {
    ...base,
    eligible: outcome.eligible ?? true,
    excluded: false,
    open: outcome.open,
    reason: outcome.reason,
    closingClaimIds: outcome.closingClaimIds ?? [],
    evidenceClaimIds: outcome.evidenceClaimIds ?? [],
    exclusionClaimIds: [],
    ...(outcome.proportionOfDaysCovered === undefined
      ? {}
      : { proportionOfDaysCovered: outcome.proportionOfDaysCovered }),
    ...(outcome.refillDueBy === undefined ? {} : { refillDueBy: outcome.refillDueBy }),
    ...(outcome.prescriberNpi === undefined ? {} : { prescriberNpi: outcome.prescriberNpi }),
  };
}

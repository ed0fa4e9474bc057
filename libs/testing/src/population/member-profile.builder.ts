import type { DayFormatter } from './calendar-date.util';
import type { MemberCarePlan } from './care-plan.generator';
import { isEffective, type ClaimDraft } from './claim-draft.types';
import {
  EGFR_LOINC,
  HBA1C_LOINC,
  LATE_REFILL_GRACE_DAYS,
  URINE_ALBUMIN_CODE,
  codeMatchesCondition,
} from './population-code-sets';
import type {
  MemberProfile,
  PlantedCondition,
  PlantedMedication,
  RefillGap,
  ScreeningKind,
} from './population.types';

const FACILITY_BILLS: ReadonlySet<string> = new Set(['0111', '0211', '0321']);

function sortedDates(dayNumbers: Iterable<number>, days: DayFormatter): string[] {
  return [...new Set(dayNumbers)].sort((a, b) => a - b).map((day) => days.format(day));
}

/** Builds what was planted for each member of a household from its plan and its (effective) claims. */
export function buildMemberProfiles(
  members: readonly MemberCarePlan[],
  drafts: readonly ClaimDraft[],
  asOfDay: number,
  days: DayFormatter,
): MemberProfile[] {
  const byMember = new Map<string, ClaimDraft[]>();
  for (const plan of members) byMember.set(plan.member.record.memberId, []);
  for (const draft of drafts) byMember.get(draft.member.record.memberId)?.push(draft);
  return members.map((plan) =>
    buildMemberProfile(plan, byMember.get(plan.member.record.memberId) ?? [], asOfDay, days),
  );
}

function buildMemberProfile(
  plan: MemberCarePlan,
  drafts: readonly ClaimDraft[],
  asOfDay: number,
  days: DayFormatter,
): MemberProfile {
  const { member } = plan;
  const { record } = member;
  const effective = drafts.filter(isEffective);

  const conditions: PlantedCondition[] = plan.conditions.map(({ key }) => {
    const codes = new Set<string>();
    const all: number[] = [];
    const professional: number[] = [];
    const facility: number[] = [];
    for (const draft of effective) {
      const matching = draft.diagnoses.filter((code) => codeMatchesCondition(code, key));
      if (matching.length === 0) continue;
      for (const code of matching) codes.add(code);
      all.push(draft.fromDay);
      if (draft.claimType === 'professional') professional.push(draft.fromDay);
      else if (draft.typeOfBill !== undefined && FACILITY_BILLS.has(draft.typeOfBill))
        facility.push(draft.fromDay);
    }
    return {
      condition: key,
      codes: [...codes].sort(),
      onsetDate: days.format(Math.min(...all)),
      professionalClaimDates: sortedDates(professional, days),
      facilityClaimDates: sortedDates(facility, days),
    };
  });

  const fillsByNdc = new Map<string, ClaimDraft[]>();
  for (const draft of effective) {
    if (draft.drug === undefined) continue;
    const list = fillsByNdc.get(draft.drug.product.ndc);
    if (list === undefined) fillsByNdc.set(draft.drug.product.ndc, [draft]);
    else list.push(draft);
  }
  const medications: PlantedMedication[] = [];
  for (const [ndc, fills] of fillsByNdc) {
    const first = fills[0]?.drug;
    if (first === undefined) continue;
    const fillDays = [...new Set(fills.map((fill) => fill.fromDay))].sort((a, b) => a - b);
    const medication: PlantedMedication = {
      drugClass: first.product.drugClass,
      drugName: first.product.name,
      ndc,
      daysSupply: first.daysSupply,
      maintenance: first.product.maintenance,
      fillDates: fillDays.map((day) => days.format(day)),
      refillGaps: first.product.maintenance ? refillGaps(fillDays, first.daysSupply, asOfDay, days) : [],
    };
    const planted = plan.plantedLateRefills.get(ndc);
    if (planted !== undefined) medication.plantedLateRefill = planted;
    medications.push(medication);
  }

  const hba1cResults: { date: string; value: number }[] = [];
  const egfr: number[] = [];
  const uacr: number[] = [];
  const eyeExams: number[] = [];
  const preventiveVisits: { date: string; procedureCode: string }[] = [];
  const sick: number[] = [];
  const emergency: number[] = [];
  const screenings = new Map<string, { kind: ScreeningKind; date: string }>();
  const ordered = [...effective].sort((a, b) => a.fromDay - b.fromDay || a.sequence - b.sequence);
  for (const draft of ordered) {
    for (const line of draft.lines) {
      if (line.labResult?.loincCode === HBA1C_LOINC)
        hba1cResults.push({ date: days.format(draft.fromDay), value: line.labResult.value });
      if (line.labResult?.loincCode === EGFR_LOINC) egfr.push(draft.fromDay);
      if (line.procedureCode === URINE_ALBUMIN_CODE) uacr.push(draft.fromDay);
    }
    if (draft.purpose === 'eye-exam') eyeExams.push(draft.fromDay);
    else if (draft.purpose === 'preventive-visit') {
      preventiveVisits.push({
        date: days.format(draft.fromDay),
        procedureCode: draft.lines[0]?.procedureCode ?? '',
      });
    } else if (draft.purpose === 'sick-visit') sick.push(draft.fromDay);
    else if (draft.purpose === 'emergency' && draft.claimType === 'professional')
      emergency.push(draft.fromDay);
    if (draft.screening !== undefined) {
      const date = days.format(draft.fromDay);
      screenings.set(`${date}|${draft.screening}`, { kind: draft.screening, date });
    }
  }

  const claimCounts = { originals: drafts.length, replacements: 0, voids: 0, denied: 0, pending: 0 };
  for (const draft of drafts) {
    for (const adjustment of draft.adjustments) {
      if (adjustment.frequency === 'replacement') claimCounts.replacements += 1;
      else claimCounts.voids += 1;
    }
    const last = draft.adjustments[draft.adjustments.length - 1];
    const finalStatus = last === undefined ? draft.status : last.status;
    if (last?.frequency !== 'void') {
      if (finalStatus === 'denied') claimCounts.denied += 1;
      if (finalStatus === 'pending') claimCounts.pending += 1;
    }
  }

  const profile: MemberProfile = {
    memberId: record.memberId,
    subscriberId: record.subscriberId,
    householdIndex: member.householdIndex,
    relationship: record.relationship,
    sex: record.sex,
    birthDate: record.birthDate,
    ageAtAsOf: member.ageAtAsOf,
    planType: record.planType,
    activeFrom: days.format(member.activeFrom),
    activeTo: days.format(member.activeTo),
    optOuts: [...record.optOuts],
    conditions,
    nearMisses: plan.nearMisses.map((nearMiss) => ({ ...nearMiss })),
    medications,
    hba1cResults,
    eyeExamDates: sortedDates(eyeExams, days),
    kidneyEvaluation: { egfrDates: sortedDates(egfr, days), uacrDates: sortedDates(uacr, days) },
    preventiveVisits,
    sickVisitDates: sortedDates(sick, days),
    emergencyVisitDates: sortedDates(emergency, days),
    screenings: [...screenings.values()],
    claimCounts,
  };
  if (record.deceasedDate !== undefined) profile.deceasedDate = record.deceasedDate;
  if (record.attributedPcp !== undefined) profile.attributedPcpNpi = record.attributedPcp.npi;
  return profile;
}

/** Gaps longer than days' supply + grace between consecutive fills, and after the last fill up to asOf. */
function refillGaps(
  fillDays: readonly number[],
  daysSupply: number,
  asOfDay: number,
  days: DayFormatter,
): RefillGap[] {
  const gaps: RefillGap[] = [];
  fillDays.forEach((day, index) => {
    const graceEnd = day + daysSupply + LATE_REFILL_GRACE_DAYS;
    const next = fillDays[index + 1];
    if (next === undefined) {
      if (asOfDay > graceEnd)
        gaps.push({ lastFillDate: days.format(day), graceEndDate: days.format(graceEnd) });
    } else if (next > graceEnd) {
      gaps.push({
        lastFillDate: days.format(day),
        graceEndDate: days.format(graceEnd),
        nextFillDate: days.format(next),
      });
    }
  });
  return gaps;
}

import {
  SURVEY_VISIT_CODE_FAMILIES,
  TELEHEALTH_MODIFIERS,
  TELEHEALTH_PLACES_OF_SERVICE,
} from './survey-visit-codes.data';
import type {
  NotAVisitReason,
  VisitClaimInput,
  VisitClassification,
  VisitClassificationOptions,
  VisitCodeFamily,
} from './survey-visit.types';

const FAMILY_OF_CODE: ReadonlyMap<string, VisitCodeFamily> = new Map(
  SURVEY_VISIT_CODE_FAMILIES.flatMap((family) => family.codes.map((code) => [code, family] as const)),
);

type Candidate = Extract<VisitClassification, { visit: true }>;

/**
 * The surveyable visit a claim describes. Only professional claims describe visits: institutional and pharmacy
 * claims never do, nor does a void or a denied claim (a pending claim does: the visit happened, adjudication is about
 * payment). Among the claim's lines with a visit code, the earliest-dated one decides, a preventive visit before a
 * problem-oriented one on the same day (a sick visit billed with modifier 25 alongside a routine one is still the
 * routine visit), then the lowest line number. A line in an optional family that is switched off (99211, telehealth)
 * counts as no visit; an office visit code delivered by telehealth (place of service 02/10 or a telehealth modifier)
 * is telehealth. A claim therefore describes at most one visit.
 */
export function classifyVisitClaim(
  claim: VisitClaimInput,
  options: VisitClassificationOptions,
): VisitClassification {
  const early = notAVisitByClaim(claim);
  if (early !== undefined) return { visit: false, reason: early };
  const placeIsTelehealth = TELEHEALTH_PLACES_OF_SERVICE.includes((claim.placeOfService ?? '').trim());
  const candidates: Candidate[] = [];
  let excluded: NotAVisitReason | undefined;
  for (const line of claim.lines ?? []) {
    const procedureCode = (line.procedureCode ?? '').trim().toUpperCase();
    const family = FAMILY_OF_CODE.get(procedureCode);
    if (family === undefined) continue;
    const telehealth =
      family.id === 'telehealth' ||
      placeIsTelehealth ||
      (line.modifiers ?? []).some((modifier) => TELEHEALTH_MODIFIERS.includes(modifier.trim().toUpperCase()));
    const switchedOff =
      (family.optionalBy !== undefined && !options[family.optionalBy]) ||
      (telehealth && !options.includeTelehealth);
    if (switchedOff) {
      excluded ??= telehealth ? 'telehealth-excluded' : 'nurse-visit-excluded';
      continue;
    }
    candidates.push({
      visit: true,
      kind: family.kind,
      family: family.id,
      procedureCode,
      lineNumber: line.lineNumber,
      serviceDate: line.serviceDate ?? claim.serviceDateFrom,
      telehealth,
    });
  }
  const [first] = candidates.sort(
    (a, b) =>
      a.serviceDate.localeCompare(b.serviceDate) ||
      kindOrder(a) - kindOrder(b) ||
      a.lineNumber - b.lineNumber,
  );
  return first ?? { visit: false, reason: excluded ?? 'no-office-visit-code' };
}

const kindOrder = (candidate: Candidate): number => (candidate.kind === 'preventive' ? 0 : 1);

function notAVisitByClaim(claim: VisitClaimInput): NotAVisitReason | undefined {
  if (claim.frequency === 'void') return 'voided';
  switch (claim.claimType) {
    case 'institutional':
      return 'institutional';
    case 'pharmacy':
      return 'pharmacy';
    case 'professional':
      return claim.adjudicationStatus === 'denied' ? 'denied' : undefined;
  }
}

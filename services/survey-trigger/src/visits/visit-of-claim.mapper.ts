import {
  classifyVisitClaim,
  SURVEY_VISIT_CODE_SET_VERSION,
  surveySamplingDraw,
  surveyVisitKey,
  type VisitClassification,
  type VisitClassificationOptions,
} from '@care/clinical';
import type { ClaimSubmission } from '@care/contracts';
import { visitIdOf } from '../shared/name-based-uuid.util';
import type { VisitRecord } from './visit.types';

/** The visit a claim-received claim describes, or why none (see `classifyVisitClaim` in @care/clinical). */
export function classifyClaim(
  claim: ClaimSubmission,
  options: VisitClassificationOptions,
): VisitClassification {
  return classifyVisitClaim(
    {
      claimType: claim.claimType,
      adjudicationStatus: claim.adjudicationStatus,
      frequency: claim.frequency,
      serviceDateFrom: claim.serviceDateFrom,
      ...(claim.placeOfService === undefined ? {} : { placeOfService: claim.placeOfService }),
      lines: (claim.lines ?? []).map((line) => ({
        lineNumber: line.lineNumber,
        ...(line.procedureCode === undefined ? {} : { procedureCode: line.procedureCode }),
        ...(line.modifiers === undefined ? {} : { modifiers: line.modifiers }),
        ...(line.serviceDate === undefined ? {} : { serviceDate: line.serviceDate }),
      })),
    },
    options,
  );
}

/**
 * A new, undecided visit from the claim that first describes it. The provider is the rendering provider when the
 * claim names one (the clinician the member saw), else the billing provider; the TIN is the rendering provider's when
 * given, else the billing provider's; the practice is the billing provider. The draw is fixed here, from the visit
 * key and the seed, so whenever and however often the visit is decided, it draws the same number.
 */
export function newVisitOf(
  claim: ClaimSubmission,
  visit: Extract<VisitClassification, { visit: true }>,
  receivedAt: string,
  sampling: { readonly seed: string; readonly seedFingerprint: string },
): VisitRecord {
  const providerNpi = claim.renderingProvider?.npi ?? claim.billingProvider.npi;
  const visitKey = surveyVisitKey({ memberId: claim.memberId, providerNpi, serviceDate: visit.serviceDate });
  return {
    visitId: visitIdOf(visitKey),
    visitKey,
    memberId: claim.memberId,
    providerNpi,
    serviceDate: visit.serviceDate,
    kind: visit.kind,
    procedureCode: visit.procedureCode,
    codeFamily: visit.family,
    telehealth: visit.telehealth,
    codeSetVersion: SURVEY_VISIT_CODE_SET_VERSION,
    providerTin: claim.renderingProvider?.tin ?? claim.billingProvider.tin,
    billingNpi: claim.billingProvider.npi,
    providerName: claim.renderingProvider?.name ?? null,
    practiceName: claim.billingProvider.name ?? null,
    claimId: claim.claimId,
    claimVersion: claim.version,
    claimReceivedAt: new Date(receivedAt).toISOString(),
    draw: surveySamplingDraw(visitKey, sampling.seed),
    seedFingerprint: sampling.seedFingerprint,
    status: 'pending-member',
    reasons: [],
    samplingRate: null,
    ruleVersion: null,
    householdId: null,
    channel: null,
    language: null,
    decidedOn: null,
    decidedAt: null,
  };
}

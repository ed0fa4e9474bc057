import type { SurveyChannel, SurveyExclusionReason, VisitCodeFamilyId, VisitKind } from '@care/clinical';

/** Where a visit stands: waiting for the member's roster record, decided (three ways), or no longer a visit. */
export const VISIT_STATUSES = ['pending-member', 'surveyed', 'not-sampled', 'excluded', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** A visit as stored: its identity, what the first claim said about it, and the decision. */
export interface VisitRecord {
  /** Also the survey id when the visit is surveyed. */
  readonly visitId: string;
  readonly visitKey: string;
  readonly memberId: string;
  readonly providerNpi: string;
  readonly serviceDate: string;
  readonly kind: VisitKind;
  readonly procedureCode: string;
  readonly codeFamily: VisitCodeFamilyId;
  readonly telehealth: boolean;
  readonly codeSetVersion: string;
  readonly providerTin: string;
  readonly billingNpi: string;
  readonly providerName: string | null;
  readonly practiceName: string | null;
  readonly claimId: string;
  readonly claimVersion: number;
  /** When claims-intake accepted the first claim of the visit (ISO instant). */
  readonly claimReceivedAt: string;
  readonly draw: number;
  readonly seedFingerprint: string;
  readonly status: VisitStatus;
  /** Exclusion reasons (status excluded) or why the visit was cancelled (status cancelled). */
  readonly reasons: readonly string[];
  readonly samplingRate: number | null;
  readonly ruleVersion: string | null;
  readonly householdId: string | null;
  readonly channel: SurveyChannel | null;
  readonly language: string | null;
  /** The decision day: the claim's arrival day, or the day the member became known if later. */
  readonly decidedOn: string | null;
  readonly decidedAt: string | null;
}

/** The decision part of a visit, written when it is decided. */
export type VisitDecision = Pick<
  VisitRecord,
  | 'visitId'
  | 'status'
  | 'reasons'
  | 'samplingRate'
  | 'ruleVersion'
  | 'householdId'
  | 'channel'
  | 'language'
  | 'decidedOn'
  | 'decidedAt'
>;

export type ExclusionReason = SurveyExclusionReason;

import type { ClaimSetting, DrugClass } from '@care/clinical';

/** One claim as condition-identification keeps it: the latest version seen, a void being final. */
export interface StoredClaim {
  readonly claimId: string;
  readonly memberId: string;
  readonly version: number;
  readonly voided: boolean;
  /** YYYY-MM-DD: first day of service (fill date for pharmacy claims). */
  readonly serviceDate: string;
  readonly setting: ClaimSetting;
  /** Diagnoses in claim order, kept only when a rule concerns the claim. */
  readonly diagnosisCodes: readonly string[];
  readonly drugClass: DrugClass | null;
  /** The fill's NDC (11 digits when readable), kept whatever its class so a new code set release can classify it. */
  readonly ndc: string | null;
  /** Rules this claim can matter to (diagnosis, exclusion or drug class); empty for unrelated claims. */
  readonly ruleIds: readonly string[];
}

/** One item of a health assessment: a reported condition or a measured biometric. */
export interface StoredSelfReport {
  readonly memberId: string;
  readonly assessmentId: string;
  readonly completedOn: string;
  readonly kind: 'condition' | 'biometric';
  readonly code: string;
  readonly value: number | null;
  readonly ruleIds: readonly string[];
  readonly recordedAt: string;
}

/** A member's evidence that rules may look at, loaded for one evaluation. */
export interface MemberEvidence {
  readonly claims: readonly StoredClaim[];
  readonly selfReported: readonly StoredSelfReport[];
}

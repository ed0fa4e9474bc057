import type { DrugProduct } from './population-code-sets';
import type {
  AdjudicationStatus,
  ChronicConditionKey,
  ClaimType,
  LabResultPlain,
  ScreeningKind,
} from './population.types';
import type { MemberDraft } from './household.generator';
import type { Clinician, Facility, Practice } from './provider-pool.generator';

/** Why a claim exists; drives the member profile. */
export type ClaimPurpose =
  | 'chronic-visit'
  | 'specialist-visit'
  | 'preventive-visit'
  | 'sick-visit'
  | 'near-miss-visit'
  | 'lab'
  | 'eye-exam'
  | 'screening'
  | 'emergency'
  | 'inpatient'
  | 'skilled-nursing'
  | 'home-health'
  | 'fill';

export interface LineDraft {
  readonly procedureCode?: string;
  readonly modifiers?: readonly string[];
  readonly revenueCode?: string;
  readonly day?: number;
  readonly units: number;
  readonly chargedCents: number;
  readonly labResult?: LabResultPlain;
}

export interface DrugDraft {
  readonly product: DrugProduct;
  readonly daysSupply: number;
  readonly quantity: number;
  readonly prescriberNpi: string;
  readonly refillNumber: number;
  readonly chargedCents: number;
}

/** A later version of a claim id. */
export interface AdjustmentDraft {
  readonly frequency: 'replacement' | 'void';
  /** Day the adjustment arrives (orders the stream; never after asOf). */
  readonly arrivalDay: number;
  readonly status: AdjudicationStatus;
  readonly paidRatio: number;
}

/** One claim before ids and formatting; every random decision is already taken. */
export interface ClaimDraft {
  readonly member: MemberDraft;
  readonly purpose: ClaimPurpose;
  readonly claimType: ClaimType;
  readonly fromDay: number;
  readonly toDay: number;
  readonly billing: Practice | Facility;
  readonly rendering?: { readonly practice: Practice; readonly clinician: Clinician };
  readonly placeOfService?: string;
  readonly typeOfBill?: string;
  /** Unique, in claim order. */
  readonly diagnoses: readonly string[];
  readonly lines: readonly LineDraft[];
  readonly drug?: DrugDraft;
  /** Condition evidence, maintenance fills and near-misses: never denied, voided or pending. */
  readonly protected: boolean;
  readonly screening?: ScreeningKind;
  /** Chronic condition a near-miss claim was planted for. */
  readonly nearMiss?: ChronicConditionKey;
  status: AdjudicationStatus;
  paidRatio: number;
  adjustments: AdjustmentDraft[];
  /** Creation order within the household (stable tie-break). */
  readonly sequence: number;
}

/** True when the claim id's last version is not a void and not denied. */
export function isEffective(draft: ClaimDraft): boolean {
  const last = draft.adjustments[draft.adjustments.length - 1];
  if (last === undefined) return draft.status !== 'denied';
  return last.frequency !== 'void' && last.status !== 'denied';
}

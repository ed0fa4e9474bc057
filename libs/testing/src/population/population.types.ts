/**
 * Plain shapes of the claim and member contract v1 (docs/claim-and-member-fields.md), as produced by the
 * synthetic population generator, plus what the generator planted per member.
 * The validated classes live in `@care/contracts`; these interfaces only mirror the field contract.
 */

export type ClaimFrequency = 'original' | 'replacement' | 'void';
export type ClaimType = 'professional' | 'institutional' | 'pharmacy';
export type AdjudicationStatus = 'paid' | 'denied' | 'pending';

/** A provider: NPI (Luhn over `80840`), 9-digit TIN without dash, optional name. */
export interface ProviderRefPlain {
  npi: string;
  tin: string;
  name?: string;
}

/** Rendering provider: as ProviderRef, but the TIN is optional. */
export interface RenderingProviderRefPlain {
  npi: string;
  tin?: string;
  name?: string;
}

export interface DiagnosisPlain {
  /** ICD-10-CM, with or without the dot after the third character. */
  code: string;
}

export interface LabResultPlain {
  loincCode: string;
  value: number;
  unit: string;
}

export interface ClaimLinePlain {
  lineNumber: number;
  procedureCode?: string;
  modifiers?: string[];
  revenueCode?: string;
  serviceDate?: string;
  units: number;
  chargedAmount: number;
  paidAmount?: number;
  labResult?: LabResultPlain;
}

export interface DrugFillPlain {
  /** 11 digits, no hyphens. */
  ndc: string;
  daysSupply: number;
  quantity: number;
  fillDate: string;
  prescriberNpi: string;
  refillNumber?: number;
}

/** Payload of `claims-inbound` v1 / body of `POST /v1/claims`. */
export interface ClaimSubmissionPlain {
  claimId: string;
  version: number;
  frequency: ClaimFrequency;
  claimType: ClaimType;
  adjudicationStatus: AdjudicationStatus;
  memberId: string;
  billingProvider: ProviderRefPlain;
  renderingProvider?: RenderingProviderRefPlain;
  serviceDateFrom: string;
  serviceDateTo: string;
  placeOfService?: string;
  typeOfBill?: string;
  diagnoses: DiagnosisPlain[];
  lines?: ClaimLinePlain[];
  drug?: DrugFillPlain;
  totalChargedAmount: number;
  totalPaidAmount?: number;
}

export type MemberRelationship =
  'subscriber' | 'spouse' | 'domestic-partner' | 'child' | 'parent' | 'parent-in-law' | 'other-dependent';
export type AdministrativeSex = 'female' | 'male' | 'other' | 'unknown';
export type ContactChannel = 'mail' | 'email' | 'phone';
export type PlanType =
  'hmo' | 'ppo' | 'epo' | 'pos' | 'hdhp' | 'medicare-advantage' | 'medicaid-managed-care';
export type MemberOptOut = 'care-management' | 'care-alerts' | 'surveys';

export interface AddressPlain {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface ContactPreferencesPlain {
  preferredChannel: ContactChannel;
  language: string;
  emailConsent: boolean;
}

export interface CoveragePlain {
  effectiveDate: string;
  terminationDate?: string;
}

/** Body of `POST /v1/members`. */
export interface MemberRecordPlain {
  memberId: string;
  subscriberId: string;
  relationship: MemberRelationship;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: AdministrativeSex;
  deceasedDate?: string;
  address?: AddressPlain;
  email?: string;
  phone?: string;
  contactPreferences: ContactPreferencesPlain;
  attributedPcp?: ProviderRefPlain;
  planType: PlanType;
  planAdministeredByHealthPlan: boolean;
  coverage: CoveragePlain;
  optOuts: MemberOptOut[];
}

/** Options of {@link createPopulation}. */
export interface PopulationOptions {
  /** Integer 0 … 4294967295; same seed and options give byte-identical output. */
  seed: number;
  /** Number of households (each a subscriber and 0–4 others). */
  households: number;
  /** `YYYY-MM-DD`: the "today" of the population; no date is after it. Must not be after the real today for
   * the claims to pass contract validation. */
  asOf: string;
  /** Months of claims history ending at `asOf`; default 24 (1–120). */
  monthsOfHistory?: number;
}

/** Chronic conditions the generator plants (CMS CCW style, see CLINICAL.md §2). */
export type ChronicConditionKey =
  | 'diabetes'
  | 'hypertension'
  | 'hyperlipidemia'
  | 'asthma'
  | 'copd'
  | 'heart-failure'
  | 'chronic-kidney-disease'
  | 'depression'
  | 'coronary-artery-disease'
  | 'atrial-fibrillation';

/** Drug classes of the generator's NDC table. */
export type DrugClass =
  | 'non-insulin-antidiabetic'
  | 'insulin'
  | 'ace-inhibitor'
  | 'angiotensin-receptor-blocker'
  | 'statin'
  | 'short-acting-beta-agonist'
  | 'inhaled-corticosteroid'
  | 'leukotriene-modifier'
  | 'long-acting-muscarinic-antagonist'
  | 'loop-diuretic'
  | 'ssri-antidepressant'
  | 'anticoagulant'
  | 'antibiotic';

/** A chronic condition planted with qualifying claims evidence. */
export interface PlantedCondition {
  condition: ChronicConditionKey;
  /** ICD-10-CM codes (dotted) used for this condition on this member's claims. */
  codes: string[];
  /** First service date carrying the condition. */
  onsetDate: string;
  /** Distinct service dates of professional claims carrying the condition, ascending. At least two fall within
   * the 330 days ending at `activeTo` (so any 12-month reference period ending then sees them). */
  professionalClaimDates: string[];
  /** Admission dates of inpatient (0111), SNF (0211) or home-health (0321) claims carrying the condition. */
  facilityClaimDates: string[];
}

/** A chronic-condition diagnosis that appears but must NOT qualify under the two-claim rule. */
export interface PlantedNearMiss {
  condition: ChronicConditionKey;
  /** `single-claim`: one professional claim; `same-day-claims`: two professional claims on the same date. */
  pattern: 'single-claim' | 'same-day-claims';
  date: string;
}

/** A gap between fills of one drug longer than days' supply + 15 days (CLINICAL.md §3, late refill). */
export interface RefillGap {
  lastFillDate: string;
  /** lastFillDate + daysSupply + 15 days: the gap is open on any day after this one. */
  graceEndDate: string;
  /** The fill that closed the gap; absent when the gap is still open at `asOf`. */
  nextFillDate?: string;
}

export interface PlantedMedication {
  drugClass: DrugClass;
  drugName: string;
  ndc: string;
  daysSupply: number;
  /** Whether this drug is a maintenance drug (late-refill and adherence logic apply). */
  maintenance: boolean;
  fillDates: string[];
  /** What the generator planted on purpose: a late refill that later resumed, or fills that stop before `asOf`. */
  plantedLateRefill?: 'resumed' | 'open-at-as-of';
  /** All gaps computed from `fillDates` and `asOf` (maintenance drugs only); includes members whose coverage ended. */
  refillGaps: RefillGap[];
}

export type ScreeningKind = 'mammography' | 'colonoscopy' | 'fit';

/** What was planted for one member; every list counts only claims that stay effective (not voided, not denied). */
export interface MemberProfile {
  memberId: string;
  subscriberId: string;
  householdIndex: number;
  relationship: MemberRelationship;
  sex: AdministrativeSex;
  birthDate: string;
  ageAtAsOf: number;
  planType: PlanType;
  /** First and last day the member can have claims: coverage ∩ history ∩ life. */
  activeFrom: string;
  activeTo: string;
  deceasedDate?: string;
  attributedPcpNpi?: string;
  optOuts: MemberOptOut[];
  conditions: PlantedCondition[];
  nearMisses: PlantedNearMiss[];
  medications: PlantedMedication[];
  hba1cResults: { date: string; value: number }[];
  /** Diabetic eye exams (ophthalmology visits carrying CPT II 2022F/2023F). */
  eyeExamDates: string[];
  /** eGFR (LOINC 33914-3 on 80053) and urine albumin-creatinine (82043 + 82570) lab dates. */
  kidneyEvaluation: { egfrDates: string[]; uacrDates: string[] };
  preventiveVisits: { date: string; procedureCode: string }[];
  sickVisitDates: string[];
  emergencyVisitDates: string[];
  screenings: { kind: ScreeningKind; date: string }[];
  /** Claim submissions of this member by kind (a claim id with a replacement counts once as original). */
  claimCounts: { originals: number; replacements: number; voids: number; denied: number; pending: number };
}

/** Aggregate of what a population planted, for benchmarks and sanity checks. */
export interface PopulationProfile {
  seed: number;
  asOf: string;
  historyStart: string;
  households: number;
  members: number;
  adults: number;
  deceased: number;
  /** Members per planted condition. */
  conditionCounts: Record<ChronicConditionKey, number>;
  /** Share of adults (18+ at asOf) with each condition. */
  adultPrevalence: Record<ChronicConditionKey, number>;
  nearMisses: number;
  membersWithPlantedLateRefill: number;
  /** Members with at least one maintenance drug whose refill gap is open at asOf. */
  membersWithOpenRefillGap: number;
  claims: {
    originals: number;
    replacements: number;
    voids: number;
    denied: number;
    pending: number;
    total: number;
  };
}

import type { DrugClass } from './drug-class.types';

/** Where a claim was rendered, as far as chronic-condition rules care (CCW claim files). */
export type ClaimSetting =
  | 'inpatient'
  | 'skilled-nursing'
  | 'home-health'
  | 'outpatient'
  | 'professional'
  | 'pharmacy'
  | 'other';

/** Claims-based qualification: one claim from a "single" setting, or N claims on distinct dates from a "paired" setting. */
export interface ClaimQualification {
  /** One qualifying claim from any of these settings is enough (CCW: inpatient, SNF, home health). */
  readonly singleClaimSettings: readonly ClaimSetting[];
  /** These settings need `claimsOnDistinctDates` claims on different service dates (CCW: hospital outpatient, carrier). */
  readonly distinctDateSettings: readonly ClaimSetting[];
  readonly claimsOnDistinctDates: number;
}

/** Pharmacy evidence: fills of a condition-specific drug class on distinct dates. */
export interface PharmacyCriterion {
  readonly drugClasses: readonly DrugClass[];
  readonly minFillsOnDistinctDates: number;
  readonly periodMonths: number;
  /** When false, fills are reported as supporting evidence only and never make the condition met. */
  readonly sufficientAlone: boolean;
}

/** A health-assessment biometric that counts as self-reported evidence at or above a threshold. */
export interface BiometricThreshold {
  readonly code: string;
  readonly atLeast: number;
}

/** Health-assessment evidence: self-reported conditions and biometrics. */
export interface SelfReportedCriterion {
  /** Condition codes the assessment records for this condition (the rule id, ICD-10-CM prefixes...). */
  readonly conditionCodes: readonly string[];
  readonly biometricThresholds: readonly BiometricThreshold[];
  readonly periodMonths: number;
  /** When false (the default for every rule today), self-reported evidence never makes the condition met alone. */
  readonly sufficientAlone: boolean;
}

/** Diagnoses that exclude the member from the condition (any active claim, any setting, within the reference period). */
export interface ConditionExclusions {
  readonly diagnosisCodePrefixes: readonly string[];
  readonly note: string;
}

/** A versioned, data-only chronic-condition rule. */
export interface ConditionRule {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly referencePeriodMonths: number;
  /** ICD-10-CM prefixes without dots, upper case (e.g. 'E11', 'I110'). */
  readonly diagnosisCodePrefixes: readonly string[];
  /** 1-based highest diagnosis position that counts; undefined means any position. */
  readonly maxDiagnosisPosition?: number;
  readonly qualifying: ClaimQualification;
  readonly pharmacy?: PharmacyCriterion;
  readonly selfReported?: SelfReportedCriterion;
  readonly exclusions: ConditionExclusions;
  readonly source: string;
}

/** One version of a claim as kept per member for condition evaluation. */
export interface ClaimEvidence {
  readonly claimId: string;
  readonly version: number;
  /** YYYY-MM-DD. */
  readonly serviceDate: string;
  readonly setting: ClaimSetting;
  /** ICD-10-CM codes in claim order (dots allowed; normalised on matching). */
  readonly diagnosisCodes: readonly string[];
  readonly drugClass?: DrugClass;
  readonly status: 'active' | 'voided';
}

/** A health-assessment answer or measurement; always lower confidence than claims. */
export interface SelfReportedEvidence {
  readonly assessmentId: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly kind: 'condition' | 'biometric';
  readonly code: string;
  readonly value?: number;
}

/** Everything known about one member that a rule may look at. */
export interface ConditionEvidence {
  readonly claims: readonly ClaimEvidence[];
  readonly selfReported?: readonly SelfReportedEvidence[];
}

export type ConditionBasis = 'claims' | 'pharmacy' | 'self-reported';

export type ConditionReason =
  | 'single-setting-claim'
  | 'claims-on-distinct-dates'
  | 'pharmacy-fills'
  | 'self-reported'
  | 'excluded'
  | 'insufficient-evidence';

/** The outcome of evaluating one rule for one member as of a date. */
export interface ConditionEvaluation {
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly met: boolean;
  readonly basis: ConditionBasis | null;
  readonly reason: ConditionReason;
  /** Claim ids that make up the basis (claims or pharmacy fills). */
  readonly qualifyingClaimIds: readonly string[];
  /** The date within the period on which the basis was first satisfied. */
  readonly firstMetOn: string | null;
  readonly excluded: boolean;
  readonly exclusionClaimIds: readonly string[];
  /** Evidence that does not decide the outcome but supports it (pharmacy not sufficient alone, self-reported). */
  readonly supporting: {
    readonly pharmacyClaimIds: readonly string[];
    readonly selfReportedAssessmentIds: readonly string[];
  };
}

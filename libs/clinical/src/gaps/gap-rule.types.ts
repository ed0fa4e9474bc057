import type { DrugClass } from '../conditions/drug-class.types';

/**
 * How a gap rule decides: a service that must happen in a window (`service`), a lab result that must be in control
 * (`control`), a proportion of days covered (`adherence`), or a refill that is late (`refill`).
 */
export type GapKind = 'service' | 'control' | 'adherence' | 'refill';

/** Codes that count as a service: CPT/CPT II/HCPCS procedure codes, LOINC lab codes, or drug classes (fills). */
export interface GapCodeSet {
  readonly procedureCodes?: readonly string[];
  readonly loincCodes?: readonly string[];
  readonly drugClasses?: readonly DrugClass[];
}

/**
 * A window anchored on the measurement year (the calendar year of the as-of day), as HEDIS and the eCQMs define
 * them: it opens on the first day of `fromMonth` in the year `yearsBefore` years before the measurement year and
 * closes on 31 December of the year `endYearsBefore` years before it, never after the as-of day. Examples:
 * mammography `{ yearsBefore: 2, fromMonth: 10 }` (1 October two years before), colonoscopy `{ yearsBefore: 9 }`,
 * the year before only `{ yearsBefore: 1, endYearsBefore: 1 }`. No window means the measurement year.
 */
export interface MeasureWindow {
  readonly yearsBefore: number;
  /** 1-12; default 1 (the window opens on 1 January). */
  readonly fromMonth?: number;
  /** Default 0: the window runs to the as-of day of the measurement year. */
  readonly endYearsBefore?: number;
}

/** One way to close (part of) a gap, with its own window when it differs from the measurement year. */
export interface ClosingService {
  readonly id: string;
  readonly codes: GapCodeSet;
  /** Every procedure code must be found (on any claims in the window), e.g. CPT 82043 with 82570. */
  readonly requiresAllProcedureCodes?: boolean;
  /**
   * With `requiresAllProcedureCodes`: the codes count only on service dates at most this many days apart (HEDIS KED:
   * urine albumin and urine creatinine four days or less apart).
   */
  readonly withinDays?: number;
  /** Undefined means the measurement year (1 January to the as-of day). */
  readonly window?: MeasureWindow;
}

/** Who a gap applies to. Age is taken on the last day of the measurement year (HEDIS convention). */
export interface GapEligibility {
  /** Any of these identified conditions (condition-identification ids); empty means everyone. */
  readonly anyCondition: readonly string[];
  readonly sex?: GapMember['sex'];
  readonly minAge: number;
  readonly maxAge: number;
  /** The member also filled one of these classes in the measurement year (e.g. diabetes statin measure). */
  readonly filledDrugClasses?: readonly DrugClass[];
}

/** Exclusion diagnoses looked for in a window of their own (HEDIS SPC/SPD: ESRD in the measurement year or the year before). */
export interface WindowedDiagnoses {
  readonly diagnosisCodePrefixes: readonly string[];
  readonly window: MeasureWindow;
}

/**
 * Members excluded from the gap: a diagnosis in the measurement year, in a window of its own, or at any time in the
 * history kept (permanent states: mastectomy, ESRD, colorectal cancer), a procedure, revenue code or type of bill
 * (hospice services, palliative care) or a fill of a class (e.g. insulin) in the year, or an identified condition.
 */
export interface GapExclusions {
  /** Diagnoses in the measurement year (1 January to the as-of day). */
  readonly diagnosisCodePrefixes: readonly string[];
  /** CPT/HCPCS procedure codes in the measurement year (hospice services, palliative care G9054 and M1017). */
  readonly procedureCodes?: readonly string[];
  /** UB-04 revenue codes on any line of an institutional claim in the measurement year (hospice: 0115 ... 0659). */
  readonly revenueCodes?: readonly string[];
  /** Starts of UB-04 types of bill of institutional claims in the measurement year (hospice: '081', '082'). */
  readonly typeOfBillPrefixes?: readonly string[];
  readonly windowedDiagnoses?: readonly WindowedDiagnoses[];
  /** Checked on every claim passed in, whatever its date (callers pass the longest history they keep). */
  readonly anyTimeDiagnosisCodePrefixes?: readonly string[];
  /** Identified conditions that move the member to another measure (diabetes statin measure: cardiovascular disease). */
  readonly conditions?: readonly string[];
  readonly drugClasses?: readonly DrugClass[];
  readonly note: string;
}

/** Lab control: open when the latest result in the year is above `openAbove` (or there is none). */
export interface ControlCriterion {
  readonly loincCodes: readonly string[];
  /** CPT II result codes that report a band instead of a value, with a representative value for each band. */
  readonly resultCodes: Readonly<Record<string, number>>;
  readonly openAbove: number;
}

/** Adherence (PQA-style proportion of days covered) for one drug-class group. */
export interface AdherenceCriterion {
  readonly drugClasses: readonly DrugClass[];
  readonly minFillsOnDistinctDates: number;
  /** The first fill must be at least this many days before the period end (else too early to judge). */
  readonly minDaysFromFirstFillToPeriodEnd: number;
  readonly minProportionOfDaysCovered: number;
}

/**
 * Late refill, per drug class of the group: open when the as-of day is past the last fill's date plus its days'
 * supply plus the grace days. Only classes filled within `activeWithinDays` count (older therapy is taken as stopped).
 */
export interface RefillCriterion {
  readonly drugClasses: readonly DrugClass[];
  readonly graceDays: number;
  readonly activeWithinDays: number;
}

/** A versioned, data-only care-gap rule. */
export interface GapRule {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly kind: GapKind;
  /** The member is eligible when any of these holds. */
  readonly eligibility: readonly GapEligibility[];
  /** Service rules: every group must be met by one of its services (eGFR AND uACR = two groups). */
  readonly closing?: readonly (readonly ClosingService[])[];
  readonly control?: ControlCriterion;
  readonly adherence?: AdherenceCriterion;
  readonly refill?: RefillCriterion;
  readonly exclusions: GapExclusions;
  /** Who the doctor alert goes to: the attributed primary-care provider, or the prescriber of the last fill. */
  readonly providerAlertTo: 'attributed-pcp' | 'prescriber';
  readonly source: string;
}

/** A member as gap rules see them. */
export interface GapMember {
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  readonly sex: 'female' | 'male' | 'other' | 'unknown';
  /** Identified chronic conditions (condition ids). */
  readonly conditions: readonly string[];
}

/** A claim version as gap rules see it (latest version per claim id; voided claims are left out by the caller). */
export interface GapClaim {
  readonly claimId: string;
  /** YYYY-MM-DD: service date, or fill date for pharmacy claims. */
  readonly serviceDate: string;
  readonly procedureCodes: readonly string[];
  readonly diagnosisCodes: readonly string[];
  readonly labs: ReadonlyArray<{ readonly loincCode: string; readonly value?: number }>;
  /** UB-04 revenue codes of the lines (institutional claims); none when absent. */
  readonly revenueCodes?: readonly string[];
  /** UB-04 type of bill, 4 characters upper case (institutional claims). */
  readonly typeOfBill?: string;
  readonly drugClass?: DrugClass;
  readonly daysSupply?: number;
  readonly prescriberNpi?: string;
}

export type GapReason =
  | 'not-eligible'
  | 'excluded'
  | 'closed'
  | 'no-service'
  | 'poor-control'
  | 'no-result'
  | 'too-early'
  | 'below-threshold'
  | 'refill-late';

/** The outcome of one gap rule for one member as of a day. */
export interface GapEvaluation {
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly eligible: boolean;
  readonly excluded: boolean;
  readonly open: boolean;
  readonly reason: GapReason;
  /** Claims that closed it (services, the in-control result, the fills). */
  readonly closingClaimIds: readonly string[];
  /** Claims behind the outcome either way (fills for adherence and refills, the latest result for control). */
  readonly evidenceClaimIds: readonly string[];
  readonly exclusionClaimIds: readonly string[];
  /** Proportion of days covered (adherence rules). */
  readonly proportionOfDaysCovered?: number;
  /** The day the next fill was due, grace included (refill rules). */
  readonly refillDueBy?: string;
  /** The prescriber of the last fill (refill and adherence rules), for the doctor alert. */
  readonly prescriberNpi?: string;
}

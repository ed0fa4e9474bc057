/** A visit that can trigger a post-visit survey: a routine (preventive) or a problem-oriented (sick) office visit. */
export type VisitKind = 'preventive' | 'sick';

/** The code families of surveyable visits (see `SURVEY_VISIT_CODE_FAMILIES`). */
export type VisitCodeFamilyId =
  | 'office-new'
  | 'office-established'
  | 'nurse-visit'
  | 'preventive-new'
  | 'preventive-established'
  | 'annual-wellness'
  | 'telehealth';

/** A setting that switches an optional code family on (both default off, CLINICAL.md section 5). */
export type OptionalVisitFamilySetting = 'includeNurseVisits' | 'includeTelehealth';

/** One family of procedure codes that describe a surveyable visit. */
export interface VisitCodeFamily {
  readonly id: VisitCodeFamilyId;
  readonly name: string;
  readonly kind: VisitKind;
  readonly codes: readonly string[];
  /** Families counted only when this setting is on. */
  readonly optionalBy?: OptionalVisitFamilySetting;
  readonly source: string;
}

/** Which optional families count. */
export type VisitClassificationOptions = Readonly<Record<OptionalVisitFamilySetting, boolean>>;

/** The claim fields classification reads (as on a normalized claim in @care/contracts). */
export interface VisitClaimInput {
  readonly claimType: 'professional' | 'institutional' | 'pharmacy';
  readonly adjudicationStatus: 'paid' | 'denied' | 'pending';
  readonly frequency: 'original' | 'replacement' | 'void';
  readonly serviceDateFrom: string;
  readonly placeOfService?: string;
  readonly lines?: readonly VisitClaimLineInput[];
}

export interface VisitClaimLineInput {
  readonly lineNumber: number;
  readonly procedureCode?: string;
  readonly modifiers?: readonly string[];
  /** The line's date; the claim's first service date when absent. */
  readonly serviceDate?: string;
}

/** Why a claim describes no surveyable visit. */
export type NotAVisitReason =
  | 'voided'
  | 'institutional'
  | 'pharmacy'
  | 'denied'
  | 'no-office-visit-code'
  | 'nurse-visit-excluded'
  | 'telehealth-excluded';

/** The visit a claim describes, or why it describes none. */
export type VisitClassification =
  | {
      readonly visit: true;
      readonly kind: VisitKind;
      readonly family: VisitCodeFamilyId;
      /** The procedure code of the line that decided the visit. */
      readonly procedureCode: string;
      readonly lineNumber: number;
      readonly serviceDate: string;
      /** Delivered by telehealth (telehealth code, place of service 02/10 or a telehealth modifier). */
      readonly telehealth: boolean;
    }
  | { readonly visit: false; readonly reason: NotAVisitReason };

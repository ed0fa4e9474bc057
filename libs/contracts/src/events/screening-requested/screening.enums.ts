/** CONTRACT: the enumerations of `screening-requested` and `screening-completed`. Adding a value is breaking. */

/** Screening instruments (ids of the instrument definitions in @care/clinical). */
export const SCREENING_INSTRUMENTS = ['phq-9', 'phq-2', 'audit-c'] as const;
export type ScreeningInstrument = (typeof SCREENING_INSTRUMENTS)[number];

/**
 * Why a screening is requested: a case was opened, the member enrolled in a program, a scheduled follow-up of a
 * positive PHQ-9 is due, or a positive PHQ-2 pre-screen calls for the full PHQ-9.
 */
export const SCREENING_REQUEST_REASONS = [
  'case-opened',
  'program-enrolled',
  'follow-up',
  'positive-pre-screen',
] as const;
export type ScreeningRequestReason = (typeof SCREENING_REQUEST_REASONS)[number];

/** The request reasons by name, for code (`case-opened` is a reason here, not a topic reference). */
export const SCREENING_REQUEST_REASON = {
  caseOpened: 'case-opened',
  programEnrolled: 'program-enrolled',
  followUp: 'follow-up',
  positivePreScreen: 'positive-pre-screen',
} as const satisfies Record<string, ScreeningRequestReason>;

/** PHQ-9 severity bands (totals 0–4, 5–9, 10–14, 15–19, 20–27). */
export const PHQ9_SEVERITIES = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'] as const;
export type Phq9SeverityBand = (typeof PHQ9_SEVERITIES)[number];

/**
 * Routing priority of a completed screening for the casework queue: `urgent` for a safety risk (PHQ-9 item 9
 * above 0: same-day follow-up), `high` for another positive screen, `routine` otherwise.
 */
export const SCREENING_PRIORITIES = ['urgent', 'high', 'routine'] as const;
export type ScreeningPriority = (typeof SCREENING_PRIORITIES)[number];

/** How the answers reached the platform: given to a coach (direct API) or a FHIR QuestionnaireResponse. */
export const SCREENING_SOURCES = ['coach', 'fhir'] as const;
export type ScreeningSource = (typeof SCREENING_SOURCES)[number];

/** Which AUDIT-C cut-off applied: the member's sex, or the sensitive one for other or unknown sex. */
export const AUDIT_C_CUTOFF_BASES = ['male', 'female', 'other-or-unknown'] as const;
export type AuditCCutoffBasisName = (typeof AUDIT_C_CUTOFF_BASES)[number];

/**
 * A screening id: 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit (a UUID from a coach's
 * application, or a FHIR resource id).
 */
export const SCREENING_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The message of a {@link SCREENING_ID_PATTERN} rule. */
export const SCREENING_ID_MESSAGE =
  "$property must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit";

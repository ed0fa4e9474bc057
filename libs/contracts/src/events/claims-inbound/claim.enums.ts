/** CONTRACT: the enumerations of a claim. Adding a value is a breaking change for consumers (they reject it). */

/** The kind of claim: 837P professional, 837I institutional (UB-04), or an NCPDP pharmacy claim. */
export const CLAIM_TYPES = ['professional', 'institutional', 'pharmacy'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Claim frequency (X12 CLM05-3): an original claim, a replacement of an earlier version, or a void. */
export const CLAIM_FREQUENCIES = ['original', 'replacement', 'void'] as const;
export type ClaimFrequency = (typeof CLAIM_FREQUENCIES)[number];

/** The X12 CLM05-3 frequency code of each claim frequency. */
export const X12_CLAIM_FREQUENCY_CODES: Readonly<Record<ClaimFrequency, '1' | '7' | '8'>> = {
  original: '1',
  replacement: '7',
  void: '8',
};

/** Adjudication status of the claim in the claims system. */
export const ADJUDICATION_STATUSES = ['paid', 'denied', 'pending'] as const;
export type AdjudicationStatus = (typeof ADJUDICATION_STATUSES)[number];

/**
 * Unit of the quantity of a drug given on a claim line (X12 CTP05-1): F2 international unit, GR gram, ME milligram,
 * ML millilitre, UN unit.
 */
export const LINE_DRUG_UNITS = ['F2', 'GR', 'ME', 'ML', 'UN'] as const;
export type LineDrugUnit = (typeof LINE_DRUG_UNITS)[number];

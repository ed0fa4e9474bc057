import type { ClaimQualification } from '../condition-rule.types';

/** Version stamp of every rule modelled on the CCW 2023 categories (older reference-period configuration). */
export const CCW_RULE_VERSION = 'ccw-2023.1';

/** CCW claims qualification: 1 inpatient/SNF/home-health claim, or 2 hospital-outpatient/carrier claims on distinct dates. */
export const CCW_QUALIFYING = {
  singleClaimSettings: ['inpatient', 'skilled-nursing', 'home-health'],
  distinctDateSettings: ['outpatient', 'professional'],
  claimsOnDistinctDates: 2,
} as const satisfies ClaimQualification;

/** Palliative-care encounter (Z51.5): product choice, excludes the member from every chronic-condition program. */
export const PALLIATIVE_CARE_EXCLUSION_PREFIXES = ['Z515'] as const;

/** Pharmacy look-back in months (CLINICAL.md product choice). */
export const PHARMACY_PERIOD_MONTHS = 12;

/** Fills on distinct dates needed for pharmacy evidence (CLINICAL.md product choice). */
export const PHARMACY_MIN_FILLS = 2;

/** Self-reported look-back: health assessments older than this are not evidence. */
export const SELF_REPORTED_PERIOD_MONTHS = 12;

/** Source note shared by every CCW-style rule. */
export const CCW_SOURCE =
  'CCW condition categories (ccwdata.org); Tuva Project seed chronic_conditions__cms_chronic_conditions_hierarchy.csv (2023); ' +
  'PHSKC-APDE/claims_data load_ccw.R (two-claim rule on different dates)';

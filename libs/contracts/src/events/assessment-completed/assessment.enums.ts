/**
 * CONTRACT: biometrics a health assessment may report, each with its unit fixed by the code.
 * `hba1c-percent` (%, LOINC 4548-4), `bp-systolic` / `bp-diastolic` (mm[Hg], LOINC 8480-6 / 8462-4),
 * `bmi` (kg/m2, LOINC 39156-5), `ldl-mg-dl` (mg/dL, LOINC 13457-7).
 */
export const BIOMETRIC_CODES = ['hba1c-percent', 'bp-systolic', 'bp-diastolic', 'bmi', 'ldl-mg-dl'] as const;
export type BiometricCode = (typeof BIOMETRIC_CODES)[number];

/** Plausible physiological range per biometric: a value outside it is a data error, not a finding. */
export const BIOMETRIC_RANGES: Readonly<Record<BiometricCode, { readonly min: number; readonly max: number }>> = {
  'hba1c-percent': { min: 2, max: 25 },
  'bp-systolic': { min: 50, max: 300 },
  'bp-diastolic': { min: 20, max: 200 },
  bmi: { min: 8, max: 150 },
  'ldl-mg-dl': { min: 5, max: 1000 },
};

/**
 * A self-reported condition code: lower-case kebab case (`diabetes`, `heart-failure`). Checked by shape rather
 * than against today's rule catalog, so a vendor may report conditions no rule uses yet (they are ignored).
 */
export const SELF_REPORTED_CONDITION_PATTERN = /^[a-z][a-z0-9-]{1,63}$/;

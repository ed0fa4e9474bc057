import type { GapRule } from '../gap-rule.types';
import {
  codeRange,
  ESRD_PREFIXES,
  GAP_RULE_VERSION,
  HOSPICE_AND_PALLIATIVE_CARE,
  PALLIATIVE_CARE_PREFIXES,
} from './gap-shared.rule-data';

const DIABETES_18_75 = [{ anyCondition: ['diabetes'], minAge: 18, maxAge: 75 }] as const;

/** HbA1c lab LOINC codes and CPT/CPT II codes (CLINICAL.md section 3). */
const HBA1C_LOINC = ['4548-4', '4549-2', '17855-8', '17856-6', '96595-4'];
const HBA1C_RESULT_CODES = { '3044F': 6.9, '3051F': 7.5, '3052F': 8.5, '3046F': 9.1 } as const;

/** Diabetes: an HbA1c test in the measurement year. */
export const DIABETES_HBA1C_TESTING_RULE = {
  id: 'diabetes-hba1c-testing',
  version: GAP_RULE_VERSION,
  name: 'Diabetes: HbA1c testing',
  kind: 'service',
  eligibility: DIABETES_18_75,
  closing: [
    [
      {
        id: 'hba1c-test',
        codes: {
          procedureCodes: ['83036', '83037', ...Object.keys(HBA1C_RESULT_CODES)],
          loincCodes: HBA1C_LOINC,
        },
      },
    ],
  ],
  exclusions: {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    ...HOSPICE_AND_PALLIATIVE_CARE,
    note: 'Palliative care and hospice services in the measurement year.',
  },
  providerAlertTo: 'attributed-pcp',
  source: 'CLINICAL.md section 3 (HEDIS HBD-style testing; LOINC/CPT from public eCQM value sets)',
} as const satisfies GapRule;

/**
 * Diabetes: HbA1c poor control, open when the latest result of the year is above 9.0 % or there is none. CPT II
 * result codes stand for their band (3044F < 7, 3051F 7-8, 3052F 8-9, 3046F > 9).
 */
export const DIABETES_HBA1C_CONTROL_RULE = {
  id: 'diabetes-hba1c-poor-control',
  version: GAP_RULE_VERSION,
  name: 'Diabetes: HbA1c above 9 %',
  kind: 'control',
  eligibility: DIABETES_18_75,
  control: { loincCodes: HBA1C_LOINC, resultCodes: HBA1C_RESULT_CODES, openAbove: 9 },
  exclusions: {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    ...HOSPICE_AND_PALLIATIVE_CARE,
    note: 'Palliative care and hospice services in the measurement year.',
  },
  providerAlertTo: 'attributed-pcp',
  source: 'CLINICAL.md section 3 (HEDIS HBD poor control > 9.0 %)',
} as const satisfies GapRule;

/**
 * Diabetes: a retinal or dilated eye exam in the measurement year, or one negative for retinopathy in the year before
 * (HEDIS EED). On claims a negative exam is a CPT II result code without retinopathy (2023F, 2025F, 2033F); 3072F
 * (low risk: no retinopathy in the prior year) is billed in the measurement year and counts there.
 */
export const DIABETES_EYE_EXAM_RULE = {
  id: 'diabetes-eye-exam',
  version: GAP_RULE_VERSION,
  name: 'Diabetes: eye exam',
  kind: 'service',
  eligibility: DIABETES_18_75,
  closing: [
    [
      {
        id: 'eye-exam',
        codes: {
          procedureCodes: [
            ...codeRange('2022F', '2026F'),
            '2033F',
            '3072F',
            '92002',
            '92004',
            '92012',
            '92014',
            '92134',
            ...codeRange('92227', '92229'),
            '92250',
            // retinal procedures (subset of 67028-67228)
            '67028',
            '67030',
            '67031',
            '67036',
            '67039',
            '67040',
            '67041',
            '67042',
            '67043',
            '67101',
            '67105',
            '67107',
            '67108',
            '67110',
            '67113',
            '67121',
            '67141',
            '67145',
            '67208',
            '67210',
            '67218',
            '67220',
            '67221',
            '67227',
            '67228',
            'S0620',
            'S0621',
            'S3000',
          ],
        },
      },
      {
        id: 'eye-exam-negative-prior-year',
        codes: { procedureCodes: ['2023F', '2025F', '2033F'] },
        window: { yearsBefore: 1, endYearsBefore: 1 },
      },
    ],
  ],
  exclusions: {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    ...HOSPICE_AND_PALLIATIVE_CARE,
    note: 'Palliative care and hospice services in the measurement year.',
  },
  providerAlertTo: 'attributed-pcp',
  source:
    'HEDIS EED: exam in the measurement year or a negative one in the year before; codes CLINICAL.md section 3 (CPT II, CPT, HCPCS)',
} as const satisfies GapRule;

/**
 * Diabetes: kidney health evaluation, an eGFR and a urine albumin-creatinine ratio in the measurement year; a uACR by
 * CPT is a quantitative urine albumin (82043) and a urine creatinine (82570) four days or less apart (HEDIS KED).
 */
export const DIABETES_KIDNEY_EVALUATION_RULE = {
  id: 'diabetes-kidney-health-evaluation',
  version: GAP_RULE_VERSION,
  name: 'Diabetes: kidney health evaluation',
  kind: 'service',
  eligibility: [{ anyCondition: ['diabetes'], minAge: 18, maxAge: 85 }],
  closing: [
    [
      {
        id: 'egfr',
        codes: {
          procedureCodes: ['80047', '80048', '80053', '80069', '82565'],
          loincCodes: ['33914-3', '48642-3', '48643-1', '62238-1', '77147-7', '98979-8'],
        },
      },
    ],
    [
      { id: 'uacr-lab', codes: { loincCodes: ['9318-7', '13705-9', '32294-1'] } },
      {
        id: 'uacr-cpt-pair',
        codes: { procedureCodes: ['82043', '82570'] },
        requiresAllProcedureCodes: true,
        withinDays: 4,
      },
    ],
  ],
  exclusions: {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    ...HOSPICE_AND_PALLIATIVE_CARE,
    anyTimeDiagnosisCodePrefixes: ESRD_PREFIXES,
    note: 'Hospice and palliative care this year; end-stage renal disease or dialysis at any time (HEDIS KED).',
  },
  providerAlertTo: 'attributed-pcp',
  source:
    'HEDIS KED: eGFR and uACR in the measurement year (CPT 82043 with 82570 four days or less apart); codes CLINICAL.md section 3',
} as const satisfies GapRule;

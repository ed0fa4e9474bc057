import type { GapRule } from '../gap-rule.types';
import { codeRange, GAP_RULE_VERSION, PALLIATIVE_CARE_PREFIXES } from './gap-shared.rule-data';

/** Breast cancer screening: women 50-74, a mammogram in the last 27 months. */
export const BREAST_CANCER_SCREENING_RULE = {
  id: 'breast-cancer-screening',
  version: GAP_RULE_VERSION,
  name: 'Breast cancer screening',
  kind: 'service',
  eligibility: [{ anyCondition: [], sex: 'female', minAge: 50, maxAge: 74 }],
  closing: [
    [{ id: 'mammography', codes: { procedureCodes: [...codeRange('77061', '77063'), ...codeRange('77065', '77067'), 'G9899'] }, lookbackMonths: 27 }],
  ],
  exclusions: {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    anyTimeDiagnosisCodePrefixes: ['Z9013'],
    note: 'Palliative care this year; bilateral mastectomy (Z90.13) at any time.',
  },
  providerAlertTo: 'attributed-pcp',
  source: 'CLINICAL.md section 3 (HEDIS BCS-E style, 27 months; eCQM uses 51-74, product choice 50-74)',
} as const satisfies GapRule;

/**
 * Colorectal cancer screening, 45-75: any one of FOBT/FIT this year, FIT-DNA in 3 years, flexible sigmoidoscopy or
 * CT colonography in 5 years, colonoscopy in 10 years.
 */
export const COLORECTAL_CANCER_SCREENING_RULE = {
  id: 'colorectal-cancer-screening',
  version: GAP_RULE_VERSION,
  name: 'Colorectal cancer screening',
  kind: 'service',
  eligibility: [{ anyCondition: [], minAge: 45, maxAge: 75 }],
  closing: [
    [
      {
        id: 'colonoscopy',
        lookbackMonths: 120,
        codes: {
          procedureCodes: [
            ...codeRange('44388', '44394'),
            '44397',
            ...codeRange('44401', '44408'),
            '45355',
            ...codeRange('45378', '45393'),
            '45398',
            'G0105',
            'G0121',
          ],
        },
      },
      {
        id: 'flexible-sigmoidoscopy',
        lookbackMonths: 60,
        codes: {
          procedureCodes: [
            ...codeRange('45330', '45335'),
            '45337',
            '45338',
            ...codeRange('45340', '45342'),
            '45346',
            '45347',
            '45349',
            '45350',
            'G0104',
          ],
        },
      },
      { id: 'ct-colonography', lookbackMonths: 60, codes: { procedureCodes: codeRange('74261', '74263') } },
      { id: 'fit-dna', lookbackMonths: 36, codes: { procedureCodes: ['81528'], loincCodes: ['77353-1', '77354-9'] } },
      {
        id: 'fobt',
        codes: {
          procedureCodes: ['82270', '82274', 'G0328'],
          loincCodes: ['2335-8', '12503-9', '27396-1', '29771-3', '56490-6', '57905-2', '58453-2', '80372-6'],
        },
      },
    ],
  ],
  exclusions: {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    anyTimeDiagnosisCodePrefixes: ['C18', 'C19', 'C20', 'Z85038', 'Z85048'],
    note: 'Palliative care this year; colorectal cancer (C18-C20) or its history (Z85.038, Z85.048) at any time.',
  },
  providerAlertTo: 'attributed-pcp',
  source: 'CLINICAL.md section 3 (HEDIS COL-E style windows; CPT, HCPCS, LOINC)',
} as const satisfies GapRule;

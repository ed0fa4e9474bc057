import type { GapRule } from '../gap-rule.types';
import {
  codeRange,
  GAP_RULE_VERSION,
  HOSPICE_AND_PALLIATIVE_CARE,
  PALLIATIVE_CARE_PREFIXES,
} from './gap-shared.rule-data';

/**
 * Breast cancer screening: women 40-74 on 31 December (the ages HEDIS BCS-E MY2025 and eCQM CMS125v14 screen; their
 * denominators start at 42 so that the whole window falls after 40; the platform reaches out from 40), a
 * mammogram from 1 October two years before the measurement year.
 */
export const BREAST_CANCER_SCREENING_RULE = {
  id: 'breast-cancer-screening',
  version: GAP_RULE_VERSION,
  name: 'Breast cancer screening',
  kind: 'service',
  eligibility: [{ anyCondition: [], sex: 'female', minAge: 40, maxAge: 74 }],
  closing: [
    [
      {
        id: 'mammography',
        codes: { procedureCodes: [...codeRange('77061', '77063'), ...codeRange('77065', '77067'), 'G9899'] },
        window: { yearsBefore: 2, fromMonth: 10 },
      },
    ],
  ],
  exclusions: {
    diagnosisCodePrefixes: PALLIATIVE_CARE_PREFIXES,
    ...HOSPICE_AND_PALLIATIVE_CARE,
    anyTimeDiagnosisCodePrefixes: ['Z9013'],
    note: 'Hospice and palliative care this year; bilateral mastectomy (Z90.13) at any time.',
  },
  providerAlertTo: 'attributed-pcp',
  source:
    'HEDIS BCS-E MY2025 / eCQM CMS125v14 (2026): 1 October two years before the measurement year; women screened 40-74 (outreach from 40 on 31 December; the measures count 42-74)',
} as const satisfies GapRule;

/**
 * Colorectal cancer screening, 45-75: any one of FOBT/FIT in the measurement year, FIT-DNA in it or the 2 years
 * before, flexible sigmoidoscopy or CT colonography in it or the 4 years before, colonoscopy in it or the 9 years
 * before (calendar years, HEDIS COL-E).
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
        window: { yearsBefore: 9 },
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
        window: { yearsBefore: 4 },
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
      {
        id: 'ct-colonography',
        window: { yearsBefore: 4 },
        codes: { procedureCodes: codeRange('74261', '74263') },
      },
      {
        id: 'fit-dna',
        window: { yearsBefore: 2 },
        codes: { procedureCodes: ['81528'], loincCodes: ['77353-1', '77354-9'] },
      },
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
    ...HOSPICE_AND_PALLIATIVE_CARE,
    anyTimeDiagnosisCodePrefixes: ['C18', 'C19', 'C20', 'Z85038', 'Z85048'],
    note: 'Hospice and palliative care this year; colorectal cancer (C18-C20) or its history (Z85.038, Z85.048) at any time.',
  },
  providerAlertTo: 'attributed-pcp',
  source:
    'HEDIS COL-E (NCQA measure summary): calendar-year windows; codes CLINICAL.md section 3 (CPT, HCPCS, LOINC)',
} as const satisfies GapRule;

import type { ConditionRule } from '../condition-rule.types';
import {
  CCW_QUALIFYING,
  CCW_RULE_VERSION,
  CCW_SOURCE,
  PALLIATIVE_CARE_EXCLUSION_PREFIXES,
  SELF_REPORTED_PERIOD_MONTHS,
} from './ccw-shared.rule-data';

/** Chronic kidney disease: CCW-style rule, 24-month reference period. */
export const CHRONIC_KIDNEY_DISEASE_RULE = {
  id: 'chronic-kidney-disease',
  version: CCW_RULE_VERSION,
  name: 'Chronic kidney disease',
  referencePeriodMonths: 24,
  diagnosisCodePrefixes: ['N18', 'N01', 'N02', 'N03', 'N04', 'N05', 'N06', 'N07', 'N08', 'N14', 'N15', 'N16', 'N25', 'N26', 'Q61', 'E0821', 'E0822', 'E0829', 'E0921', 'E0922', 'E0929', 'E1021', 'E1022', 'E1029', 'E1121', 'E1122', 'E1129', 'E1321', 'E1322', 'E1329', 'I12', 'I13'],
  qualifying: CCW_QUALIFYING,
  selfReported: {
    conditionCodes: ['chronic-kidney-disease'],
    biometricThresholds: [],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'Z992'],
    note: 'Palliative care; dialysis dependence (Z99.2, managed by the dialysis program).',
  },
  source: CCW_SOURCE,
} as const satisfies ConditionRule;

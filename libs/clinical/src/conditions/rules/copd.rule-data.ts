import type { ConditionRule } from '../condition-rule.types';
import {
  CCW_QUALIFYING,
  CCW_RULE_VERSION,
  CCW_SOURCE,
  PALLIATIVE_CARE_EXCLUSION_PREFIXES,
  SELF_REPORTED_PERIOD_MONTHS,
} from './ccw-shared.rule-data';

/** Chronic obstructive pulmonary disease: CCW-style rule, 12-month reference period. */
export const COPD_RULE = {
  id: 'copd',
  version: CCW_RULE_VERSION,
  name: 'Chronic obstructive pulmonary disease',
  referencePeriodMonths: 12,
  diagnosisCodePrefixes: ['J40', 'J41', 'J42', 'J43', 'J44', 'J47', 'J982', 'J983'],
  qualifying: CCW_QUALIFYING,
  selfReported: {
    conditionCodes: ['copd'],
    biometricThresholds: [],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'Z942'],
    note: 'Palliative care; lung transplant status (Z94.2).',
  },
  source: CCW_SOURCE,
} as const satisfies ConditionRule;

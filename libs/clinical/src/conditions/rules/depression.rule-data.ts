import type { ConditionRule } from '../condition-rule.types';
import {
  CCW_QUALIFYING,
  CCW_RULE_VERSION,
  CCW_SOURCE,
  PALLIATIVE_CARE_EXCLUSION_PREFIXES,
  SELF_REPORTED_PERIOD_MONTHS,
} from './ccw-shared.rule-data';

/** Depression: CCW-style rule, 12-month reference period. */
export const DEPRESSION_RULE = {
  id: 'depression',
  version: CCW_RULE_VERSION,
  name: 'Depression',
  referencePeriodMonths: 12,
  diagnosisCodePrefixes: ['F32', 'F33', 'F341'],
  qualifying: CCW_QUALIFYING,
  selfReported: {
    conditionCodes: ['depression'],
    biometricThresholds: [],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'F31', 'F20', 'F25'],
    note: 'Palliative care; bipolar disorder, schizophrenia, schizoaffective disorder (HEDIS depression-measure exclusions).',
  },
  source: `${CCW_SOURCE}; 12-month period of the older configuration (24 in later releases)`,
} as const satisfies ConditionRule;

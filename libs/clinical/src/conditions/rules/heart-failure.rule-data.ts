import type { ConditionRule } from '../condition-rule.types';
import {
  CCW_QUALIFYING,
  CCW_RULE_VERSION,
  CCW_SOURCE,
  PALLIATIVE_CARE_EXCLUSION_PREFIXES,
  PHARMACY_MIN_FILLS,
  PHARMACY_PERIOD_MONTHS,
  SELF_REPORTED_PERIOD_MONTHS,
} from './ccw-shared.rule-data';

/** Heart failure: CCW-style rule, 24-month reference period. */
export const HEART_FAILURE_RULE = {
  id: 'heart-failure',
  version: CCW_RULE_VERSION,
  name: 'Heart failure',
  referencePeriodMonths: 24,
  diagnosisCodePrefixes: ['I50', 'I110', 'I130', 'I132', 'I0981', 'I420', 'I425', 'I426', 'I427', 'I428', 'I43'],
  qualifying: CCW_QUALIFYING,
  pharmacy: {
    drugClasses: ['loop-diuretic', 'ace-inhibitor', 'arb', 'arni'],
    minFillsOnDistinctDates: PHARMACY_MIN_FILLS,
    periodMonths: PHARMACY_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  selfReported: {
    conditionCodes: ['heart-failure'],
    biometricThresholds: [],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'Z941'],
    note: 'Palliative care; heart transplant status (Z94.1, managed by the transplant program).',
  },
  source: `${CCW_SOURCE}; pharmacy supports only (CLINICAL.md)`,
} as const satisfies ConditionRule;

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

/** Hypertension: CCW-style rule, 12-month reference period. */
export const HYPERTENSION_RULE = {
  id: 'hypertension',
  version: CCW_RULE_VERSION,
  name: 'Hypertension',
  referencePeriodMonths: 12,
  diagnosisCodePrefixes: ['I10', 'I11', 'I12', 'I13', 'I15', 'I674', 'N262', 'H3503'],
  qualifying: CCW_QUALIFYING,
  pharmacy: {
    drugClasses: ['ace-inhibitor', 'arb'],
    minFillsOnDistinctDates: PHARMACY_MIN_FILLS,
    periodMonths: PHARMACY_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  selfReported: {
    conditionCodes: ['hypertension'],
    biometricThresholds: [{ code: 'bp-systolic', atLeast: 140 }, { code: 'bp-diastolic', atLeast: 90 }],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'N186', 'Z992', 'Z940'],
    note: 'Palliative care; ESRD, dialysis dependence, kidney transplant (HEDIS blood-pressure-control exclusions).',
  },
  source: `${CCW_SOURCE}; pharmacy supports only`,
} as const satisfies ConditionRule;

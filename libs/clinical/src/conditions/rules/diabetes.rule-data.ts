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

/** Diabetes: CCW-style rule, 24-month reference period. */
export const DIABETES_RULE = {
  id: 'diabetes',
  version: CCW_RULE_VERSION,
  name: 'Diabetes',
  referencePeriodMonths: 24,
  diagnosisCodePrefixes: ['E08', 'E09', 'E10', 'E11', 'E13'],
  qualifying: CCW_QUALIFYING,
  pharmacy: {
    drugClasses: ['insulin', 'metformin', 'sulfonylurea', 'sglt2-inhibitor', 'glp1-agonist'],
    minFillsOnDistinctDates: PHARMACY_MIN_FILLS,
    periodMonths: PHARMACY_PERIOD_MONTHS,
    sufficientAlone: true,
  },
  selfReported: {
    conditionCodes: ['diabetes'],
    biometricThresholds: [{ code: 'hba1c-percent', atLeast: 6.5 }],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'O244'],
    note: 'Palliative care; gestational diabetes (O24.4, HEDIS-style).',
  },
  source: `${CCW_SOURCE}; pharmacy: CLINICAL.md product choice (antidiabetic fills)`,
} as const satisfies ConditionRule;

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

/** Asthma: CCW-style rule, 12-month reference period. */
export const ASTHMA_RULE = {
  id: 'asthma',
  version: CCW_RULE_VERSION,
  name: 'Asthma',
  referencePeriodMonths: 12,
  diagnosisCodePrefixes: ['J45'],
  qualifying: CCW_QUALIFYING,
  pharmacy: {
    drugClasses: ['inhaled-corticosteroid', 'leukotriene-modifier'],
    minFillsOnDistinctDates: PHARMACY_MIN_FILLS,
    periodMonths: PHARMACY_PERIOD_MONTHS,
    sufficientAlone: true,
  },
  selfReported: {
    conditionCodes: ['asthma'],
    biometricThresholds: [],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'J43', 'J44', 'E84'],
    note: 'Palliative care; emphysema, COPD, cystic fibrosis (HEDIS asthma-medication-ratio exclusions).',
  },
  source: `${CCW_SOURCE}; pharmacy: CLINICAL.md product choice (controller fills)`,
} as const satisfies ConditionRule;

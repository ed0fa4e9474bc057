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

/** Hyperlipidemia: CCW-style rule, 12-month reference period. */
export const HYPERLIPIDEMIA_RULE = {
  id: 'hyperlipidemia',
  version: CCW_RULE_VERSION,
  name: 'Hyperlipidemia',
  referencePeriodMonths: 12,
  diagnosisCodePrefixes: ['E780', 'E781', 'E782', 'E783', 'E784', 'E785'],
  qualifying: CCW_QUALIFYING,
  pharmacy: {
    drugClasses: ['statin'],
    minFillsOnDistinctDates: PHARMACY_MIN_FILLS,
    periodMonths: PHARMACY_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  selfReported: {
    conditionCodes: ['hyperlipidemia'],
    biometricThresholds: [],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'O09', 'Z331'],
    note: 'Palliative care; pregnancy (HEDIS statin-measure exclusion).',
  },
  source: `${CCW_SOURCE}; period: CLINICAL.md product choice; statins support only (primary prevention)`,
} as const satisfies ConditionRule;

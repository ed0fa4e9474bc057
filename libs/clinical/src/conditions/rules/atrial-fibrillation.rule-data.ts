import type { ConditionRule } from '../condition-rule.types';
import {
  CCW_QUALIFYING,
  CCW_RULE_VERSION,
  CCW_SOURCE,
  PALLIATIVE_CARE_EXCLUSION_PREFIXES,
  SELF_REPORTED_PERIOD_MONTHS,
} from './ccw-shared.rule-data';

/** Atrial fibrillation: CCW-style rule, 12-month reference period. */
export const ATRIAL_FIBRILLATION_RULE = {
  id: 'atrial-fibrillation',
  version: CCW_RULE_VERSION,
  name: 'Atrial fibrillation',
  referencePeriodMonths: 12,
  diagnosisCodePrefixes: ['I48'],
  qualifying: CCW_QUALIFYING,
  selfReported: {
    conditionCodes: ['atrial-fibrillation'],
    biometricThresholds: [],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES],
    note: 'Palliative care only.',
  },
  source: `${CCW_SOURCE}; period: CLINICAL.md product choice`,
} as const satisfies ConditionRule;

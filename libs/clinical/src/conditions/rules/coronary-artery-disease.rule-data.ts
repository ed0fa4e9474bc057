import type { ConditionRule } from '../condition-rule.types';
import {
  CCW_QUALIFYING,
  CCW_RULE_VERSION,
  CCW_SOURCE,
  PALLIATIVE_CARE_EXCLUSION_PREFIXES,
  SELF_REPORTED_PERIOD_MONTHS,
} from './ccw-shared.rule-data';

/** Coronary artery disease: CCW-style rule, 24-month reference period. */
export const CORONARY_ARTERY_DISEASE_RULE = {
  id: 'coronary-artery-disease',
  version: CCW_RULE_VERSION,
  name: 'Coronary artery disease',
  referencePeriodMonths: 24,
  diagnosisCodePrefixes: ['I20', 'I21', 'I22', 'I23', 'I24', 'I25'],
  qualifying: CCW_QUALIFYING,
  selfReported: {
    conditionCodes: ['coronary-artery-disease'],
    biometricThresholds: [],
    periodMonths: SELF_REPORTED_PERIOD_MONTHS,
    sufficientAlone: false,
  },
  exclusions: {
    diagnosisCodePrefixes: [...PALLIATIVE_CARE_EXCLUSION_PREFIXES, 'Z941'],
    note: 'Palliative care; heart transplant status (Z94.1).',
  },
  source: `${CCW_SOURCE}; period and code range: CLINICAL.md product choice`,
} as const satisfies ConditionRule;

import type { ConditionRule } from './condition-rule.types';
import { ASTHMA_RULE } from './rules/asthma.rule-data';
import { ATRIAL_FIBRILLATION_RULE } from './rules/atrial-fibrillation.rule-data';
import { CHRONIC_KIDNEY_DISEASE_RULE } from './rules/chronic-kidney-disease.rule-data';
import { COPD_RULE } from './rules/copd.rule-data';
import { CORONARY_ARTERY_DISEASE_RULE } from './rules/coronary-artery-disease.rule-data';
import { DEPRESSION_RULE } from './rules/depression.rule-data';
import { DIABETES_RULE } from './rules/diabetes.rule-data';
import { HEART_FAILURE_RULE } from './rules/heart-failure.rule-data';
import { HYPERLIPIDEMIA_RULE } from './rules/hyperlipidemia.rule-data';
import { HYPERTENSION_RULE } from './rules/hypertension.rule-data';

/** Version of the catalog as a whole; bump when any rule is added, removed or re-versioned. */
export const CONDITION_RULE_CATALOG_VERSION = 'conditions-2026.1';

/** Every chronic-condition rule, in display order. */
export const CONDITION_RULES: readonly ConditionRule[] = [
  DIABETES_RULE,
  HEART_FAILURE_RULE,
  COPD_RULE,
  ASTHMA_RULE,
  HYPERTENSION_RULE,
  CORONARY_ARTERY_DISEASE_RULE,
  CHRONIC_KIDNEY_DISEASE_RULE,
  DEPRESSION_RULE,
  HYPERLIPIDEMIA_RULE,
  ATRIAL_FIBRILLATION_RULE,
];

// Care-gap rules (issue 5); see docs/clinical/care-gap-rules.md.
export * from './gap-rule.types';
export * from './gap-calendar.util';
export * from './proportion-of-days-covered.util';
export * from './evaluate-gap.rule';
export * from './gap-relevance.util';
export * from './gap-rules.catalog';
export {
  codeRange,
  GAP_RULE_VERSION,
  HOSPICE_AND_PALLIATIVE_CARE,
  HOSPICE_PROCEDURE_CODES,
  HOSPICE_REVENUE_CODES,
  HOSPICE_TYPE_OF_BILL_PREFIXES,
  PALLIATIVE_CARE_PROCEDURE_CODES,
} from './rules/gap-shared.rule-data';
export * from './rules/diabetes-care.rule-data';
export * from './rules/preventive-screening.rule-data';
export * from './rules/medication.rule-data';

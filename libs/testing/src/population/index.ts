export * from './population.types';
export { createPopulation, type GeneratedHousehold, type Population } from './population.factory';
export { npiWithCheckDigit } from './npi.util';
export { DEFAULT_MONTHS_OF_HISTORY } from './generation-context';
export type {
  Clinician,
  Facility,
  FacilityKind,
  Practice,
  PracticeSpecialty,
  ProviderPool,
} from './provider-pool.generator';
export {
  CHRONIC_CONDITIONS,
  CHRONIC_CONDITION_KEYS,
  DRUG_PRODUCTS,
  LATE_REFILL_GRACE_DAYS,
  codeMatchesCondition,
  type ConditionCodeSet,
  type DrugKey,
  type DrugProduct,
} from './population-code-sets';

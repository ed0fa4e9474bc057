/** Options of the identification module, from the service settings. */
export interface IdentificationOptions {
  readonly reevaluationIntervalMs: number;
  readonly reevaluationPageSize: number;
  readonly rerunOnRuleChange: boolean;
  /** False in tests that drive the daily re-evaluation themselves. */
  readonly scheduleReevaluation: boolean;
}

/** Nest injection token of the {@link IdentificationOptions}. */
export const CONDITION_IDENTIFICATION_OPTIONS = Symbol('condition-identification.options');

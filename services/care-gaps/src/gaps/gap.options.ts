/** Options of the gaps module, from the service settings. */
export interface GapOptions {
  readonly reviewIntervalMs: number;
  readonly reviewPageSize: number;
  /** False in tests that drive the daily review themselves. */
  readonly scheduleReview: boolean;
}

/** Nest injection token of the {@link GapOptions}. */
export const GAP_OPTIONS = Symbol('care-gaps.options');

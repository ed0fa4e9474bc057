/** Where condition-identification reads "now" from; tests substitute a fixed clock to age evidence. */
export interface Clock {
  now(): Date;
}

/** Nest injection token of the {@link Clock}. */
export const CLOCK = Symbol('condition-identification.clock');

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** The calendar day (UTC, YYYY-MM-DD) of an instant: evaluation is "as of" this day. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** Where a service reads "now" from; tests substitute a clock they move to age data without waiting. */
export interface Clock {
  now(): Date;
}

/** Nest injection token of the service's {@link Clock}. */
export const CLOCK = Symbol('clock');

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** The calendar day (UTC, YYYY-MM-DD) of an instant: rules are evaluated "as of" this day. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

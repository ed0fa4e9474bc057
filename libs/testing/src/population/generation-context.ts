import { DayFormatter, addMonths, parseIsoDate } from './calendar-date.util';
import type { PopulationOptions } from './population.types';
import { createProviderPool, type ProviderPool } from './provider-pool.generator';

/** Default months of claims history. */
export const DEFAULT_MONTHS_OF_HISTORY = 24;
/** Planted condition evidence falls within this many days before a member's last active day. */
export const EVIDENCE_WINDOW_DAYS = 330;
/** Random streams derived from (seed, household, stream). */
export const STREAM = { members: 1, care: 2 } as const;

/** Validated options and shared, read-only state of one population. */
export interface GenerationContext {
  readonly seed: number;
  readonly households: number;
  readonly monthsOfHistory: number;
  readonly asOf: string;
  readonly asOfDay: number;
  /** First day of history: `asOf` minus `monthsOfHistory` months, plus one day. */
  readonly historyStartDay: number;
  readonly providers: ProviderPool;
  readonly days: DayFormatter;
}

/** Validates options and builds the context; throws RangeError on bad options. */
export function createGenerationContext(options: PopulationOptions): GenerationContext {
  const { seed, households, asOf } = options;
  const monthsOfHistory = options.monthsOfHistory ?? DEFAULT_MONTHS_OF_HISTORY;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new RangeError('seed must be an integer 0…4294967295');
  if (!Number.isInteger(households) || households < 0)
    throw new RangeError('households must be a non-negative integer');
  if (!Number.isInteger(monthsOfHistory) || monthsOfHistory < 1 || monthsOfHistory > 120) {
    throw new RangeError('monthsOfHistory must be an integer 1…120');
  }
  const asOfDay = parseIsoDate(asOf);
  return {
    seed,
    households,
    monthsOfHistory,
    asOf,
    asOfDay,
    historyStartDay: addMonths(asOfDay, -monthsOfHistory) + 1,
    providers: createProviderPool(seed),
    days: new DayFormatter(),
  };
}

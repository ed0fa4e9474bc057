import { dayNumber } from './gap-calendar.util';

/** A fill for adherence arithmetic. */
export interface SupplyFill {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly daysSupply: number;
  /** The drug (here: its class); supply carries over only between fills of the same drug. Default: one drug. */
  readonly drug?: string;
}

export interface DaysCovered {
  /** Days from the first fill to the period end, both included. */
  readonly treatmentDays: number;
  readonly coveredDays: number;
  /** coveredDays / treatmentDays, 0 when there is no fill before the period end. */
  readonly proportion: number;
}

/**
 * Proportion of days covered (PQA style, CLINICAL.md section 3): the treatment period runs from the first fill to
 * `periodEnd`. Per drug, fills are taken in date order and, when one starts before the previous supply of the same
 * drug ran out, it starts the day after (supply carries over); each covers `daysSupply` days, cut at the period end.
 * A day counts as covered when any drug covers it (fills of different drugs on the same days do not add up).
 */
export function proportionOfDaysCovered(fills: readonly SupplyFill[], periodEnd: string): DaysCovered {
  const end = dayNumber(periodEnd);
  const usable = fills.filter((fill) => dayNumber(fill.date) <= end && fill.daysSupply > 0);
  if (usable.length === 0) return { treatmentDays: 0, coveredDays: 0, proportion: 0 };
  const start = Math.min(...usable.map((fill) => dayNumber(fill.date)));
  const covered = new Set<number>();
  const drugs = new Map<string, SupplyFill[]>();
  for (const fill of usable) drugs.set(fill.drug ?? '', [...(drugs.get(fill.drug ?? '') ?? []), fill]);
  for (const drugFills of drugs.values()) {
    let nextUncovered = -Infinity;
    for (const fill of [...drugFills].sort((a, b) => a.date.localeCompare(b.date))) {
      const first = Math.max(dayNumber(fill.date), nextUncovered);
      const last = Math.min(first + fill.daysSupply - 1, end);
      for (let day = first; day <= last; day += 1) covered.add(day);
      nextUncovered = first + fill.daysSupply;
    }
  }
  const treatmentDays = end - start + 1;
  return { treatmentDays, coveredDays: covered.size, proportion: covered.size / treatmentDays };
}

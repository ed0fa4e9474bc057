import { dayNumber } from './gap-calendar.util';

/** A fill for adherence arithmetic. */
export interface SupplyFill {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly daysSupply: number;
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
 * `periodEnd`; fills are taken in date order and, when one starts before the previous supply ran out, it starts the
 * day after (supply carries over); each covers `daysSupply` days, cut at the period end.
 */
export function proportionOfDaysCovered(fills: readonly SupplyFill[], periodEnd: string): DaysCovered {
  const end = dayNumber(periodEnd);
  const ordered = fills
    .filter((fill) => dayNumber(fill.date) <= end && fill.daysSupply > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
  const first = ordered[0];
  if (first === undefined) return { treatmentDays: 0, coveredDays: 0, proportion: 0 };
  const treatmentDays = end - dayNumber(first.date) + 1;
  let nextUncovered = dayNumber(first.date);
  let coveredDays = 0;
  for (const fill of ordered) {
    const start = Math.max(dayNumber(fill.date), nextUncovered);
    if (start > end) break;
    const last = Math.min(start + fill.daysSupply - 1, end);
    coveredDays += last - start + 1;
    nextUncovered = last + 1;
  }
  return { treatmentDays, coveredDays, proportion: coveredDays / treatmentDays };
}

import type { InstrumentId } from './instrument.types';

/** One scored screening of a member on one instrument. */
export interface ScoredScreening {
  readonly screeningId: string;
  readonly total: number;
  /** ISO-8601 instant the screening was done. */
  readonly completedAt: string;
}

/**
 * Direction of the latest change. Lower totals are better on PHQ-9, PHQ-2 and AUDIT-C, so a lower total than the
 * previous screening is `improving`. `single-result` when there is nothing to compare with.
 */
export type TrendDirection = 'improving' | 'worsening' | 'unchanged' | 'single-result';

/** PHQ-9 change of at least this many points between two screenings is clinically significant (Löwe 2004). */
export const PHQ9_SIGNIFICANT_CHANGE = 5;
/** PHQ-9 remission: a total below this (Kroenke 2001: < 5 is minimal). */
export const PHQ9_REMISSION_BELOW = 5;
/** PHQ-9 response: the total fell by at least this fraction of the first (baseline) total. */
export const PHQ9_RESPONSE_FRACTION = 0.5;

/** PHQ-9 monitoring measures of the latest screening against the previous one and the first (baseline). */
export interface Phq9Monitoring {
  /** |latest − previous| >= 5; null with a single result. */
  readonly significantChange: boolean | null;
  /** Latest total at most half the baseline total (baseline above 0); null with a single result. */
  readonly response: boolean | null;
  /** Latest total below 5. */
  readonly remission: boolean;
}

/** A member's results on one instrument over time. */
export interface ScreeningTrend {
  readonly instrument: InstrumentId;
  readonly count: number;
  /** Oldest first. */
  readonly series: readonly ScoredScreening[];
  readonly first: ScoredScreening;
  readonly latest: ScoredScreening;
  readonly previous: ScoredScreening | null;
  /** latest − previous (negative is better); null with a single result. */
  readonly changeSincePrevious: number | null;
  /** latest − first (negative is better); null with a single result. */
  readonly changeSinceFirst: number | null;
  readonly direction: TrendDirection;
  /** PHQ-9 only. */
  readonly phq9?: Phq9Monitoring;
}

/**
 * The trend of one instrument's screenings (any order in, oldest first out; equal instants ordered by id so the
 * result does not depend on input order). Returns null for no screenings. Direction compares the latest result
 * with the previous one only; a reader wanting the longer view uses `changeSinceFirst`.
 */
export function screeningTrend(instrument: InstrumentId, screenings: readonly ScoredScreening[]): ScreeningTrend | null {
  if (screenings.length === 0) return null;
  const series = [...screenings].sort(
    (a, b) =>
      Date.parse(a.completedAt) - Date.parse(b.completedAt) || (a.screeningId < b.screeningId ? -1 : a.screeningId > b.screeningId ? 1 : 0),
  );
  const first = series[0];
  const latest = series[series.length - 1];
  const previous = series.length > 1 ? series[series.length - 2] : null;
  const changeSincePrevious = previous === null ? null : latest.total - previous.total;
  const changeSinceFirst = previous === null ? null : latest.total - first.total;
  const direction: TrendDirection =
    changeSincePrevious === null
      ? 'single-result'
      : changeSincePrevious < 0
        ? 'improving'
        : changeSincePrevious > 0
          ? 'worsening'
          : 'unchanged';
  const trend = { instrument, count: series.length, series, first, latest, previous, changeSincePrevious, changeSinceFirst, direction };
  if (instrument !== 'phq-9') return trend;
  return {
    ...trend,
    phq9: {
      significantChange: changeSincePrevious === null ? null : Math.abs(changeSincePrevious) >= PHQ9_SIGNIFICANT_CHANGE,
      response: previous === null || first.total === 0 ? null : latest.total <= first.total * (1 - PHQ9_RESPONSE_FRACTION),
      remission: latest.total < PHQ9_REMISSION_BELOW,
    },
  };
}

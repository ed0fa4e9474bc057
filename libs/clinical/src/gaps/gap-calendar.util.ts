import type { MeasureWindow } from './gap-rule.types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date. */
export const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** YYYY-MM-DD of a day number. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `date` plus `days` days (negative to go back). */
export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days);

/** First and last day of the calendar (measurement) year of `asOf`. */
export function measurementYear(asOf: string): { start: string; end: string } {
  const year = asOf.slice(0, 4);
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Whole years of age on `on` for someone born on `birthDate`. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * First and last day of a window anchored on the measurement year of `asOf` (see `MeasureWindow`); no window is the
 * measurement year. The last day is the as-of day when the window reaches into the measurement year, so a claim dated
 * after the as-of day never counts.
 */
export function measureWindow(
  asOf: string,
  window: MeasureWindow | undefined,
): { start: string; end: string } {
  const year = Number(asOf.slice(0, 4));
  const month = window?.fromMonth ?? 1;
  const endYearsBefore = window?.endYearsBefore ?? 0;
  return {
    start: `${String(year - (window?.yearsBefore ?? 0)).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`,
    end: endYearsBefore === 0 ? asOf : `${String(year - endYearsBefore).padStart(4, '0')}-12-31`,
  };
}

/**
 * Whole months from the first day of the window to the end of its measurement year (the measurement year: 12; from
 * 1 October two years before: 27; nine years before: 120): claims back this many months from any as-of day reach it.
 */
export const measureWindowMonths = (window: MeasureWindow | undefined): number =>
  12 * (window?.yearsBefore ?? 0) + 13 - (window?.fromMonth ?? 1);

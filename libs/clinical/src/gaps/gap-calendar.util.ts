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

/**
 * First day (YYYY-MM-DD) of a period of `months` months ending on `asOf` inclusive:
 * 2024-12-31 with 12 months → 2024-01-01. Day-of-month is clamped (2024-02-29 minus 12 months is 2023-02-28).
 */
export function referencePeriodStart(asOf: string, months: number): string {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) - months;
  const startYear = Math.floor(monthIndex / 12);
  const startMonth = monthIndex - startYear * 12;
  const lastDay = new Date(Date.UTC(startYear, startMonth + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(startYear, startMonth, Math.min(day, lastDay)));
  shifted.setUTCDate(shifted.getUTCDate() + 1);
  return shifted.toISOString().slice(0, 10);
}

/** A reporting period: whole months of visit days, inclusive. */
export interface ReportingPeriod {
  /** As asked: `2026-Q1`, `2026-03` or `2026-01..2026-06`. */
  readonly label: string;
  /** First day (YYYY-MM-DD). */
  readonly from: string;
  /** Last day (YYYY-MM-DD). */
  readonly to: string;
}

/** Longest period a score may cover (two years of visits). */
export const MAX_PERIOD_MONTHS = 24;

export const REPORTING_PERIOD_MESSAGE =
  'period must be a quarter (YYYY-Qn), a month (YYYY-MM) or a range of months (YYYY-MM..YYYY-MM, at most 24 months, start not after end)';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const RANGE = /^(\d{4})-(0[1-9]|1[0-2])\.\.(\d{4})-(0[1-9]|1[0-2])$/;

const firstDay = (year: number, month: number): string =>
  new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
const lastDay = (year: number, month: number): string =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** The period a `period` query parameter names, or undefined when it names none. */
export function parseReportingPeriod(text: string): ReportingPeriod | undefined {
  const quarter = QUARTER.exec(text);
  if (quarter !== null) {
    const year = Number(quarter[1]);
    const last = Number(quarter[2]) * 3;
    return { label: text, from: firstDay(year, last - 2), to: lastDay(year, last) };
  }
  const month = MONTH.exec(text);
  if (month !== null) {
    const [year, number] = [Number(month[1]), Number(month[2])];
    return { label: text, from: firstDay(year, number), to: lastDay(year, number) };
  }
  const range = RANGE.exec(text);
  if (range === null) return undefined;
  const [startYear, startMonth, endYear, endMonth] = range.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const months = (endYear - startYear) * 12 + (endMonth - startMonth) + 1;
  if (months < 1 || months > MAX_PERIOD_MONTHS) return undefined;
  return { label: text, from: firstDay(startYear, startMonth), to: lastDay(endYear, endMonth) };
}

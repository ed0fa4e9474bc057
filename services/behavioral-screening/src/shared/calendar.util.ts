const DAY_MS = 86_400_000;

/** The UTC calendar day (`YYYY-MM-DD`) of an instant, moved by `days`. */
export function utcDayPlus(instant: string | Date, days: number): string {
  const time = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + days * DAY_MS;
  return new Date(time).toISOString().slice(0, 10);
}

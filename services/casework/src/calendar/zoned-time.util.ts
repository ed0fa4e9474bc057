/** A calendar day in a time zone (month 1–12). */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws when Node's ICU data does not know the zone (checked once, at start-up, by the calendar). */
export function assertTimeZone(timeZone: string): void {
  formatterOf(timeZone);
}

/** Wall-clock fields of `instant` in `timeZone` (whole seconds). */
function wallClockOf(instant: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterOf(timeZone).formatToParts(new Date(instant))) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return fields;
}

/** The zone's offset from UTC at `instant`, in ms (America/New_York: -5 h in winter, -4 h in summer). */
export function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (instant - (instant % 1000 + 1000) % 1000);
}

/** The local day `instant` falls on in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClockOf(instant, timeZone);
  return { year, month, day };
}

/** The day `days` after `date` (negative goes back). */
export function plusDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** ISO weekday of a local day: 1 Monday … 7 Sunday. */
export function isoWeekdayOf(date: LocalDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** `YYYY-MM-DD` of a local day. */
export function isoDateOf(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * The instant at `minuteOfDay` minutes after local midnight of `date` in `timeZone` (1440 is the next midnight).
 * Wall times inside a spring-forward gap resolve to the instant after the gap (02:30 becomes 03:30); in the
 * repeated fall-back hour the first (daylight-time) occurrence is taken. Business hours never start inside either.
 */
export function instantAt(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Two refinements find the offset in force at the resulting instant, including across a transition.
  const first = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  const second = wallAsUtc - offsetAt(first, timeZone);
  if (second === first) return first;
  const earlier = Math.min(first, second);
  return offsetAt(earlier, timeZone) === wallAsUtc - earlier ? earlier : Math.max(first, second);
}

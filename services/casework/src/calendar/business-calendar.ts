import { assertTimeZone, instantAt, isoDateOf, isoWeekdayOf, localDateOf, plusDays, type LocalDate } from './zoned-time.util';

/** The named calendars of the work queues. */
export const CALENDAR_NAMES = ['coaching', 'advocacy'] as const;
export type CalendarName = (typeof CALENDAR_NAMES)[number];

/**
 * When a team works: weekdays, opening and closing wall-clock minutes in one time zone, and holidays (local days
 * off). Durations measured against it are real elapsed time inside open hours, so a DST change shortens or
 * lengthens nothing that falls inside the working day.
 */
export interface BusinessCalendar {
  readonly name: CalendarName;
  /** IANA zone, e.g. America/New_York. */
  readonly timeZone: string;
  /** ISO weekdays worked: 1 Monday … 7 Sunday. */
  readonly weekdays: ReadonlySet<number>;
  /** Minutes after local midnight the day opens (9:00 is 540). */
  readonly opensAt: number;
  /** Minutes after local midnight the day closes, after `opensAt`; 1440 is midnight (24:00). */
  readonly closesAt: number;
  /** Local days off, `YYYY-MM-DD`. */
  readonly holidays: ReadonlySet<string>;
}

const HOUR_MS = 3_600_000;
const MONDAY_TO_FRIDAY = new Set([1, 2, 3, 4, 5]);
/** The longest run of closed days searched before concluding that the calendar never opens. */
const MAX_CLOSED_DAYS = 3700;

/** Builds a calendar, checking its hours and zone (a bad definition fails at start-up, not at the first task). */
export function defineCalendar(definition: BusinessCalendar): BusinessCalendar {
  const { opensAt, closesAt, weekdays } = definition;
  if (!Number.isInteger(opensAt) || !Number.isInteger(closesAt) || opensAt < 0 || closesAt > 1440 || opensAt >= closesAt) {
    throw new Error(`calendar ${definition.name}: opening hours must satisfy 0 <= opensAt < closesAt <= 1440`);
  }
  if (weekdays.size === 0 || [...weekdays].some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    throw new Error(`calendar ${definition.name}: weekdays must be ISO weekdays 1-7, at least one`);
  }
  assertTimeZone(definition.timeZone);
  return definition;
}

/**
 * The platform's calendars (CLINICAL.md §1): coaches work Monday–Friday 9:00–21:00, advocates Monday–Friday
 * 8:00–24:00, both Eastern time; both skip the configured holidays.
 */
export function standardCalendars(holidays: readonly string[]): Readonly<Record<CalendarName, BusinessCalendar>> {
  const days = new Set(holidays);
  return {
    coaching: defineCalendar({
      name: 'coaching',
      timeZone: 'America/New_York',
      weekdays: MONDAY_TO_FRIDAY,
      opensAt: 9 * 60,
      closesAt: 21 * 60,
      holidays: days,
    }),
    advocacy: defineCalendar({
      name: 'advocacy',
      timeZone: 'America/New_York',
      weekdays: MONDAY_TO_FRIDAY,
      opensAt: 8 * 60,
      closesAt: 24 * 60,
      holidays: days,
    }),
  };
}

/** True when the team works on this local day (a weekday of the calendar that is not a holiday). */
function isBusinessDay(calendar: BusinessCalendar, date: LocalDate): boolean {
  return calendar.weekdays.has(isoWeekdayOf(date)) && !calendar.holidays.has(isoDateOf(date));
}

/** Open hours of one local day as instants (ms): [opens, closes). */
function openHoursOf(calendar: BusinessCalendar, date: LocalDate): { opens: number; closes: number } {
  return {
    opens: instantAt(date, calendar.opensAt, calendar.timeZone),
    closes: instantAt(date, calendar.closesAt, calendar.timeZone),
  };
}

/** True when `at` falls inside open hours (opening instant included, closing instant excluded). */
export function isWithinBusinessHours(calendar: BusinessCalendar, at: Date): boolean {
  const date = localDateOf(at.getTime(), calendar.timeZone);
  if (!isBusinessDay(calendar, date)) return false;
  const { opens, closes } = openHoursOf(calendar, date);
  return at.getTime() >= opens && at.getTime() < closes;
}

/**
 * The instant `hours` open hours after `from`: time outside open hours (evenings, weekends, holidays) does not
 * count. Starting outside open hours, the count starts at the next opening, so 0 hours gives the next open
 * instant (or `from` itself when open). A deadline that uses up a day exactly is that day's closing time.
 */
export function addBusinessHours(calendar: BusinessCalendar, from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError('hours must be a finite number >= 0');
  let remaining = Math.round(hours * HOUR_MS);
  const cursor = from.getTime();
  let date = localDateOf(cursor, calendar.timeZone);
  for (let closedDays = 0; closedDays <= MAX_CLOSED_DAYS; date = plusDays(date, 1)) {
    if (!isBusinessDay(calendar, date)) {
      closedDays += 1;
      continue;
    }
    const { opens, closes } = openHoursOf(calendar, date);
    const start = Math.max(opens, cursor);
    if (start >= closes) continue;
    closedDays = 0;
    if (remaining <= closes - start) return new Date(start + remaining);
    remaining -= closes - start;
  }
  throw new Error(`calendar ${calendar.name} has no open day within ${MAX_CLOSED_DAYS} days`);
}

/**
 * The opening instant of the first business day after the local day of `from` ("a contact after hours is owed
 * outreach by the next business day": after-hours contacts, and those during hours alike, are owed from then).
 */
export function nextBusinessDayStart(calendar: BusinessCalendar, from: Date): Date {
  let date = plusDays(localDateOf(from.getTime(), calendar.timeZone), 1);
  for (let days = 0; days <= MAX_CLOSED_DAYS; days += 1, date = plusDays(date, 1)) {
    if (isBusinessDay(calendar, date)) return new Date(openHoursOf(calendar, date).opens);
  }
  throw new Error(`calendar ${calendar.name} has no open day within ${MAX_CLOSED_DAYS} days`);
}

/**
 * The closing instant of the business day a contact at `contactAt` is owed outreach on: the same day when it came
 * during open hours, otherwise the next business day (CLINICAL.md §1: callers outside hours are reached the
 * following business day).
 */
export function outreachDueForContact(calendar: BusinessCalendar, contactAt: Date): Date {
  const date = localDateOf(contactAt.getTime(), calendar.timeZone);
  if (isWithinBusinessHours(calendar, contactAt)) return new Date(openHoursOf(calendar, date).closes);
  const opens = isBusinessDay(calendar, date) && contactAt.getTime() < openHoursOf(calendar, date).opens
    ? openHoursOf(calendar, date).opens
    : nextBusinessDayStart(calendar, contactAt).getTime();
  return new Date(openHoursOf(calendar, localDateOf(opens, calendar.timeZone)).closes);
}

/** Parses the holiday setting: ISO dates, checked to be real days. */
export function parseHolidays(raw: string): string[] | { failure: string } {
  const days = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = days.filter((day) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (match === null) return true;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.toISOString().slice(0, 10) !== day;
  });
  return bad.length > 0 ? { failure: 'must be a comma-separated list of real ISO dates (YYYY-MM-DD)' } : days;
}

/**
 * Calendar dates as UTC day numbers (days since 1970-01-01), without `Date` objects in hot paths.
 * Civil conversions follow Howard Hinnant's `days_from_civil` / `civil_from_days`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1–12, day 1–31] of a day number. */
export function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function daysInMonth(year: number, month: number): number {
  return (
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1)
  );
}

/** Parses a real `YYYY-MM-DD` calendar date; throws on anything else. */
export function parseIsoDate(value: string): number {
  const match = ISO_DATE.exec(value);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a real calendar date: ${value}`);
  }
  return daysFromCivil(year, month, day);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: number): string {
  const [year, month, day] = civilFromDays(dayNumber);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The same day of month `months` months later (negative for earlier), clamped to the month's length. */
export function addMonths(dayNumber: number, months: number): number {
  const [year, month, day] = civilFromDays(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Completed years between a birth day and another day. */
export function ageOn(birthDay: number, onDay: number): number {
  const [by, bm, bd] = civilFromDays(birthDay);
  const [y, m, d] = civilFromDays(onDay);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** First day of the month containing the day. */
export function startOfMonth(dayNumber: number): number {
  const [year, month] = civilFromDays(dayNumber);
  return daysFromCivil(year, month, 1);
}

/** Last day of the month containing the day. */
export function endOfMonth(dayNumber: number): number {
  const [year, month] = civilFromDays(dayNumber);
  return daysFromCivil(year, month, daysInMonth(year, month));
}

/** Memoizes {@link formatDay}; one per population (bounded by the distinct days it meets). */
export class DayFormatter {
  private readonly cache = new Map<number, string>();

  format(dayNumber: number): string {
    let text = this.cache.get(dayNumber);
    if (text === undefined) {
      text = formatDay(dayNumber);
      this.cache.set(dayNumber, text);
    }
    return text;
  }
}

import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsCalendarDate}. */
export const IS_CALENDAR_DATE = 'isCalendarDate';

/** The earliest and latest dates accepted anywhere: older or later dates are typing errors or sentinels. */
export const EARLIEST_CALENDAR_DATE = '1900-01-01';
export const LATEST_CALENDAR_DATE = '2199-12-31';

/**
 * A real Gregorian calendar date `YYYY-MM-DD` from 1900-01-01 to 2199-12-31: month lengths and leap years
 * included, so `2025-02-29` and `2025-04-31` do not match. The range is a plausibility bound (no member was born
 * before 1900, no claim is dated after 2199), and it keeps every date storable by every service's database. The
 * same pattern goes into the JSON Schema, so other languages check it exactly.
 */
export const CALENDAR_DATE_PATTERN = new RegExp(
  '^(?:' +
    '(?:19|20|21)\\d{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
    // 29 February: years divisible by 4 (not 1900 or 2100, which end in 00), and 2000.
    '|(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])-02-29' +
    '|2000-02-29' +
    ')$',
);

/** Whether `value` is a real calendar date in `YYYY-MM-DD` form. */
export function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE_PATTERN.test(value);
}

/** Property must be a calendar date (see {@link isCalendarDate}). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CALENDAR_DATE,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a real calendar date YYYY-MM-DD from ${EARLIEST_CALENDAR_DATE} to ${LATEST_CALENDAR_DATE}`,
          options,
        ),
      },
    },
    options,
  );
}

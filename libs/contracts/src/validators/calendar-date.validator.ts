import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsCalendarDate}. */
export const IS_CALENDAR_DATE = 'isCalendarDate';

/**
 * A real proleptic-Gregorian calendar date `YYYY-MM-DD`: month lengths and leap years included, so `2025-02-29`
 * and `2025-04-31` do not match. The same pattern goes into the JSON Schema, so other languages check it exactly.
 */
export const CALENDAR_DATE_PATTERN = new RegExp(
  '^(?:' +
    '\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
    '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29' +
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
          (each) => `${each}$property must be a real calendar date YYYY-MM-DD`,
          options,
        ),
      },
    },
    options,
  );
}

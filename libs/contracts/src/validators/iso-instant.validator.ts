import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date.validator';

/** Constraint name of {@link IsIsoInstant}. */
export const IS_ISO_INSTANT = 'isIsoInstant';
/** An RFC 3339 instant: date, `T`, time with optional fraction, and `Z` or an offset. */
export const ISO_INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Whether `value` is an ISO-8601 / RFC 3339 instant with a real calendar date (`2025-01-15T10:00:00Z`). */
export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT_PATTERN.test(value) && isCalendarDate(value.slice(0, 10));
}

/** Property must be an instant (see {@link isIsoInstant}). */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_ISO_INSTANT,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isIsoInstant(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be an ISO-8601 instant with a time zone (e.g. 2025-01-15T10:00:00Z)`,
          options,
        ),
      },
    },
    options,
  );
}

import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date.validator';

/** Constraint name of {@link IsNotFutureDate}. */
export const IS_NOT_FUTURE_DATE = 'isNotFutureDate';

/** Today's date in UTC as `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whether `value` is a calendar date that is not after today (UTC) at `now`. */
export function isNotFutureDate(value: string, now: Date = new Date()): boolean {
  return isCalendarDate(value) && value <= todayUtc(now);
}

/**
 * Property must not be after today (UTC). Values that are not calendar dates pass this rule: pair it with
 * `IsCalendarDate`, which reports them, so a malformed date is reported once.
 */
export function IsNotFutureDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_NOT_FUTURE_DATE,
      validator: {
        validate: (value: unknown): boolean =>
          typeof value !== 'string' || !isCalendarDate(value) || isNotFutureDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must not be after today (UTC)`, options),
      },
    },
    options,
  );
}

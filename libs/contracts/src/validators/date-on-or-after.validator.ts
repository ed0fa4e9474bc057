import { buildMessage, ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date.validator';

/** Constraint name of {@link IsOnOrAfter}; its constraint 0 is the other property's name. */
export const IS_ON_OR_AFTER = 'isOnOrAfter';

/** Whether calendar date `value` is on or after calendar date `other` (both `YYYY-MM-DD`). */
export function isOnOrAfter(value: string, other: string): boolean {
  return isCalendarDate(value) && isCalendarDate(other) && value >= other;
}

/**
 * Cross-field rule: the property (a calendar date) must be on or after the date in `otherProperty` of the same
 * object. Skipped when either side is not a calendar date, since `IsCalendarDate` reports that; the error is
 * reported on this property.
 */
export function IsOnOrAfter(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_ON_OR_AFTER,
      constraints: [otherProperty],
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean => {
          const other: unknown =
            args === undefined ? undefined : (args.object as Record<string, unknown>)[otherProperty];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          if (!isCalendarDate(value) || !isCalendarDate(other)) return true;
          return isOnOrAfter(value, other);
        },
        defaultMessage: buildMessage(
          (each) => `${each}$property must be on or after ${otherProperty}`,
          options,
        ),
      },
    },
    options,
  );
}

import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsPlaceOfService}. */
export const IS_PLACE_OF_SERVICE = 'isPlaceOfService';
/** CMS place-of-service code: two digits `01`–`99`. */
export const PLACE_OF_SERVICE_PATTERN = /^(?:0[1-9]|[1-9]\d)$/;

/** Whether `value` is a place-of-service code (`01`–`99`). */
export function isPlaceOfService(value: string): boolean {
  return PLACE_OF_SERVICE_PATTERN.test(value);
}

/** Property must be a place-of-service code (see {@link isPlaceOfService}). */
export function IsPlaceOfService(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_PLACE_OF_SERVICE,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isPlaceOfService(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a place-of-service code 01-99`,
          options,
        ),
      },
    },
    options,
  );
}

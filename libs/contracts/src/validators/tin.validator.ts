import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsTin}. */
export const IS_TIN = 'isTin';
/** A taxpayer identification number (EIN or SSN) as 9 digits, without a dash. */
export const TIN_PATTERN = /^\d{9}$/;

/** Whether `value` is a TIN: exactly 9 digits, no dash. */
export function isValidTin(value: string): boolean {
  return TIN_PATTERN.test(value);
}

/** Property must be a TIN (see {@link isValidTin}). */
export function IsTin(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_TIN,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isValidTin(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a TIN of 9 digits without a dash`,
          options,
        ),
      },
    },
    options,
  );
}

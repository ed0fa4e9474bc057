import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsNpi} (the key in validation errors and in the JSON Schema converters). */
export const IS_NPI = 'isNpi';
/** Shape of an NPI; the check digit is verified by {@link isValidNpi}. */
export const NPI_PATTERN = /^\d{10}$/;
/** ISO 7812 issuer prefix for US health identifiers, prepended before the Luhn check. */
const NPI_LUHN_PREFIX = '80840';

/**
 * Whether `value` is a National Provider Identifier: 10 digits whose last digit is the Luhn check digit
 * computed over `80840` followed by the first 9 digits.
 */
export function isValidNpi(value: string): boolean {
  if (!NPI_PATTERN.test(value)) return false;
  const digits = `${NPI_LUHN_PREFIX}${value}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Property must be a valid NPI (see {@link isValidNpi}). */
export function IsNpi(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_NPI,
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isValidNpi(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a valid NPI (10 digits with a Luhn check digit)`,
          options,
        ),
      },
    },
    options,
  );
}

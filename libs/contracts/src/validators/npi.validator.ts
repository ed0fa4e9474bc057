import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** Constraint name of {@link IsNpi} (the key in validation errors and in the JSON Schema converters). */
export const IS_NPI = 'isNpi';
/** Shape of an NPI; the check digit is verified by {@link isValidNpi}. */
export const NPI_PATTERN = /^\d{10}$/;
/** ISO 7812 issuer prefix for US health identifiers, prepended before the Luhn check. */
const NPI_LUHN_PREFIX = '80840';

/** The Luhn (mod 10) check digit to append to a string of digits. */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) {
    // Counting from the right of the payload, the first digit (next to the check digit) is doubled.
    let digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The NPI check digit of a 9-digit base: Luhn over `80840` followed by the base (CMS NPI check digit standard). */
export function npiCheckDigit(base9: string): number {
  if (!/^\d{9}$/.test(base9)) throw new RangeError('an NPI base is 9 digits');
  return luhnCheckDigit(`${NPI_LUHN_PREFIX}${base9}`);
}

/**
 * Whether `value` is a National Provider Identifier: 10 digits whose last digit is the Luhn check digit
 * computed over `80840` followed by the first 9 digits.
 */
export function isValidNpi(value: string): boolean {
  return NPI_PATTERN.test(value) && npiCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
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

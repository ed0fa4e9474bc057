/**
 * National Provider Identifier check digit: Luhn (mod 10) over the 9-digit base prefixed with `80840`
 * (the ISO card-issuer prefix of the NPI), CMS "NPI Check Digit" standard.
 */

const NINE_DIGITS = /^\d{9}$/;
const TEN_DIGITS = /^\d{10}$/;
/** Luhn contribution of the constant `80840` prefix when the check digit is appended (CMS: add 24). */
const NPI_PREFIX_CONSTANT = 24;

function luhnCheckDigit(base9: string): number {
  let sum = NPI_PREFIX_CONSTANT;
  for (let i = 0; i < 9; i += 1) {
    let digit = base9.charCodeAt(i) - 48;
    // Counting from the right of the 10-digit NPI, positions 2, 4, … are doubled: base index 8, 6, 4, 2, 0.
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Appends the NPI check digit to a 9-digit base. */
export function npiWithCheckDigit(base9: string): string {
  if (!NINE_DIGITS.test(base9)) throw new RangeError('NPI base must be 9 digits');
  return `${base9}${luhnCheckDigit(base9)}`;
}

/** True when the value is 10 digits whose last digit is the Luhn check digit over `80840` + the first nine. */
export function isValidNpi(npi: string): boolean {
  return TEN_DIGITS.test(npi) && luhnCheckDigit(npi.slice(0, 9)) === npi.charCodeAt(9) - 48;
}

/** Generic Luhn validation of a digit string (used by the spec to cross-check with the explicit prefix). */
export function passesLuhn(digits: string): boolean {
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

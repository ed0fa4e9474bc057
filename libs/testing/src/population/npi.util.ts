import { npiCheckDigit } from '@care/contracts';

/** Appends the NPI check digit (Luhn over `80840` + the base, see `npiCheckDigit` in @care/contracts) to a 9-digit base. */
export function npiWithCheckDigit(base9: string): string {
  return `${base9}${npiCheckDigit(base9)}`;
}

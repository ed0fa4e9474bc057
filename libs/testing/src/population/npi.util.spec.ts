import { isValidNpi } from '@care/contracts';
import { npiWithCheckDigit } from './npi.util';
import { SeededRandom } from './seeded-random.util';

/** An independent oracle: the textbook Luhn check over the full digit string. */
function passesLuhn(digits: string): boolean {
  const sum = [...digits].reverse().reduce((total, char, index) => {
    const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
    return total + (digit > 9 ? digit - 9 : digit);
  }, 0);
  return sum % 10 === 0;
}

describe('npiWithCheckDigit', () => {
  it('matches the CMS worked example (123456789 → 1234567893)', () => {
    expect(npiWithCheckDigit('123456789')).toBe('1234567893');
  });

  it('gives NPIs that pass a plain Luhn check over the 80840 prefix, and only with their own check digit', () => {
    const random = new SeededRandom(1);
    for (let i = 0; i < 2000; i += 1) {
      const base = String(random.int(100000000, 299999999));
      const npi = npiWithCheckDigit(base);
      expect(passesLuhn(`80840${npi}`)).toBe(true);
      expect(isValidNpi(npi)).toBe(true);
      const wrong = `${base}${(Number(npi[9]) + 1 + (i % 9)) % 10}`;
      expect(isValidNpi(wrong)).toBe(false);
    }
  });

  it('rejects bases that are not 9 digits', () => {
    expect(() => npiWithCheckDigit('12345678')).toThrow(RangeError);
    expect(() => npiWithCheckDigit('12345678a')).toThrow(RangeError);
  });
});

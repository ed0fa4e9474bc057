import { isValidNpi, npiWithCheckDigit, passesLuhn } from './npi.util';
import { SeededRandom } from './seeded-random.util';

describe('npiWithCheckDigit', () => {
  it('matches the CMS worked example (123456789 → 1234567893)', () => {
    expect(npiWithCheckDigit('123456789')).toBe('1234567893');
  });

  it('agrees with a plain Luhn check over the 80840 prefix for many bases', () => {
    const random = new SeededRandom(1);
    for (let i = 0; i < 2000; i += 1) {
      const base = String(random.int(100000000, 299999999));
      const npi = npiWithCheckDigit(base);
      expect(passesLuhn(`80840${npi}`)).toBe(true);
      expect(isValidNpi(npi)).toBe(true);
    }
  });

  it('rejects bases that are not 9 digits', () => {
    expect(() => npiWithCheckDigit('12345678')).toThrow(RangeError);
    expect(() => npiWithCheckDigit('12345678a')).toThrow(RangeError);
  });
});

describe('isValidNpi', () => {
  it('rejects a wrong check digit and wrong shapes', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678931')).toBe(false);
  });
});

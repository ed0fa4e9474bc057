import { validateSubmission } from '../events/validate-submission';
import { IsNpi, isValidNpi } from './npi.validator';

class Provider {
  @IsNpi()
  npi!: string;
}

describe('isValidNpi', () => {
  it.each([
    ['1234567893'],
    ['1245319599'],
    ['9876543213'],
    ['1111111112'],
    ['1999999992'],
    ['1500000009'],
    ['2000000002'],
    ['1000000004'],
  ])('accepts %s (Luhn check digit over 80840)', (npi) => {
    expect(isValidNpi(npi)).toBe(true);
  });

  it.each([
    ['1234567890', 'wrong check digit'],
    ['1234567891', 'wrong check digit'],
    ['1234567894', 'wrong check digit'],
    ['1245319590', 'wrong check digit'],
    ['9876543210', 'wrong check digit'],
    ['2134567893', 'transposed digits'],
    ['123456789', '9 digits'],
    ['12345678930', '11 digits'],
    ['123456789X', 'letter'],
    [' 1234567893', 'leading space'],
    ['1234-567893', 'dash'],
    ['', 'empty'],
  ])('rejects %s (%s)', (npi) => {
    expect(isValidNpi(npi)).toBe(false);
  });
});

describe('IsNpi', () => {
  it('passes a valid NPI', () => {
    expect(validateSubmission(Provider, { npi: '1234567893' }, { forbidUnknownFields: true }).ok).toBe(true);
  });

  it.each([['1234567890'], [1234567893], [null], [undefined]])('reports %p on the field', (npi) => {
    expect(validateSubmission(Provider, { npi }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [{ field: 'npi', messages: ['npi must be a valid NPI (10 digits with a Luhn check digit)'] }],
    });
  });
});

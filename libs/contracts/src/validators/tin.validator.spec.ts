import { validateSubmission } from '../events/validate-submission';
import { IsTin, isValidTin } from './tin.validator';

class Payee {
  @IsTin()
  tin!: string;
}

describe('isValidTin', () => {
  it.each([
    ['123456789', true],
    ['000000001', true],
    ['12-3456789', false],
    ['12345678', false],
    ['1234567890', false],
    ['12345678a', false],
    ['', false],
  ])('%s -> %s', (tin, expected) => {
    expect(isValidTin(tin)).toBe(expected);
  });
});

describe('IsTin', () => {
  it('names the field and the rule', () => {
    const result = validateSubmission(Payee, { tin: 123456789 }, { forbidUnknownFields: true });
    expect(result).toEqual({
      ok: false,
      issues: [{ field: 'tin', messages: ['tin must be a TIN of 9 digits without a dash'] }],
    });
  });
});

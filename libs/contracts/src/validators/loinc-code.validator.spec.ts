import { validateSubmission } from '../events/validate-submission';
import { IsLoincCode, isLoincCode } from './loinc-code.validator';

class Lab {
  @IsLoincCode()
  loincCode!: string;
}

describe('isLoincCode', () => {
  it.each([
    ['4548-4', true],
    ['2345-7', true],
    ['1-8', true],
    ['1234567-8', true],
    ['4548', false],
    ['4548-', false],
    ['12345678-9', false],
    ['4548-44', false],
    ['a548-4', false],
    ['', false],
  ])('%s -> %s', (code, expected) => {
    expect(isLoincCode(code)).toBe(expected);
  });
});

describe('IsLoincCode', () => {
  it('names the field', () => {
    expect(validateSubmission(Lab, { loincCode: '4548' }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        { field: 'loincCode', messages: ['loincCode must be a LOINC code (digits, hyphen, check digit)'] },
      ],
    });
  });
});

import { validateSubmission } from '../events/validate-submission';
import { IsRevenueCode, isRevenueCode } from './revenue-code.validator';

class Line {
  @IsRevenueCode()
  revenueCode!: string;
}

describe('isRevenueCode', () => {
  it.each([
    ['0450', true],
    ['0636', true],
    ['450', false],
    ['04500', false],
    ['045a', false],
    ['', false],
  ])('%s -> %s', (code, expected) => {
    expect(isRevenueCode(code)).toBe(expected);
  });
});

describe('IsRevenueCode', () => {
  it('names the field', () => {
    expect(validateSubmission(Line, { revenueCode: 450 }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [{ field: 'revenueCode', messages: ['revenueCode must be a revenue code of 4 digits'] }],
    });
  });
});

import { validateSubmission } from '../events/validate-submission';
import { IsTypeOfBill, isTypeOfBill } from './type-of-bill.validator';

class Claim {
  @IsTypeOfBill()
  typeOfBill!: string;
}

describe('isTypeOfBill', () => {
  it.each([
    ['0111', true],
    ['0131', true],
    ['0211', true],
    ['0321', true],
    ['013A', true],
    ['013a', true],
    ['111', false],
    ['1111', false],
    ['01111', false],
    ['013-', false],
    ['0A11', false],
    ['', false],
  ])('%s -> %s', (code, expected) => {
    expect(isTypeOfBill(code)).toBe(expected);
  });
});

describe('IsTypeOfBill', () => {
  it('names the field', () => {
    expect(validateSubmission(Claim, { typeOfBill: '111' }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        { field: 'typeOfBill', messages: ['typeOfBill must be a 4-character type of bill starting with 0'] },
      ],
    });
  });
});

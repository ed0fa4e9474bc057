import { validateSubmission } from '../events/validate-submission';
import { IsMoneyAmount, isMoneyAmount } from './money.validator';

class Charge {
  @IsMoneyAmount()
  amount!: number;
}

describe('isMoneyAmount', () => {
  it.each([[0], [1], [12.5], [12.34], [0.01], [100000.01], [99999999.99], [999999999.99]])(
    'accepts %p',
    (amount) => {
      expect(isMoneyAmount(amount)).toBe(true);
    },
  );

  it.each([
    [-1, 'negative'],
    [-0.01, 'negative'],
    [0.001, 'three decimals'],
    [12.345, 'three decimals'],
    [0.1 + 0.2, 'floating-point noise'],
    [1e-7, 'exponent notation'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'infinite'],
    [1_000_000_000, 'over the largest amount'],
    [1e13, 'past numeric(14,2): the database refused it with a 500 before'],
  ])('rejects %p (%s)', (amount) => {
    expect(isMoneyAmount(amount)).toBe(false);
  });

  it('accepts an amount written with a trailing zero in JSON', () => {
    const parsed = JSON.parse('{"amount": 12.50}') as { amount: number };
    expect(isMoneyAmount(parsed.amount)).toBe(true);
  });
});

describe('IsMoneyAmount', () => {
  it.each([['12.50'], [12.345], [-1], [null]])('reports %p on the field', (amount) => {
    expect(validateSubmission(Charge, { amount }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        {
          field: 'amount',
          messages: ['amount must be an amount from 0 to 999999999.99 with at most 2 decimal places'],
        },
      ],
    });
  });
});

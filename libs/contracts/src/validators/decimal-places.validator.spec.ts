import { validateSubmission } from '../events/validate-submission';
import { HasAtMostDecimals, hasAtMostDecimals } from './decimal-places.validator';

class Units {
  @HasAtMostDecimals(3)
  units!: number;
}

describe('hasAtMostDecimals', () => {
  it.each([[0], [1], [1.5], [2.125], [9999], [-1.25]])('accepts %p with at most 3 decimals', (value) => {
    expect(hasAtMostDecimals(value, 3)).toBe(true);
  });

  it.each([[1.2345], [1e-7], [1e21], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects %p', (value) => {
    expect(hasAtMostDecimals(value, 3)).toBe(false);
  });
});

describe('HasAtMostDecimals', () => {
  // class-validator's IsNumber({ maxDecimalPlaces }) threw on these ("1e+21" has no "."), and intake answered 500.
  it.each([[1e21], [1e-7], [1.2345]])('reports %p on the field instead of throwing', (units) => {
    expect(validateSubmission(Units, { units }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [{ field: 'units', messages: ['units must be a number with at most 3 decimal places'] }],
    });
  });
});

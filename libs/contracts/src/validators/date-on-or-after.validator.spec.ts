import { validateSubmission } from '../events/validate-submission';
import { IsCalendarDate } from './calendar-date.validator';
import { IsOnOrAfter, isOnOrAfter } from './date-on-or-after.validator';

class Period {
  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  @IsOnOrAfter('from')
  to!: string;
}

describe('isOnOrAfter', () => {
  it.each([
    ['2025-01-15', '2025-01-15', true],
    ['2025-01-16', '2025-01-15', true],
    ['2026-01-01', '2025-12-31', true],
    ['2025-01-14', '2025-01-15', false],
    ['2024-12-31', '2025-01-01', false],
    ['2025-02-30', '2025-01-01', false],
  ])('%s on or after %s -> %s', (value, other, expected) => {
    expect(isOnOrAfter(value, other)).toBe(expected);
  });
});

describe('IsOnOrAfter', () => {
  const validate = (plain: object) => validateSubmission(Period, plain, { forbidUnknownFields: true });

  it('accepts equal and later dates', () => {
    expect(validate({ from: '2025-01-15', to: '2025-01-15' }).ok).toBe(true);
    expect(validate({ from: '2025-01-15', to: '2025-02-01' }).ok).toBe(true);
  });

  it('reports an earlier date on the later field', () => {
    expect(validate({ from: '2025-01-15', to: '2025-01-14' })).toEqual({
      ok: false,
      issues: [{ field: 'to', messages: ['to must be on or after from'] }],
    });
  });

  it('leaves malformed dates to IsCalendarDate', () => {
    expect(validate({ from: 'soon', to: '2025-01-14' })).toEqual({
      ok: false,
      issues: [
        {
          field: 'from',
          messages: ['from must be a real calendar date YYYY-MM-DD from 1900-01-01 to 2199-12-31'],
        },
      ],
    });
  });
});

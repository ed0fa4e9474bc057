import { validateSubmission } from '../events/validate-submission';
import { IsNdc, isNdc, normalizeNdc } from './ndc.validator';

class Fill {
  @IsNdc()
  ndc!: string;
}

describe('normalizeNdc', () => {
  it.each([
    ['00093104801', '00093104801'],
    ['00093-1048-01', '00093104801'],
    ['50090-2875-00', '50090287500'],
  ])('%s -> %s', (ndc, expected) => {
    expect(isNdc(ndc)).toBe(true);
    expect(normalizeNdc(ndc)).toBe(expected);
  });

  it.each([
    ['0093-1048-01', '4-4-2 (10 digits, ambiguous)'],
    ['00093-048-01', '5-3-2'],
    ['00093-1048-1', '5-4-1'],
    ['0009310480', '10 digits'],
    ['000931048011', '12 digits'],
    ['00093 1048 01', 'spaces'],
    ['0009-31048-01', 'hyphens misplaced'],
    ['abcdefghijk', 'letters'],
    ['', 'empty'],
  ])('rejects %s (%s)', (ndc) => {
    expect(isNdc(ndc)).toBe(false);
    expect(normalizeNdc(ndc)).toBeUndefined();
  });
});

describe('IsNdc', () => {
  it('names the field', () => {
    expect(validateSubmission(Fill, { ndc: '0093-1048-01' }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        { field: 'ndc', messages: ['ndc must be an NDC of 11 digits or in the 5-4-2 hyphenated form'] },
      ],
    });
  });
});

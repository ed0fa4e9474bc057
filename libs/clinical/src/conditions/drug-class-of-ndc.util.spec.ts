import { drugClassOfNdc } from './drug-class-of-ndc.util';

describe('drugClassOfNdc', () => {
  it.each([
    ['11-digit metformin', '00093104801', 'metformin'],
    ['hyphenated 5-4-2 insulin', '00088-2220-33', 'insulin'],
    ['inhaled corticosteroid', '00173071820', 'inhaled-corticosteroid'],
    ['ARNI', '00078065920', 'arni'],
    ['unknown NDC', '99999999999', null],
    ['10-digit NDC is not converted', '0093104801', null],
    ['not digits', 'abc', null],
  ] as const)('%s', (_description, ndc, drugClass) => {
    expect(drugClassOfNdc(ndc)).toBe(drugClass);
  });
});

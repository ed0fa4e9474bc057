import { normalizeNdc } from './normalize-ndc.util';

describe('normalizeNdc', () => {
  it.each([
    ['11 digits stay as they are', '00093104801', '00093104801'],
    ['5-4-2 with hyphens loses them', '00093-1048-01', '00093104801'],
    ['4-4-2 pads the labeler', '0093-1048-01', '00093104801'],
    ['5-3-2 pads the product', '50090-348-00', '50090034800'],
    ['5-4-1 pads the package', '68180-0513-1', '68180051301'],
    ['surrounding spaces are ignored', ' 0002-7510-01 ', '00002751001'],
  ])('%s', (_case, ndc, expected) => {
    expect(normalizeNdc(ndc)).toBe(expected);
  });

  it.each([
    ['10 digits without hyphens (ambiguous)', '0093104801'],
    ['12 digits', '000931048011'],
    ['two segments', '00093-104801'],
    ['a 3-5-2 shape', '009-31048-01'],
    ['letters', '0009A-1048-01'],
    ['an empty segment', '00093--01'],
    ['empty', ''],
  ])('refuses %s', (_case, ndc) => {
    expect(normalizeNdc(ndc)).toBeNull();
  });
});

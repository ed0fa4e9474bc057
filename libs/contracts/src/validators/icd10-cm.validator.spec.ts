import { validateSubmission } from '../events/validate-submission';
import { IsIcd10CmCode, isIcd10CmCode, normalizeIcd10Code } from './icd10-cm.validator';

class Dx {
  @IsIcd10CmCode()
  code!: string;
}

describe('isIcd10CmCode', () => {
  it.each([
    ['E11.9'],
    ['E119'],
    ['e11.9'],
    ['I10'],
    ['Z79.4'],
    ['S72.001A'],
    ['S72001A'],
    ['A000'],
    ['U07.1'],
    ['O9A.1'],
  ])('accepts %s', (code) => {
    expect(isIcd10CmCode(code)).toBe(true);
  });

  it.each([
    ['E1', 'too short'],
    ['11.9', 'starts with a digit'],
    ['EE1.9', 'second character not a digit'],
    ['E11.', 'dot without a suffix'],
    ['E.119', 'dot after the first character'],
    ['E1.19', 'dot after the second character'],
    ['E11.99999', 'five characters after the dot'],
    ['E1199999', 'eight characters'],
    ['E11-9', 'dash'],
    ['E11..9', 'two dots'],
    ['', 'empty'],
  ])('rejects %s (%s)', (code) => {
    expect(isIcd10CmCode(code)).toBe(false);
  });
});

describe('normalizeIcd10Code', () => {
  it.each([
    ['E11.9', 'E119'],
    ['e11.9', 'E119'],
    ['I10', 'I10'],
    ['s72.001a', 'S72001A'],
    ['E119', 'E119'],
  ])('%s -> %s', (code, expected) => {
    expect(normalizeIcd10Code(code)).toBe(expected);
  });
});

describe('IsIcd10CmCode', () => {
  it('names the field', () => {
    expect(validateSubmission(Dx, { code: 'E11.' }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [{ field: 'code', messages: ['code must be an ICD-10-CM code'] }],
    });
  });
});

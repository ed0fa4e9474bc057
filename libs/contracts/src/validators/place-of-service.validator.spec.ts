import { validateSubmission } from '../events/validate-submission';
import { IsPlaceOfService, isPlaceOfService } from './place-of-service.validator';

class Claim {
  @IsPlaceOfService()
  placeOfService!: string;
}

describe('isPlaceOfService', () => {
  it.each([
    ['01', true],
    ['11', true],
    ['23', true],
    ['99', true],
    ['00', false],
    ['1', false],
    ['100', false],
    ['1a', false],
    ['', false],
  ])('%s -> %s', (code, expected) => {
    expect(isPlaceOfService(code)).toBe(expected);
  });
});

describe('IsPlaceOfService', () => {
  it('rejects a number and names the field', () => {
    expect(validateSubmission(Claim, { placeOfService: 11 }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        { field: 'placeOfService', messages: ['placeOfService must be a place-of-service code 01-99'] },
      ],
    });
  });
});

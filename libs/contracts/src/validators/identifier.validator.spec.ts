import { isClaimId } from './claim-id.validator';
import { isMemberId } from './member-id.validator';

describe('isMemberId', () => {
  it.each([
    ['M0000001', true],
    ['abc.DEF_12-3', true],
    ['-leading-dash-ok', true],
    ['x'.repeat(50), true],
    ['x'.repeat(51), false],
    ['', false],
    ['M 1', false],
    ['M/1', false],
  ])('%s -> %s', (value, expected) => {
    expect(isMemberId(value)).toBe(expected);
  });
});

describe('isClaimId', () => {
  it.each([
    ['CLM-P-0001', true],
    ['0', true],
    ['a.b_c-d', true],
    ['x'.repeat(50), true],
    ['x'.repeat(51), false],
    ['-CLM', false],
    ['.CLM', false],
    ['CLM 1', false],
    ['', false],
  ])('%s -> %s', (value, expected) => {
    expect(isClaimId(value)).toBe(expected);
  });
});

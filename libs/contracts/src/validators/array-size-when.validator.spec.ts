import { IsArray, IsString } from 'class-validator';
import { validateSubmission } from '../events/validate-submission';
import { ArraySizeWhen } from './array-size-when.validator';

class Basket {
  @IsString()
  kind!: string;

  @IsArray()
  @ArraySizeWhen((basket: Basket) => basket.kind === 'full', { min: 1, max: 3 }, 'kind is full')
  @ArraySizeWhen((basket: Basket) => basket.kind === 'empty', { min: 0, max: 0 }, 'kind is empty')
  items!: string[];
}

describe('ArraySizeWhen', () => {
  const validate = (plain: object) => validateSubmission(Basket, plain, { forbidUnknownFields: true });

  it.each([
    ['full', 1, true],
    ['full', 3, true],
    ['full', 0, false],
    ['full', 4, false],
    ['empty', 0, true],
    ['empty', 1, false],
    ['other', 7, true],
  ])('kind %s with %i items -> %s', (kind, count, ok) => {
    expect(validate({ kind, items: Array.from({ length: count }, () => 'x') }).ok).toBe(ok);
  });

  it('names the array and the condition', () => {
    expect(validate({ kind: 'full', items: [] })).toEqual({
      ok: false,
      issues: [{ field: 'items', messages: ['items must contain 1 to 3 items when kind is full'] }],
    });
    expect(validate({ kind: 'empty', items: ['x'] })).toEqual({
      ok: false,
      issues: [{ field: 'items', messages: ['items must be empty when kind is empty'] }],
    });
  });
});

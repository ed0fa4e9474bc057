import { IsArray } from 'class-validator';
import { validateSubmission } from '../events/validate-submission';
import { IsProcedureModifier, isProcedureModifier } from './procedure-modifier.validator';

class Line {
  @IsArray()
  @IsProcedureModifier({ each: true })
  modifiers!: string[];
}

describe('isProcedureModifier', () => {
  it.each([
    ['25', true],
    ['59', true],
    ['LT', true],
    ['lt', true],
    ['5A', true],
    ['A', false],
    ['ABC', false],
    ['2-', false],
    ['', false],
  ])('%s -> %s', (modifier, expected) => {
    expect(isProcedureModifier(modifier)).toBe(expected);
  });
});

describe('IsProcedureModifier', () => {
  it('checks each item and names the array', () => {
    expect(validateSubmission(Line, { modifiers: ['25', 'ABC'] }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        {
          field: 'modifiers',
          messages: ['each value in modifiers must be a two-character alphanumeric modifier'],
        },
      ],
    });
    expect(validateSubmission(Line, { modifiers: ['25', 'lt'] }, { forbidUnknownFields: true }).ok).toBe(
      true,
    );
  });
});

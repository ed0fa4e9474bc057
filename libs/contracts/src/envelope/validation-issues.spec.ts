import { ValidationError } from 'class-validator';
import { describeIssues, toValidationIssues } from './validation-issues';

function error(
  property: string | undefined,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  const result = new ValidationError();
  (result as { property: string | undefined }).property = property;
  if (constraints !== undefined) result.constraints = constraints;
  result.children = children;
  return result;
}

describe('toValidationIssues', () => {
  it('builds dotted and bracketed paths and puts them into the messages', () => {
    const errors = [
      error('lines', undefined, [
        error('2', undefined, [error('procedureCode', { isProcedureCode: 'procedureCode must be a code' })]),
      ]),
      error('optOuts', { isIn: 'each value in optOuts must be one of the following values: surveys' }),
    ];
    expect(toValidationIssues(errors)).toEqual([
      { field: 'lines[2].procedureCode', messages: ['lines[2].procedureCode must be a code'] },
      { field: 'optOuts', messages: ['each value in optOuts must be one of the following values: surveys'] },
    ]);
  });

  it('replaces the property name only where it stands, not inside other words', () => {
    const errors = [
      error('drug', undefined, [error('e', { whitelistValidation: 'property e should not exist' })]),
      error('pro', { whitelistValidation: 'property pro should not exist' }),
      error('value', { isIn: 'each value in value must be one of the following values: a' }),
    ];
    expect(toValidationIssues(errors)).toEqual([
      { field: 'drug.e', messages: ['property drug.e should not exist'] },
      { field: 'pro', messages: ['property pro should not exist'] },
      { field: 'value', messages: ['each value in value must be one of the following values: a'] },
    ]);
    const nested = toValidationIssues([
      error('lab', undefined, [error('value', { isIn: 'each value in value must be a' })]),
    ]);
    expect(nested).toEqual([{ field: 'lab.value', messages: ['each value in lab.value must be a'] }]);
  });

  it('reports an error about the object itself on its parent path, or (root)', () => {
    const unknown = { unknownValue: 'an unknown value was passed to the validate function' };
    expect(toValidationIssues([error(undefined, unknown)])).toEqual([
      { field: '(root)', messages: [unknown.unknownValue] },
    ]);
    expect(toValidationIssues([error('member', undefined, [error(undefined, unknown)])])).toEqual([
      { field: 'member', messages: [unknown.unknownValue] },
    ]);
  });
});

describe('describeIssues', () => {
  it('joins issues into one line', () => {
    expect(
      describeIssues([
        { field: 'a', messages: ['a x', 'a y'] },
        { field: 'b', messages: ['b z'] },
      ]),
    ).toBe('a: a x; a y | b: b z');
  });
});

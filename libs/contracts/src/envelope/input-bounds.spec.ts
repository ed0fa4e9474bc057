import { aValidProfessionalClaim } from '../testing/claim-factory';
import { ClaimSubmission } from '../events/claims-inbound/claim-submission.payload';
import { validateSubmission } from '../events/validate-submission';
import { checkInputBounds, DEFAULT_INPUT_BOUNDS, type InputBounds } from './input-bounds';

const SMALL: InputBounds = { maxDepth: 4, maxArrayLength: 3, maxStringLength: 5, maxObjectKeys: 3 };

/** `{ x: [{ x: [ ... ] }] }` nested `levels` objects deep, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = {};
  for (let level = 1; level < levels; level += 1) value = { x: [value] };
  return value;
}

describe('checkInputBounds', () => {
  it('accepts a value within every bound, and every contract example within the defaults', () => {
    expect(checkInputBounds({ a: [1, 2, 3], b: { c: 'abcde' } }, SMALL)).toEqual([]);
    const claim = aValidProfessionalClaim();
    expect(checkInputBounds({ id: 'x', data: { claim: claim } })).toEqual([]);
  });

  it('reports the first level past the depth, naming its path', () => {
    expect(checkInputBounds({ a: { b: { c: { d: {} } } } }, SMALL)).toEqual([
      { field: 'a.b.c.d', messages: ['a.b.c.d is nested more than 4 levels deep'] },
    ]);
    expect(checkInputBounds([[[[[1]]]]], SMALL)).toEqual([
      { field: '[0][0][0][0]', messages: ['[0][0][0][0] is nested more than 4 levels deep'] },
    ]);
  });

  it('walks a value nested 100,000 deep without overflowing the stack (the consumer crashed on 10,000)', () => {
    const issues = checkInputBounds(nested(100_000));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.messages[0]).toMatch(/is nested more than 16 levels deep$/);
  });

  it('reports an over-long array by its length without looking inside it', () => {
    const items = Array.from({ length: 40_000 }, () => ({ bad: '\u0000'.repeat(10) }));
    expect(checkInputBounds({ lines: items })).toEqual([
      { field: 'lines', messages: ['lines has 40000 items; at most 1000 are accepted'] },
    ]);
  });

  it('reports over-long strings and property names, and objects with too many properties', () => {
    expect(checkInputBounds({ name: 'abcdef', list: ['ok', 'toolong'] }, SMALL)).toEqual([
      { field: 'name', messages: ['name is longer than 5 characters'] },
      { field: 'list[1]', messages: ['list[1] is longer than 5 characters'] },
    ]);
    expect(checkInputBounds({ inner: { abcdefgh: 1 } }, SMALL)).toEqual([
      { field: 'inner', messages: ['a property name in inner is longer than 5 characters'] },
    ]);
    expect(checkInputBounds({ o: { a: 1, b: 2, c: 3, d: 4 } }, SMALL)).toEqual([
      { field: 'o', messages: ['o has 4 properties; at most 3 are accepted'] },
    ]);
  });

  it('reports a NUL character in any string or property name, never the value', () => {
    expect(checkInputBounds({ labResult: { unit: 'mg\u0000dL' }, ['k\u0000']: 1 })).toEqual([
      { field: 'labResult.unit', messages: ['labResult.unit must not contain the NUL character (U+0000)'] },
      {
        field: '(root)',
        messages: ['a property name in (root) must not contain the NUL character (U+0000)'],
      },
    ]);
  });

  it('reports a lone surrogate (not Unicode text; a JSON document in PostgreSQL refuses it)', () => {
    expect(checkInputBounds({ name: 'Clinic \ud800', ok: '\ud83d\ude00' })).toEqual([
      { field: 'name', messages: ['name must be valid Unicode text (a lone surrogate)'] },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('reports a %s key wherever it appears', (key) => {
    const parsed: unknown = JSON.parse(`{"claim": {"${key}": {"polluted": true}}, "${key}": 1}`);
    expect(checkInputBounds(parsed)).toEqual([
      { field: `claim.${key}`, messages: [`property claim.${key} is not allowed`] },
      { field: key, messages: [`property ${key} is not allowed`] },
    ]);
  });

  it('stops after 20 issues, so the answer stays small whatever the input', () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, '\u0000']));
    expect(checkInputBounds(many)).toHaveLength(20);
  });

  it('keeps scalars at the top level and in arrays within bounds', () => {
    expect(checkInputBounds('text')).toEqual([]);
    expect(checkInputBounds(null)).toEqual([]);
    expect(checkInputBounds([1, true, 'a'], SMALL)).toEqual([]);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_INPUT_BOUNDS).toEqual({
      maxDepth: 16,
      maxArrayLength: 1000,
      maxStringLength: 10_000,
      maxObjectKeys: 200,
    });
  });
});

describe('validateSubmission holds input to the bounds before validating', () => {
  it('rejects a claim whose line is nested 10,000 deep with one issue instead of overflowing the stack', () => {
    const claim = { ...aValidProfessionalClaim(), lines: [nested(10_000)] };
    const result = validateSubmission(ClaimSubmission, claim, { forbidUnknownFields: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.field)).toEqual([`lines[0]${'.x[0]'.repeat(7)}`]);
  });

  it('rejects a claim of 40,000 lines by the array bound, before any line is validated', () => {
    const claim = aValidProfessionalClaim();
    const line = claim.lines?.[0];
    const result = validateSubmission(
      ClaimSubmission,
      { ...claim, lines: Array.from({ length: 40_000 }, (_, i) => ({ ...line, lineNumber: i + 1 })) },
      { forbidUnknownFields: true },
    );
    expect(result).toEqual({
      ok: false,
      issues: [{ field: 'lines', messages: ['lines has 40000 items; at most 1000 are accepted'] }],
    });
  });

  it('rejects __proto__, constructor and prototype like any other unknown field', () => {
    const parsed: unknown = JSON.parse(
      JSON.stringify(aValidProfessionalClaim()).replace('{', '{"__proto__":{"x":1},'),
    );
    expect(validateSubmission(ClaimSubmission, parsed, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [{ field: '__proto__', messages: ['property __proto__ is not allowed'] }],
    });
  });
});

import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { validateSubmission } from '../validate-submission';
import { withClaimContext } from './claim-context';
import { IsUniqueInClaim } from './claim.rules';

let normalized = 0;

class Item {
  @IsUniqueInClaim((value) => {
    normalized += 1;
    return value.toUpperCase();
  })
  code!: string;
}

class Holder {
  @ValidateNested({ each: true })
  @Type(() => Item)
  @Transform(({ value, obj }: { value: unknown; obj: unknown }) => withClaimContext(value, obj), {
    toClassOnly: true,
  })
  items!: Item[];
}

const validate = (codes: readonly string[]): ReturnType<typeof validateSubmission<Holder>> =>
  validateSubmission(Holder, { items: codes.map((code) => ({ code })) }, { forbidUnknownFields: true });

describe('IsUniqueInClaim', () => {
  beforeEach(() => {
    normalized = 0;
  });

  it('reports each repeat (after normalizing) on the later item', () => {
    expect(validate(['a1', 'B2', 'A1', 'c3', 'b2'])).toEqual({
      ok: false,
      issues: [
        { field: 'items[2].code', messages: ['items[2].code must be unique within the claim'] },
        { field: 'items[4].code', messages: ['items[4].code must be unique within the claim'] },
      ],
    });
  });

  it('accepts distinct values', () => {
    expect(validate(['a', 'b', 'c'])).toMatchObject({ ok: true });
  });

  it('normalizes each value a bounded number of times: linear in the items, not quadratic', () => {
    // Comparing each item with every earlier one normalized 999 * 998 = 997,002 values for 999 items.
    expect(validate(Array.from({ length: 999 }, (_, i) => `code${i}`))).toMatchObject({ ok: true });
    expect(normalized).toBeLessThanOrEqual(2 * 999);
  });
});

import { IsString } from 'class-validator';
import { validateSubmission } from '../events/validate-submission';
import { ForbiddenWhen } from './forbidden-when.validator';
import { OptionalField } from './optional-field.validator';

class Order {
  @IsString()
  kind!: string;

  @OptionalField()
  @IsString()
  @ForbiddenWhen((order: Order) => order.kind === 'digital', 'kind is digital')
  address?: string;
}

describe('ForbiddenWhen', () => {
  const validate = (plain: object) => validateSubmission(Order, plain, { forbidUnknownFields: true });

  it('rejects the field when the condition holds', () => {
    expect(validate({ kind: 'digital' }).ok).toBe(true);
    expect(validate({ kind: 'digital', address: '1 Main St' })).toEqual({
      ok: false,
      issues: [{ field: 'address', messages: ['address must be absent when kind is digital'] }],
    });
  });

  it('allows it otherwise', () => {
    expect(validate({ kind: 'parcel', address: '1 Main St' }).ok).toBe(true);
  });
});

import { IsString } from 'class-validator';
import { validateSubmission } from '../events/validate-submission';
import { RequiredWhen } from './required-when.validator';

class Shipment {
  @IsString()
  method!: string;

  @RequiredWhen((shipment: Shipment) => shipment.method === 'mail', 'method is mail')
  @IsString()
  address?: string;
}

describe('RequiredWhen', () => {
  const validate = (plain: object) => validateSubmission(Shipment, plain, { forbidUnknownFields: true });

  it('requires the field when the condition holds', () => {
    expect(validate({ method: 'mail', address: '1 Main St' }).ok).toBe(true);
    const result = validate({ method: 'mail' });
    expect(!result.ok && result.issues).toEqual([
      { field: 'address', messages: expect.arrayContaining(['address is required when method is mail']) },
    ]);
  });

  it('leaves the field optional otherwise, but validates it when present', () => {
    expect(validate({ method: 'email' }).ok).toBe(true);
    expect(validate({ method: 'email', address: 7 })).toEqual({
      ok: false,
      issues: [{ field: 'address', messages: ['address must be a string'] }],
    });
  });

  it('rejects null either way', () => {
    for (const method of ['mail', 'email']) {
      const result = validate({ method, address: null });
      expect(!result.ok && result.issues[0]?.messages).toContain('address must be omitted rather than null');
    }
  });
});

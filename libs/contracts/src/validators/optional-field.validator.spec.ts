import { IsString } from 'class-validator';
import { validateSubmission } from '../events/validate-submission';
import { OptionalField } from './optional-field.validator';

class Contact {
  @OptionalField()
  @IsString()
  phone?: string;
}

describe('OptionalField', () => {
  const validate = (plain: object) => validateSubmission(Contact, plain, { forbidUnknownFields: true });

  it('accepts an absent field without validating it', () => {
    expect(validate({}).ok).toBe(true);
    expect(validate({ phone: undefined }).ok).toBe(true);
  });

  it('validates a present field', () => {
    expect(validate({ phone: '5555550123' }).ok).toBe(true);
    expect(validate({ phone: 5 })).toEqual({
      ok: false,
      issues: [{ field: 'phone', messages: ['phone must be a string'] }],
    });
  });

  it('rejects null: omit the field instead', () => {
    const result = validate({ phone: null });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toEqual({
      field: 'phone',
      messages: expect.arrayContaining(['phone must be omitted rather than null']),
    });
  });
});

import { aValidProfessionalClaim } from '../testing/claim-factory';
import { ClaimSubmission } from './claims-inbound/claim-submission.payload';
import { ProviderRef } from './claims-inbound/provider-ref.payload';
import { ROOT_FIELD, validateSubmission } from './validate-submission';

describe('validateSubmission', () => {
  it.each([[null], [undefined], [[]], [[aValidProfessionalClaim()]], ['{}'], [42], [true]])(
    'rejects %p on (root)',
    (plain) => {
      for (const forbidUnknownFields of [true, false]) {
        expect(validateSubmission(ClaimSubmission, plain, { forbidUnknownFields })).toEqual({
          ok: false,
          issues: [{ field: ROOT_FIELD, messages: ['(root) must be a JSON object'] }],
        });
      }
    },
  );

  it('reports unknown fields, nested ones too, when forbidden (HTTP)', () => {
    const plain = {
      ...aValidProfessionalClaim(),
      extra: 1,
      billingProvider: { ...aValidProfessionalClaim().billingProvider, e: 2 },
    };
    expect(validateSubmission(ClaimSubmission, plain, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        { field: 'extra', messages: ['property extra should not exist'] },
        { field: 'billingProvider.e', messages: ['property billingProvider.e should not exist'] },
      ],
    });
  });

  it('strips unknown fields when tolerated (Kafka)', () => {
    const plain = {
      ...aValidProfessionalClaim(),
      extra: 1,
      billingProvider: { ...aValidProfessionalClaim().billingProvider, e: 2 },
    };
    const result = validateSubmission(ClaimSubmission, plain, { forbidUnknownFields: false });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).not.toHaveProperty('extra');
    expect(result.ok && result.value.billingProvider).not.toHaveProperty('e');
    expect(result.ok && result.value.billingProvider).toBeInstanceOf(ProviderRef);
  });

  it('does not modify its input', () => {
    const plain = { ...aValidProfessionalClaim(), extra: 1 };
    const before = structuredClone(plain);
    validateSubmission(ClaimSubmission, plain, { forbidUnknownFields: false });
    expect(plain).toEqual(before);
  });

  it('does not coerce types (a numeric string is not a number)', () => {
    const result = validateSubmission(
      ClaimSubmission,
      { ...aValidProfessionalClaim(), version: '1' },
      { forbidUnknownFields: true },
    );
    expect(!result.ok && result.issues.map((issue) => issue.field)).toEqual(['version']);
  });

  it('is not vulnerable to prototype pollution through __proto__ keys', () => {
    const plain = JSON.parse(`{"__proto__": {"polluted": true}, "claimId": "C1"}`) as unknown;
    validateSubmission(ClaimSubmission, plain, { forbidUnknownFields: false });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

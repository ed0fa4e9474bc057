import { maskPhi, PHI_MASK, presentPayload } from './mask-phi';

describe('PHI masking of dead-letter payloads', () => {
  it('masks PHI fields by key name at any depth and keeps ids and codes visible', () => {
    const data = {
      claimId: 'C-1',
      memberId: 'M-1',
      billingProviderNpi: '1234567893',
      member: {
        memberId: 'M-1',
        firstName: 'Ann',
        lastName: 'Lee',
        birthDate: '1950-01-01',
        address: { city: 'X' },
      },
      households: [{ contacts: [{ email: 'a@b.c', phone: '555' }] }],
      lines: [{ code: '99213' }],
      diagnoses: ['E11.9'],
      notes: null,
    };

    expect(maskPhi(data)).toEqual({
      claimId: 'C-1',
      memberId: 'M-1',
      billingProviderNpi: '1234567893',
      member: {
        memberId: 'M-1',
        firstName: PHI_MASK,
        lastName: PHI_MASK,
        birthDate: PHI_MASK,
        address: PHI_MASK,
      },
      households: [{ contacts: [{ email: PHI_MASK, phone: PHI_MASK }] }],
      lines: PHI_MASK,
      diagnoses: PHI_MASK,
      notes: null,
    });
  });

  it('masks only the envelope data, and shows it all when revealed', () => {
    const value = JSON.stringify({ id: 'e-1', type: 'claims-inbound', data: { claimId: 'C-1', drug: 'x' } });

    expect(presentPayload(value, false)).toEqual({
      id: 'e-1',
      type: 'claims-inbound',
      data: { claimId: 'C-1', drug: PHI_MASK },
    });
    expect(presentPayload(value, true)).toEqual(JSON.parse(value));
  });

  it('hides a payload that is not JSON unless revealed, since its PHI cannot be located', () => {
    expect(presentPayload(Buffer.from('Ann Lee 1950'), false)).toBe(
      '<12 bytes, not JSON; use --reveal to show>',
    );
    expect(presentPayload('Ann Lee 1950', true)).toBe('Ann Lee 1950');
    expect(presentPayload(null, false)).toBeNull();
  });
});

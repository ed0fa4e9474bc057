import { maskPhi, PHI_MASK, presentPayload } from './mask-phi';

const envelope = (type: string, data: unknown): Record<string, unknown> => ({
  id: '0b8f5b36-3c57-4a0c-9d3e-6f0f3b1f2a10',
  type,
  version: 1,
  occurredAt: '2026-12-07T09:00:00.000Z',
  source: 'behavioral-screening',
  subject: 'M-1',
  correlationId: 'S-1',
  causationId: null,
  data,
});

describe('PHI masking of dead-letter payloads', () => {
  it('masks every value of a claim but its ids, PHI fields whole, and keeps the shape', () => {
    const data = {
      claimId: 'C-1',
      claimVersion: 2,
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
      serviceDate: '2026-11-02',
      totalChargedAmount: 180,
      notes: null,
    };

    expect(maskPhi(data)).toEqual({
      claimId: 'C-1',
      claimVersion: 2,
      memberId: 'M-1',
      billingProviderNpi: PHI_MASK,
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
      serviceDate: PHI_MASK,
      totalChargedAmount: PHI_MASK,
      notes: null,
    });
  });

  it('masks the clinical content of derived events beside a visible member id', () => {
    const identified = {
      identificationId: 'I-1',
      memberId: 'M-1',
      conditionId: 'diabetes',
      conditionName: 'Diabetes',
      basis: 'two-outpatient-claims',
      ruleVersion: '2026.1',
      evidenceClaimIds: ['C-1', 'C-2'],
    };
    const gap = {
      gapId: 'G-1',
      memberId: 'M-1',
      ruleId: 'diabetes-hba1c-testing',
      gapName: 'Diabetes: HbA1c testing',
      kind: 'service',
      reason: 'no HbA1c test this year',
    };
    const screening = {
      screeningId: 'S-1',
      memberId: 'M-1',
      instrument: 'phq-9',
      total: 14,
      severity: 'moderate',
      positive: true,
      safetyFlag: true,
      completedAt: '2026-12-07T08:55:00.000Z',
    };
    const signal = {
      screeningId: 'S-2',
      memberId: 'M-1',
      instrument: 'phq-9',
      reason: 'item 9 answered 2, other items missing',
      receivedAt: '2026-12-07T09:00:01.000Z',
    };

    expect(maskPhi(envelope('member-identified', identified))).toEqual({
      ...envelope('member-identified', {}),
      data: {
        identificationId: 'I-1',
        memberId: 'M-1',
        conditionId: PHI_MASK,
        conditionName: PHI_MASK,
        basis: PHI_MASK,
        ruleVersion: '2026.1',
        evidenceClaimIds: ['C-1', 'C-2'],
      },
    });
    expect(maskPhi(gap)).toEqual({
      gapId: 'G-1',
      memberId: 'M-1',
      ruleId: PHI_MASK,
      gapName: PHI_MASK,
      kind: PHI_MASK,
      reason: PHI_MASK,
    });
    expect(maskPhi(screening)).toEqual({
      screeningId: 'S-1',
      memberId: 'M-1',
      instrument: PHI_MASK,
      total: PHI_MASK,
      severity: PHI_MASK,
      positive: PHI_MASK,
      safetyFlag: PHI_MASK,
      completedAt: PHI_MASK,
    });
    expect(maskPhi(signal)).toEqual({
      screeningId: 'S-2',
      memberId: 'M-1',
      instrument: PHI_MASK,
      reason: PHI_MASK,
      receivedAt: '2026-12-07T09:00:01.000Z',
    });
  });

  it('masks by default: a field no one has decided on, envelope names below the top level, a bare value', () => {
    expect(
      maskPhi({
        memberId: 'M-1',
        someNewField: 'anything',
        closing: [{ id: 'hba1c-test', type: 'procedure', source: 'lab', version: 3 }],
      }),
    ).toEqual({
      memberId: 'M-1',
      someNewField: PHI_MASK,
      closing: [{ id: PHI_MASK, type: PHI_MASK, source: PHI_MASK, version: PHI_MASK }],
    });
    expect(maskPhi('Ann Lee')).toBe(PHI_MASK);
    expect(maskPhi(['E11.9', 7])).toEqual([PHI_MASK, PHI_MASK]);
    expect(maskPhi(null)).toBeNull();
  });

  it('keeps the envelope structural fields, masks its data, and shows it all when revealed', () => {
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

import { aValidInstitutionalClaim, aValidPharmacyClaim, aValidProfessionalClaim } from '@care/contracts';
import { DEFAULT_VISIT_CLASSIFICATION_OPTIONS } from '@care/clinical';
import { classifyClaim, newVisitOf } from './visit-of-claim.mapper';

const SAMPLING = { seed: 'seed-1', seedFingerprint: 'abc' };

describe('visit of a claim', () => {
  it('classifies the factory office visit (99213 with an HbA1c line) as a sick visit', () => {
    expect(classifyClaim(aValidProfessionalClaim(), DEFAULT_VISIT_CLASSIFICATION_OPTIONS)).toEqual({
      visit: true,
      kind: 'sick',
      family: 'office-established',
      procedureCode: '99213',
      lineNumber: 1,
      serviceDate: '2025-01-15',
      telehealth: false,
    });
  });

  it.each([
    ['institutional', aValidInstitutionalClaim()],
    ['pharmacy', aValidPharmacyClaim()],
  ])('an %s claim describes no visit', (reason, claim) => {
    expect(classifyClaim(claim, DEFAULT_VISIT_CLASSIFICATION_OPTIONS)).toEqual({ visit: false, reason });
  });

  it('takes the rendering provider as the provider, the billing provider as the practice', () => {
    const claim = aValidProfessionalClaim();
    const classification = classifyClaim(claim, DEFAULT_VISIT_CLASSIFICATION_OPTIONS);
    if (!classification.visit) throw new Error('expected a visit');
    expect(newVisitOf(claim, classification, '2025-01-20T10:00:00Z', SAMPLING)).toMatchObject({
      visitKey: 'M0000001|1234567893|2025-01-15',
      memberId: 'M0000001',
      providerNpi: '1234567893',
      providerTin: '123456789',
      billingNpi: '1245319599',
      providerName: 'Dr. Test Provider',
      practiceName: 'Main Street Clinic',
      claimId: 'CLM-P-0001',
      claimVersion: 1,
      claimReceivedAt: '2025-01-20T10:00:00.000Z',
      status: 'pending-member',
      seedFingerprint: 'abc',
    });
  });

  it('falls back to the billing provider without a rendering provider', () => {
    const claim = aValidProfessionalClaim({ renderingProvider: undefined });
    const classification = classifyClaim(claim, DEFAULT_VISIT_CLASSIFICATION_OPTIONS);
    if (!classification.visit) throw new Error('expected a visit');
    expect(newVisitOf(claim, classification, '2025-01-20T10:00:00Z', SAMPLING)).toMatchObject({
      visitKey: 'M0000001|1245319599|2025-01-15',
      providerNpi: '1245319599',
      providerName: null,
      practiceName: 'Main Street Clinic',
    });
  });

  it('gives two claims of one visit the same id and draw, and another day another id', () => {
    const first = aValidProfessionalClaim();
    const second = aValidProfessionalClaim({
      claimId: 'CLM-P-0002',
      lines: [{ lineNumber: 1, procedureCode: '99214', units: 1, chargedAmount: 100 }],
    });
    const later = aValidProfessionalClaim({
      serviceDateFrom: '2025-01-16',
      serviceDateTo: '2025-01-16',
      lines: [{ lineNumber: 1, procedureCode: '99214', units: 1, chargedAmount: 100 }],
    });
    const visitOf = (claim: typeof first) => {
      const classification = classifyClaim(claim, DEFAULT_VISIT_CLASSIFICATION_OPTIONS);
      if (!classification.visit) throw new Error('expected a visit');
      return newVisitOf(claim, classification, '2025-01-20T10:00:00Z', SAMPLING);
    };
    expect(visitOf(second).visitId).toBe(visitOf(first).visitId);
    expect(visitOf(second).draw).toBe(visitOf(first).draw);
    expect(visitOf(later).visitId).not.toBe(visitOf(first).visitId);
  });
});

import { ClaimSubmission } from '../events/claims-inbound/claim-submission.payload';
import { MemberRecord } from '../events/member-eligibility-changed/member-record.payload';
import { validateSubmission } from '../events/validate-submission';
import { isValidNpi } from '../validators/npi.validator';
import {
  aValidInstitutionalClaim,
  aValidMember,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  TEST_NPIS,
} from './claim-factory';

describe('claim factories', () => {
  it.each([
    ['aValidProfessionalClaim', aValidProfessionalClaim],
    ['aValidInstitutionalClaim', aValidInstitutionalClaim],
    ['aValidPharmacyClaim', aValidPharmacyClaim],
  ])('%s is valid, deterministic and fresh on each call', (_name, factory) => {
    expect(validateSubmission(ClaimSubmission, factory(), { forbidUnknownFields: true }).ok).toBe(true);
    expect(factory()).toEqual(factory());
    expect(factory().billingProvider).not.toBe(factory().billingProvider);
  });

  it('aValidMember is valid and deterministic', () => {
    expect(validateSubmission(MemberRecord, aValidMember(), { forbidUnknownFields: true }).ok).toBe(true);
    expect(aValidMember()).toEqual(aValidMember());
  });

  it('applies overrides, and undefined drops a field from JSON', () => {
    expect(aValidProfessionalClaim({ claimId: 'X-1' }).claimId).toBe('X-1');
    expect(JSON.parse(JSON.stringify(aValidMember({ email: undefined })))).not.toHaveProperty('email');
  });

  it('uses valid NPIs', () => {
    expect(Object.values(TEST_NPIS).every(isValidNpi)).toBe(true);
  });
});

import type { ClaimSubmission } from '../events/claims-inbound/claim-submission.payload';
import type { MemberRecord } from '../events/member-eligibility-changed/member-record.payload';

/**
 * Test factories: deterministic plain objects (as they arrive in JSON) that are valid under the contract classes.
 * Overrides replace top-level fields; set a field to `undefined` to drop it. Every call returns fresh objects.
 */

/** Valid NPIs (Luhn check digit over 80840) used by the factories. */
export const TEST_NPIS = {
  billing: '1245319599',
  rendering: '1234567893',
  prescriber: '1999999992',
  pcp: '1500000009',
} as const;

/** The member the claim factories bill for. */
export const TEST_MEMBER_ID = 'M0000001';

/** A paid professional (837P) office visit with two lines, a lab result and two diagnoses. */
export function aValidProfessionalClaim(overrides: Partial<ClaimSubmission> = {}): ClaimSubmission {
  return {
    claimId: 'CLM-P-0001',
    version: 1,
    frequency: 'original',
    claimType: 'professional',
    adjudicationStatus: 'paid',
    memberId: TEST_MEMBER_ID,
    billingProvider: { npi: TEST_NPIS.billing, tin: '123456789', name: 'Main Street Clinic' },
    renderingProvider: { npi: TEST_NPIS.rendering, name: 'Dr. Test Provider' },
    serviceDateFrom: '2025-01-15',
    serviceDateTo: '2025-01-15',
    placeOfService: '11',
    diagnoses: [{ code: 'E11.9' }, { code: 'I10' }],
    lines: [
      {
        lineNumber: 1,
        procedureCode: '99213',
        modifiers: ['25'],
        serviceDate: '2025-01-15',
        units: 1,
        chargedAmount: 150,
        paidAmount: 95.5,
      },
      {
        lineNumber: 2,
        procedureCode: '83036',
        serviceDate: '2025-01-15',
        units: 1,
        chargedAmount: 25.75,
        paidAmount: 12.3,
        labResult: { loincCode: '4548-4', value: 7.2, unit: '%' },
      },
    ],
    totalChargedAmount: 175.75,
    totalPaidAmount: 107.8,
    ...overrides,
  };
}

/** A paid institutional (UB-04) outpatient claim with a revenue-code-only line and a HCPCS line. */
export function aValidInstitutionalClaim(overrides: Partial<ClaimSubmission> = {}): ClaimSubmission {
  return {
    claimId: 'CLM-I-0001',
    version: 1,
    frequency: 'original',
    claimType: 'institutional',
    adjudicationStatus: 'paid',
    memberId: TEST_MEMBER_ID,
    billingProvider: { npi: TEST_NPIS.billing, tin: '123456789', name: 'General Hospital' },
    serviceDateFrom: '2025-02-03',
    serviceDateTo: '2025-02-04',
    typeOfBill: '0131',
    diagnoses: [{ code: 'J18.9' }, { code: 'E11.9' }],
    lines: [
      {
        lineNumber: 1,
        revenueCode: '0450',
        serviceDate: '2025-02-03',
        units: 1,
        chargedAmount: 1200,
        paidAmount: 800,
      },
      {
        lineNumber: 2,
        revenueCode: '0636',
        procedureCode: 'J1885',
        serviceDate: '2025-02-04',
        units: 2,
        chargedAmount: 40,
        paidAmount: 20,
      },
    ],
    totalChargedAmount: 1240,
    totalPaidAmount: 820,
    ...overrides,
  };
}

/** A paid pharmacy claim for a 30-day metformin fill; no lines, no diagnoses. */
export function aValidPharmacyClaim(overrides: Partial<ClaimSubmission> = {}): ClaimSubmission {
  return {
    claimId: 'CLM-RX-0001',
    version: 1,
    frequency: 'original',
    claimType: 'pharmacy',
    adjudicationStatus: 'paid',
    memberId: TEST_MEMBER_ID,
    billingProvider: { npi: TEST_NPIS.billing, tin: '987654321', name: 'Corner Pharmacy' },
    serviceDateFrom: '2025-03-10',
    serviceDateTo: '2025-03-10',
    drug: {
      ndc: '00093-1048-01',
      daysSupply: 30,
      quantity: 60,
      fillDate: '2025-03-10',
      prescriberNpi: TEST_NPIS.prescriber,
      refillNumber: 0,
    },
    totalChargedAmount: 12.5,
    totalPaidAmount: 10,
    ...overrides,
  };
}

/** A subscriber on a PPO plan with an address, contact preferences and an attributed PCP. */
export function aValidMember(overrides: Partial<MemberRecord> = {}): MemberRecord {
  return {
    memberId: TEST_MEMBER_ID,
    subscriberId: TEST_MEMBER_ID,
    relationship: 'subscriber',
    firstName: 'Test',
    lastName: 'Member',
    birthDate: '1970-06-15',
    sex: 'female',
    address: { line1: '1 Test Street', city: 'Springfield', state: 'IL', postalCode: '62701' },
    email: 'test.member@example.com',
    phone: '5555550123',
    contactPreferences: { preferredChannel: 'email', language: 'en', emailConsent: true },
    attributedPcp: { npi: TEST_NPIS.pcp, tin: '123456789', name: 'Dr. Primary Care' },
    planType: 'ppo',
    planAdministeredByHealthPlan: true,
    coverage: { effectiveDate: '2024-01-01' },
    optOuts: [],
    ...overrides,
  };
}

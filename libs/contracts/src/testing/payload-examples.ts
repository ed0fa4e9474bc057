/**
 * Valid payloads of the derived events, as plain JSON objects, for tests (the claim and member factories are in
 * claim-factory.ts). Written by hand against the contract classes, not produced by the code under test; every
 * call returns fresh objects, so a test may change what it gets.
 */

/** A claim an identification cites as evidence. */
export function anEvidenceClaim(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    claimId: 'CLM-P-0001',
    version: 1,
    serviceDate: '2025-01-15',
    setting: 'professional',
    ...overrides,
  };
}

/** The evidence of a diabetes identification: two professional claims, a fill and an assessment. */
export function anIdentificationEvidence(): {
  qualifyingClaims: Array<Record<string, unknown>>;
  supportingFills: Array<Record<string, unknown>>;
  selfReported: Array<Record<string, unknown>>;
} {
  return {
    qualifyingClaims: [
      anEvidenceClaim(),
      anEvidenceClaim({ claimId: 'CLM-P-0002', version: 2, serviceDate: '2025-02-20' }),
    ],
    supportingFills: [
      anEvidenceClaim({ claimId: 'CLM-RX-0001', serviceDate: '2025-03-10', setting: 'pharmacy' }),
    ],
    selfReported: [{ assessmentId: 'HRA-2025-0001', completedOn: '2025-03-01' }],
  };
}

/** `member-identified`: diabetes from claims. */
export function anIdentificationPayload(): Record<string, unknown> {
  return {
    identificationId: '3f2b8c1e-9a4d-4c7b-8e2f-1a2b3c4d5e6f',
    memberId: 'M0000001',
    conditionId: 'diabetes',
    conditionName: 'Diabetes',
    ruleId: 'diabetes',
    ruleVersion: 'ccw-2023.1',
    catalogVersion: 'conditions-2026.1',
    basis: 'claims',
    firstMetOn: '2025-02-20',
    identifiedAt: '2025-03-11T08:00:00.000Z',
    trigger: 'claim',
    evidence: anIdentificationEvidence(),
  };
}

/** `care-gap-detected`: an HbA1c test not done. */
export function aDetectedGapPayload(): Record<string, unknown> {
  return {
    gapId: '0b6f0c1e-58a5-4b7e-9f51-1f3a2c9d7e10',
    memberId: 'M-1',
    ruleId: 'diabetes-hba1c-testing',
    ruleVersion: 'gaps-2026.1',
    gapName: 'Diabetes: HbA1c testing',
    kind: 'service',
    reason: 'no-service',
    openedOn: '2026-03-01',
    detectedAt: '2026-03-01T10:00:00.000Z',
    evidenceClaimIds: [],
    providerNpi: '1245319599',
  };
}

/** `care-gap-closed`: that gap closed by a claim. */
export function aClosedGapPayload(): Record<string, unknown> {
  return {
    gapId: '0b6f0c1e-58a5-4b7e-9f51-1f3a2c9d7e10',
    memberId: 'M-1',
    ruleId: 'diabetes-hba1c-testing',
    ruleVersion: 'gaps-2026.1',
    reason: 'satisfied',
    openedOn: '2026-03-01',
    closedAt: '2026-04-02T09:00:00.000Z',
    closingClaimIds: ['CLM-9'],
  };
}

/** `care-alert-issued`: that gap's alert to the provider. */
export function anAlertPayload(): Record<string, unknown> {
  return {
    alertId: '5d1c9a56-9c0e-4d3e-a1b8-0d6c1f2e3a4b',
    gapId: '0b6f0c1e-58a5-4b7e-9f51-1f3a2c9d7e10',
    memberId: 'M-1',
    ruleId: 'diabetes-hba1c-testing',
    ruleVersion: 'gaps-2026.1',
    codeSetRelease: 'codesets-3f2a9c1d0b7e',
    audience: 'provider',
    channel: 'provider-portal',
    providerNpi: '1245319599',
    templateId: 'diabetes-hba1c-testing.provider',
    issuedAt: '2026-03-01T10:00:00.000Z',
  };
}

/** The office visit a survey asks about. */
export function aSurveyVisit(): Record<string, unknown> {
  return {
    serviceDate: '2026-03-10',
    kind: 'sick',
    procedureCode: '99213',
    telehealth: false,
    claimId: 'CLM-P-0001',
    claimVersion: 1,
    codeSetVersion: 'survey-visits-2026.1',
  };
}

/** The clinician a survey asks about. */
export function aSurveyProvider(): Record<string, unknown> {
  return {
    npi: '1234567893',
    tin: '123456789',
    billingNpi: '1245319599',
    name: 'Dr. Test Provider',
    practiceName: 'Main Street Clinic',
  };
}

/** `survey-triggered`: a post-visit survey by email in Spanish. */
export function aSurveyPayload(): Record<string, unknown> {
  return {
    surveyId: '93e5e2dc-ec9d-5c22-adad-652a87a0ef2e',
    memberId: 'M0000001',
    visit: aSurveyVisit(),
    provider: aSurveyProvider(),
    channel: 'email',
    language: 'es-US',
    topics: [
      'getting-needed-care',
      'getting-care-quickly',
      'care-coordination',
      'provider-communication',
      'quality-of-care',
    ],
    instrumentVersion: 'post-visit-2026.1',
    triggeredAt: '2026-03-11T08:00:00.000Z',
  };
}

/** `assessment-completed`: an annual health assessment with two conditions and two biometrics. */
export function anAssessmentPayload(): Record<string, unknown> {
  return {
    assessmentId: 'HRA-2025-0001',
    memberId: 'M0000001',
    completedOn: '2025-03-01',
    instrument: 'Annual health assessment',
    selfReportedConditions: ['diabetes', 'hypertension'],
    biometrics: [
      { code: 'hba1c-percent', value: 7.2 },
      { code: 'bp-systolic', value: 148 },
    ],
    recordedAt: '2025-03-02T09:15:00Z',
  };
}

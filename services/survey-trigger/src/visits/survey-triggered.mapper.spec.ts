import { SURVEY_TOPICS, SurveyTriggeredPayload, validateSubmission } from '@care/contracts';
import type { VisitRecord } from './visit.types';
import { SURVEY_TOPIC_NAMES, surveyTriggeredPayloadOf } from './survey-triggered.mapper';

const visit: VisitRecord = {
  visitId: '04f5c379-48dc-5e72-8b3e-42e33dc03051',
  visitKey: 'M-1|1234567893|2026-03-10',
  memberId: 'M-1',
  providerNpi: '1234567893',
  serviceDate: '2026-03-10',
  kind: 'preventive',
  procedureCode: 'G0439',
  codeFamily: 'annual-wellness',
  telehealth: false,
  codeSetVersion: 'survey-visits-2026.1',
  providerTin: '123456789',
  billingNpi: '1245319599',
  providerName: null,
  practiceName: 'Main Street Clinic',
  claimId: 'CLM-1',
  claimVersion: 2,
  claimReceivedAt: '2026-03-12T09:00:00.000Z',
  draw: 0.1,
  seedFingerprint: 'abc',
  status: 'surveyed',
  reasons: [],
  samplingRate: 0.25,
  ruleVersion: 'survey-eligibility-2026.1',
  householdId: 'M-1',
  channel: 'mail',
  language: 'es-US',
  decidedOn: '2026-03-12',
  decidedAt: '2026-03-12T09:00:01.000Z',
};

describe('survey-triggered payload', () => {
  it('asks the contract topics, in the instrument order', () => {
    expect(SURVEY_TOPIC_NAMES).toEqual([...SURVEY_TOPICS]);
  });

  it('carries the visit, provider, channel and language, and is valid under the contract', () => {
    const payload = surveyTriggeredPayloadOf(
      visit,
      { channel: 'mail', language: 'es-US' },
      new Date('2026-03-12T09:00:01Z'),
    );
    expect(payload).toEqual({
      surveyId: '04f5c379-48dc-5e72-8b3e-42e33dc03051',
      memberId: 'M-1',
      visit: {
        serviceDate: '2026-03-10',
        kind: 'preventive',
        procedureCode: 'G0439',
        telehealth: false,
        claimId: 'CLM-1',
        claimVersion: 2,
        codeSetVersion: 'survey-visits-2026.1',
      },
      provider: {
        npi: '1234567893',
        tin: '123456789',
        billingNpi: '1245319599',
        practiceName: 'Main Street Clinic',
      },
      channel: 'mail',
      language: 'es-US',
      topics: [
        'getting-needed-care',
        'getting-care-quickly',
        'care-coordination',
        'provider-communication',
        'quality-of-care',
      ],
      instrumentVersion: 'post-visit-2026.1',
      triggeredAt: '2026-03-12T09:00:01.000Z',
    });
    expect(validateSubmission(SurveyTriggeredPayload, payload, { forbidUnknownFields: true }).ok).toBe(true);
  });
});

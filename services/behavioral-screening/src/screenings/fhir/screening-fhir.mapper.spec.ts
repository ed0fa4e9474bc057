import { answersFromQuestionnaireResponse, type FhirQuestionnaireResponse } from '@care/clinical';
import { aCoachSubmission, aQuestionnaireResponse } from '../../testing/screening-answers.factory';
import { INSTRUMENT_DEFINITIONS } from '../scoring/instrument-definitions';
import { scoreScreening } from '../scoring/score-screening.util';
import { parseCoachSubmission } from '../submission/parse-coach-submission';
import { parseFhirSubmission } from '../submission/parse-fhir-submission';
import type { ScreeningSubmission } from '../submission/screening-submission';
import { questionnaireResponseOf, SCREENING_ID_SYSTEM, totalScoreObservationOf } from './screening-fhir.mapper';

const NOW = new Date('2025-03-11T12:00:00Z');
const CUTOFFS = { phq9: 10, phq2: 3, auditC: { male: 4, female: 3, otherOrUnknown: 3 } };
const submissionOf = (check: ReturnType<typeof parseCoachSubmission>): ScreeningSubmission => {
  if (!check.ok) throw new Error('invalid test submission');
  return check.submission;
};

describe('FHIR resources stored with a screening', () => {
  it('builds a LOINC-coded QuestionnaireResponse from a coach submission that maps back to the same answers', () => {
    const submission = submissionOf(parseCoachSubmission(aCoachSubmission({ screeningId: 'b5a1c2d3-0000-4000-8000-000000000001' }), NOW));
    const score = scoreScreening(submission.answers, submission.sex, CUTOFFS);
    const response = questionnaireResponseOf(submission, score);
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      id: 'b5a1c2d3-0000-4000-8000-000000000001',
      identifier: { system: SCREENING_ID_SYSTEM, value: 'b5a1c2d3-0000-4000-8000-000000000001' },
      questionnaire: 'http://loinc.org/q/44249-1',
      status: 'completed',
      subject: { reference: 'Patient/M-1' },
      authored: '2025-03-11T08:00:00.000Z',
    });
    const mapped = answersFromQuestionnaireResponse(INSTRUMENT_DEFINITIONS['phq-9'], response as unknown as FhirQuestionnaireResponse);
    expect(mapped.ok && mapped.answers.values).toEqual(submission.answers.values);
  });

  it('keeps a received QuestionnaireResponse as it came', () => {
    const received = aQuestionnaireResponse({ id: 'QR-1', memberId: 'M-1', instrument: 'audit-c', values: [1, 0, 0] });
    const check = parseFhirSubmission(received, 'female', NOW);
    if (!check.ok) throw new Error('invalid test response');
    expect(questionnaireResponseOf(check.submission, scoreScreening(check.submission.answers, 'female', CUTOFFS))).toBe(received);
  });

  it('derives a total-score Observation that points back to the QuestionnaireResponse', () => {
    const submission = submissionOf(parseCoachSubmission(aCoachSubmission({ screeningId: 'SCR_1' }), NOW));
    const score = scoreScreening(submission.answers, submission.sex, CUTOFFS);
    const response = questionnaireResponseOf(submission, score);
    expect(response).not.toHaveProperty('id'); // '_' is not allowed in FHIR ids: referenced by identifier instead
    expect(totalScoreObservationOf(submission, score, response)).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      subject: { reference: 'Patient/M-1' },
      effectiveDateTime: '2025-03-11T08:00:00.000Z',
      valueInteger: 6,
      interpretation: [{ coding: [{ code: 'NEG' }] }],
      derivedFrom: [{ type: 'QuestionnaireResponse', identifier: { system: SCREENING_ID_SYSTEM, value: 'SCR_1' } }],
    });
    const withId = { ...response, id: 'QR-1' };
    expect(totalScoreObservationOf(submission, score, withId)['derivedFrom']).toEqual([{ reference: 'QuestionnaireResponse/QR-1' }]);
  });
});

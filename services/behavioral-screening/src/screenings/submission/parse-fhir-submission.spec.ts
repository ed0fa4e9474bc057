import { aCoachSubmission, aQuestionnaireResponse } from '../../testing/screening-answers.factory';
import { parseCoachSubmission } from './parse-coach-submission';
import { parseFhirSubmission } from './parse-fhir-submission';

const NOW = new Date('2025-03-11T12:00:00Z');
const PHQ9_VALUES = [1, 2, 0, 3, 1, 0, 2, 1, 1];
const phq9Response = (): Record<string, unknown> =>
  aQuestionnaireResponse({ id: 'QR-1', memberId: 'M-7', instrument: 'phq-9', values: PHQ9_VALUES });
const fieldsOf = (body: unknown, sex?: string): string[] => {
  const check = parseFhirSubmission(body, sex, NOW);
  return check.ok ? [] : check.issues.map((issue) => issue.field);
};

describe('A FHIR R4 QuestionnaireResponse (POST /v1/screenings/fhir)', () => {
  it('maps to the same validated answers as the direct API', () => {
    const fhir = parseFhirSubmission(phq9Response(), undefined, NOW);
    const direct = parseCoachSubmission(
      aCoachSubmission({
        screeningId: 'QR-1',
        memberId: 'M-7',
        answers: Object.fromEntries(PHQ9_VALUES.map((value, index) => [String(index + 1), value])),
      }),
      NOW,
    );
    expect(fhir.ok && direct.ok).toBe(true);
    if (fhir.ok && direct.ok) {
      const { source: fhirSource, questionnaireResponse, ...fromFhir } = fhir.submission;
      const { source: directSource, ...fromDirect } = direct.submission;
      expect(fromFhir).toEqual(fromDirect);
      expect([fhirSource, directSource]).toEqual(['fhir', 'coach']);
      expect(questionnaireResponse).toEqual(phq9Response());
    }
  });

  it('takes the screening id from identifier.value before id, the member from subject, sex from the request', () => {
    const response = {
      ...aQuestionnaireResponse({ id: 'QR-2', memberId: 'M-8', instrument: 'audit-c', values: [2, 1, 0] }),
      identifier: { value: 'SCR-9' },
    };
    const check = parseFhirSubmission(response, 'male', NOW);
    expect(check.ok && check.submission).toMatchObject({
      screeningId: 'SCR-9',
      memberId: 'M-8',
      sex: 'male',
      answers: { instrument: 'audit-c', values: [2, 1, 0] },
    });
    const byIdentifier = { ...response, subject: { identifier: { value: 'M-9' } } };
    expect(parseFhirSubmission(byIdentifier, undefined, NOW)).toMatchObject({
      ok: true,
      submission: { memberId: 'M-9', sex: 'unknown' },
    });
  });

  it('finds the instrument from the panel group when there is no questionnaire, and rejects disagreeing ones', () => {
    expect(fieldsOf({ ...phq9Response(), questionnaire: undefined })).toEqual([]);
    expect(fieldsOf({ ...phq9Response(), questionnaire: 'http://loinc.org/q/72109-2|2.76' })).toEqual([
      'questionnaire',
    ]);
  });

  it('never scores an incomplete PHQ-9 without a panel as a PHQ-2: the instrument must be named', () => {
    const twoItems = {
      ...phq9Response(),
      questionnaire: undefined,
      item: [
        { linkId: '44250-9', answer: [{ valueCoding: { code: 'LA6569-3' } }] },
        { linkId: '44255-8', answer: [{ valueCoding: { code: 'LA6569-3' } }] },
      ],
    };
    expect(fieldsOf(twoItems)).toEqual(['questionnaire']);
  });

  it('names each missing or badly coded item by its LOINC code, and every bad field, at once', () => {
    const response = phq9Response() as { item: Array<{ item: Array<Record<string, unknown>> }> };
    const items = response.item[0]?.item ?? [];
    items[8] = { linkId: '/44249-1/44260-8' }; // item 9 without an answer
    items[2] = {
      linkId: '/44249-1/44259-0',
      answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA18929-2' } }],
    };
    const body = {
      ...response,
      status: 'in-progress',
      subject: { reference: 'Group/1' },
      authored: '2025-03-11',
      id: undefined,
    };
    expect(fieldsOf(body, 'f')).toEqual([
      'status',
      'id',
      'subject',
      'authored',
      'sex',
      'item[44259-0]',
      'item[44260-8]',
    ]);
  });

  it('reports malformed items by path instead of failing', () => {
    expect(fieldsOf({ ...phq9Response(), item: [{ linkId: 3, answer: 'LA6569-3' }, 'x'] })).toEqual([
      'item[0].linkId',
      'item[0].answer',
      'item[1]',
    ]);
    expect(
      fieldsOf({
        ...phq9Response(),
        item: [{ linkId: '/44249-1', item: [{ linkId: '44250-9', answer: [{ valueCoding: { code: 1 } }] }] }],
      }),
    ).toEqual(['item[0].item[0].answer[0].valueCoding']);
  });

  it('rejects another resource type, a body that is not an object, and an authored time in the future', () => {
    expect(fieldsOf({ ...phq9Response(), resourceType: 'Observation' })).toEqual(['resourceType']);
    expect(fieldsOf('QuestionnaireResponse')).toEqual(['(root)']);
    expect(fieldsOf({ ...phq9Response(), authored: '2025-03-12T00:00:00Z' })).toEqual(['authored']);
  });

  it('reports the item-9 safety signal of a rejected PHQ-9 response, with the incomplete screening to signal', () => {
    const response = { ...phq9Response(), status: 'amended' };
    const check = parseFhirSubmission(response, undefined, NOW);
    expect(!check.ok && check.safetySignal).toBe('risk');
    expect(!check.ok && check.incomplete).toEqual(
      expect.objectContaining({ source: 'fhir', received: response, completedAt: expect.any(String) }),
    );
  });
});

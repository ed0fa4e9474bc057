import { phq9SafetySignal, phq9SafetySignalInResponse } from './phq9-safety-signal.util';
import type { FhirQuestionnaireResponse } from './questionnaire-response.types';

const responseWithItem9 = (...codes: string[]): FhirQuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  item: [
    { linkId: '/44249-1', item: [{ linkId: '/44249-1/44260-8', answer: codes.map((code) => ({ valueCoding: { code } })) }] },
  ],
});

describe('PHQ-9 safety signal on incomplete submissions', () => {
  it.each([
    [1, 'risk'],
    [2, 'risk'],
    [3, 'risk'],
    [0, 'no-risk'],
  ] as const)('reads item 9 = %i as %s even when every other item is missing', (value, signal) => {
    expect(phq9SafetySignal({ '9': value })).toBe(signal);
    expect(phq9SafetySignal({ '44260-8': value })).toBe(signal);
  });

  it('is unknown when item 9 is absent or not an allowed answer', () => {
    expect(phq9SafetySignal({ '1': 3 })).toBe('unknown');
    expect(phq9SafetySignal({ '9': 4 })).toBe('unknown');
    expect(phq9SafetySignal({ '9': '2' })).toBe('unknown');
  });

  it('reads conflicting duplicates sensitively: any copy answered above 0 is a risk', () => {
    expect(phq9SafetySignal({ '9': 0, '44260-8': 2 })).toBe('risk');
  });

  it.each([
    ['LA6568-5', 'no-risk'],
    ['LA6569-3', 'risk'],
    ['LA6570-1', 'risk'],
    ['LA6571-9', 'risk'],
    ['LA6270-8', 'unknown'],
  ] as const)('reads answer code %s on item 44260-8 of a QuestionnaireResponse as %s', (code, signal) => {
    expect(phq9SafetySignalInResponse(responseWithItem9(code))).toBe(signal);
  });

  it('is unknown for a QuestionnaireResponse without item 9 and a risk if any of several answers is above 0', () => {
    expect(phq9SafetySignalInResponse({ resourceType: 'QuestionnaireResponse' })).toBe('unknown');
    expect(phq9SafetySignalInResponse(responseWithItem9('LA6568-5', 'LA6571-9'))).toBe('risk');
  });
});

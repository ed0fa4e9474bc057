import * as clinical from '../index';

describe('Instruments public API', () => {
  it('is re-exported from @care/clinical', () => {
    expect(Object.keys(clinical)).toEqual(
      expect.arrayContaining([
        'PHQ9_INSTRUMENT',
        'PHQ2_INSTRUMENT',
        'AUDIT_C_INSTRUMENT',
        'validateAnswers',
        'scorePhq9',
        'scorePhq2',
        'scoreAuditC',
        'answersFromQuestionnaireResponse',
        'phq9SafetySignal',
        'phq9SafetySignalInResponse',
      ]),
    );
  });

  it('scores a PHQ-2 pre-screen and a PHQ-9 end to end through the package entry', () => {
    const phq2 = clinical.validateAnswers(clinical.PHQ2_INSTRUMENT, { '1': 2, '2': 1 });
    expect(phq2.ok && clinical.scorePhq2(phq2.answers).next).toBe('phq-9');
    const phq9 = clinical.validateAnswers(clinical.PHQ9_INSTRUMENT, { 1: 2, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1 });
    expect(phq9.ok && clinical.scorePhq9(phq9.answers)).toMatchObject({ total: 4, safetyRisk: true, priority: 'urgent' });
  });
});

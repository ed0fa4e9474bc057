import { AUDIT_C_DEFAULT_CUTOFFS, PHQ9_SEVERITY_BANDS, validateAnswers, type InstrumentId } from '@care/clinical';
import { AUDIT_C_CUTOFF_BASES, PHQ9_SEVERITIES, SCREENING_INSTRUMENTS } from '@care/contracts';
import { phq9Answers } from '../../testing/screening-answers.factory';
import { INSTRUMENT_DEFINITIONS, instrumentOfPanel, type AnyValidatedAnswers } from './instrument-definitions';
import { priorityOf, scoreScreening, type ScoringCutoffs } from './score-screening.util';

const DEFAULT_CUTOFFS: ScoringCutoffs = { phq9: 10, phq2: 3, auditC: { male: 4, female: 3, otherOrUnknown: 3 } };

const validated = (instrument: InstrumentId, answers: Record<string, unknown>): AnyValidatedAnswers => {
  const result = validateAnswers(INSTRUMENT_DEFINITIONS[instrument], answers);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('; '));
  return result.answers;
};

describe('Scoring a screening for the casework queue', () => {
  it('uses the same instrument ids, PHQ-9 bands and AUDIT-C cut-off bases in the contract as in @care/clinical', () => {
    expect([...SCREENING_INSTRUMENTS].sort()).toEqual(Object.keys(INSTRUMENT_DEFINITIONS).sort());
    expect(PHQ9_SEVERITIES).toEqual(PHQ9_SEVERITY_BANDS.map((band) => band.severity));
    expect([...AUDIT_C_CUTOFF_BASES]).toEqual(['male', 'female', 'other-or-unknown']);
    expect(AUDIT_C_DEFAULT_CUTOFFS).toEqual({ male: 4, female: 3, otherOrUnknown: 3 });
  });

  it.each([
    [true, true, 'urgent'],
    [true, false, 'urgent'],
    [false, true, 'high'],
    [false, false, 'routine'],
  ] as const)('gives safety flag %p, positive %p the priority %s', (safetyFlag, positive, priority) => {
    expect(priorityOf(safetyFlag, positive)).toBe(priority);
  });

  it('flags a PHQ-9 with item 9 = 1 as urgent even when the total is minimal and negative', () => {
    expect(scoreScreening(validated('phq-9', phq9Answers(1, 1)), 'unknown', DEFAULT_CUTOFFS)).toMatchObject({
      instrument: 'phq-9',
      total: 1,
      severity: 'minimal',
      positive: false,
      safetyFlag: true,
      priority: 'urgent',
    });
  });

  it('gives a positive PHQ-9 without a safety risk high priority, with every item and its LOINC answer code', () => {
    const score = scoreScreening(validated('phq-9', phq9Answers(12, 0)), 'unknown', DEFAULT_CUTOFFS);
    expect(score).toMatchObject({
      instrumentVersion: '1.0.0',
      panelLoinc: '44249-1',
      totalLoinc: '44261-6',
      total: 12,
      severity: 'moderate',
      positive: true,
      positiveCutoff: 10,
      safetyFlag: false,
      priority: 'high',
    });
    expect(score.answers[0]).toEqual({ item: 1, loinc: '44250-9', value: 3, answerLoinc: 'LA6571-9' });
    expect(score.answers[8]).toEqual({ item: 9, loinc: '44260-8', value: 0, answerLoinc: 'LA6568-5' });
    expect(score).not.toHaveProperty('cutoffBasis');
  });

  it('applies the configured cut-offs', () => {
    const strict = { ...DEFAULT_CUTOFFS, phq9: 15, auditC: { male: 5, female: 4, otherOrUnknown: 4 } };
    expect(scoreScreening(validated('phq-9', phq9Answers(12)), 'unknown', strict)).toMatchObject({ positive: false, positiveCutoff: 15, priority: 'routine' });
    expect(scoreScreening(validated('audit-c', { 1: 2, 2: 1, 3: 1 }), 'male', strict)).toMatchObject({ total: 4, positive: false, positiveCutoff: 5 });
  });

  it('scores AUDIT-C by sex with the cut-off basis and the all-points-from-question-1 note, and no safety flag', () => {
    const answers = validated('audit-c', { 1: 3, 2: 0, 3: 0 });
    expect(scoreScreening(answers, 'female', DEFAULT_CUTOFFS)).toMatchObject({
      total: 3,
      positive: true,
      positiveCutoff: 3,
      cutoffBasis: 'female',
      onlyFrequencyPoints: true,
      safetyFlag: false,
      priority: 'high',
      panelLoinc: '72109-2',
      totalLoinc: '75626-2',
    });
    expect(scoreScreening(answers, 'male', DEFAULT_CUTOFFS)).toMatchObject({ positive: false, cutoffBasis: 'male', priority: 'routine' });
    expect(scoreScreening(answers, 'unknown', DEFAULT_CUTOFFS)).toMatchObject({ positive: true, cutoffBasis: 'other-or-unknown' });
    expect(scoreScreening(answers, 'female', DEFAULT_CUTOFFS)).not.toHaveProperty('severity');
  });

  it('scores a positive PHQ-2 as high priority without a safety flag (PHQ-2 has no item 9)', () => {
    expect(scoreScreening(validated('phq-2', { 1: 2, 2: 1 }), 'unknown', DEFAULT_CUTOFFS)).toMatchObject({
      instrument: 'phq-2',
      total: 3,
      positive: true,
      safetyFlag: false,
      priority: 'high',
    });
  });

  it('finds an instrument by its LOINC panel code', () => {
    expect(instrumentOfPanel('44249-1')).toBe('phq-9');
    expect(instrumentOfPanel('72109-2')).toBe('audit-c');
    expect(instrumentOfPanel('44261-6')).toBeUndefined();
  });
});

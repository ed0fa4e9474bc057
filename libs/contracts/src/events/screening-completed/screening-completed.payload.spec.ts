import { validateSubmission } from '../validate-submission';
import { ScreeningCompletedPayload } from './screening-completed.payload';

const phq9Answers = [
  ['44250-9', 1], ['44255-8', 1], ['44259-0', 0], ['44254-1', 0], ['44251-7', 0],
  ['44258-2', 0], ['44252-5', 0], ['44253-3', 0], ['44260-8', 1],
].map(([loinc, value], index) => ({ item: index + 1, loinc, value, answerLoinc: value === 1 ? 'LA6569-3' : 'LA6568-5' }));

const phq9 = {
  screeningId: 'SCR-1',
  memberId: 'M-1',
  instrument: 'phq-9',
  instrumentVersion: '1.0.0',
  panelLoinc: '44249-1',
  totalLoinc: '44261-6',
  total: 3,
  severity: 'minimal',
  positive: false,
  positiveCutoff: 10,
  safetyFlag: true,
  priority: 'urgent',
  answers: phq9Answers,
  completedAt: '2025-03-11T08:00:00Z',
  source: 'coach',
};
const auditC = {
  ...phq9,
  instrument: 'audit-c',
  panelLoinc: '72109-2',
  totalLoinc: '75626-2',
  total: 4,
  severity: undefined,
  positive: true,
  positiveCutoff: 4,
  safetyFlag: false,
  priority: 'high',
  answers: [
    { item: 1, loinc: '68518-0', value: 4, answerLoinc: 'LA18929-2' },
    { item: 2, loinc: '68519-8', value: 0, answerLoinc: 'LA15694-5' },
    { item: 3, loinc: '68520-6', value: 0, answerLoinc: 'LA6270-8' },
  ],
  onlyFrequencyPoints: true,
  cutoffBasis: 'male',
};
const fields = (payload: unknown): string[] => {
  const result = validateSubmission(ScreeningCompletedPayload, payload, { forbidUnknownFields: false });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

describe('ScreeningCompletedPayload', () => {
  it('passes a PHQ-9 with severity and an AUDIT-C with its cut-off basis and frequency note', () => {
    expect(fields(phq9)).toEqual([]);
    expect(fields({ ...phq9, followUpDueOn: '2025-04-08', positive: true, total: 12, severity: 'moderate' })).toEqual([]);
    expect(fields(auditC)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    ['PHQ-9 without severity', phq9, { severity: undefined }, ['severity']],
    ['AUDIT-C with a severity', auditC, { severity: 'mild' }, ['severity']],
    ['AUDIT-C without its cut-off basis and note', auditC, { cutoffBasis: undefined, onlyFrequencyPoints: undefined }, ['cutoffBasis', 'onlyFrequencyPoints']],
    ['PHQ-9 with AUDIT-C fields', phq9, { cutoffBasis: 'male', onlyFrequencyPoints: false }, ['cutoffBasis', 'onlyFrequencyPoints']],
    ['unknown priority', phq9, { priority: 'asap' }, ['priority']],
    ['unknown source', phq9, { source: 'fax' }, ['source']],
    ['total out of range', phq9, { total: 28 }, ['total']],
    ['bad answer', phq9, { answers: [{ item: 0, loinc: 'x', value: 5, answerLoinc: 'LB1-1' }, ...phq9Answers.slice(1)] }, ['answers[0].answerLoinc', 'answers[0].item', 'answers[0].loinc', 'answers[0].value']],
    ['safety flag not a boolean', phq9, { safetyFlag: 'yes' }, ['safetyFlag']],
  ])('names the field for %s', (_name, base, change, expected) => {
    expect(fields({ ...base, ...change })).toEqual(expected);
  });
});

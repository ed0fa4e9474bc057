import { aCoachSubmission, aQuestionnaireResponse } from '../../../testing/screening-answers.factory';
import { parseCoachSubmission } from '../../submission/parse-coach-submission';
import { parseFhirSubmission } from '../../submission/parse-fhir-submission';
import type { ScreeningSubmission } from '../../submission/screening-submission';
import { screeningContentHash } from './screening-content-hash.util';

const NOW = new Date('2025-03-11T12:00:00Z');
const coach = (overrides: Record<string, unknown>): ScreeningSubmission => {
  const check = parseCoachSubmission(aCoachSubmission(overrides), NOW);
  if (!check.ok) throw new Error('invalid test submission');
  return check.submission;
};
const hash = (overrides: Record<string, unknown> = {}): string => screeningContentHash(coach(overrides));

describe('What makes a resubmission the same screening', () => {
  it('ignores how answers are keyed and how the instant is written', () => {
    const byNumber = { '1': 2, '2': 1, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 1 };
    const byLoinc = { '44260-8': 1, '44253-3': 0, '44252-5': 0, '44258-2': 0, '44251-7': 0, '44254-1': 0, '44259-0': 0, '44255-8': 1, '44250-9': 2 };
    expect(hash({ answers: byNumber, completedAt: '2025-03-11T08:00:00Z' })).toBe(
      hash({ answers: byLoinc, completedAt: '2025-03-11T09:00:00.000+01:00' }),
    );
  });

  it.each([
    ['an answer', { answers: { '1': 3, '2': 3, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 1, '9': 0 } }],
    ['the member', { memberId: 'M-2' }],
    ['the completion time', { completedAt: '2025-03-11T08:00:01Z' }],
    ['the instrument', { instrument: 'phq-2', answers: { '1': 3, '2': 3 } }],
  ])('changes with %s', (_name, change) => {
    expect(hash(change)).not.toBe(hash());
  });

  it('counts sex only for AUDIT-C, where it selects the cut-off', () => {
    expect(hash({ sex: 'female' })).toBe(hash({ sex: 'male' }));
    const auditC = { instrument: 'audit-c', answers: { '1': 1, '2': 1, '3': 1 } };
    expect(hash({ ...auditC, sex: 'female' })).not.toBe(hash({ ...auditC, sex: 'male' }));
  });

  it('tells a FHIR submission from a coach submission of the same answers', () => {
    const fhir = parseFhirSubmission(
      aQuestionnaireResponse({ id: 'SCR-1', memberId: 'M-1', instrument: 'phq-9', values: [3, 3, 0, 0, 0, 0, 0, 0, 0] }),
      undefined,
      NOW,
    );
    if (!fhir.ok) throw new Error('invalid test response');
    expect(screeningContentHash(fhir.submission)).not.toBe(hash({ completedAt: '2025-03-11T08:00:00Z' }));
    expect(screeningContentHash({ ...fhir.submission, source: 'coach' })).toBe(hash({ completedAt: '2025-03-11T08:00:00Z' }));
  });
});

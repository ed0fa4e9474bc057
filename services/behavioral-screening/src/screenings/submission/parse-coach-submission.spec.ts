import { aCoachSubmission, phq9Answers } from '../../testing/screening-answers.factory';
import { parseCoachSubmission } from './parse-coach-submission';

const NOW = new Date('2025-03-11T12:00:00Z');
const fieldsOf = (body: unknown): string[] => {
  const check = parseCoachSubmission(body, NOW);
  return check.ok ? [] : check.issues.map((issue) => issue.field);
};

describe('Answers given to a coach (POST /v1/screenings)', () => {
  it('accepts a complete PHQ-9 and normalizes the completion time', () => {
    const check = parseCoachSubmission(aCoachSubmission({ completedAt: '2025-03-11T09:00:00+01:00' }), NOW);
    expect(check.ok).toBe(true);
    expect(check.ok && check.submission).toMatchObject({
      screeningId: 'SCR-1',
      memberId: 'M-1',
      sex: 'unknown',
      completedAt: '2025-03-11T08:00:00.000Z',
      source: 'coach',
      answers: { instrument: 'phq-9', values: [3, 3, 0, 0, 0, 0, 0, 0, 0] },
    });
  });

  it('accepts answers keyed by item LOINC code and an AUDIT-C with the member sex', () => {
    const check = parseCoachSubmission(
      aCoachSubmission({
        instrument: 'audit-c',
        answers: { '68518-0': 4, '68519-8': 0, '68520-6': 1 },
        sex: 'female',
      }),
      NOW,
    );
    expect(check.ok && check.submission).toMatchObject({
      sex: 'female',
      answers: { instrument: 'audit-c', values: [4, 0, 1] },
    });
  });

  it('names each missing and out-of-range item, and every bad request field, at once', () => {
    const answers: Record<string, unknown> = { ...phq9Answers(6), '3': 4, '5': -1, '7': 'often', '12': 1 };
    delete answers['9'];
    delete answers['2'];
    expect(
      fieldsOf(aCoachSubmission({ memberId: 'M 1', completedAt: 'yesterday', answers, extra: true })),
    ).toEqual([
      'extra',
      'memberId',
      'completedAt',
      'answers.2',
      'answers.3',
      'answers.5',
      'answers.7',
      'answers.9',
      'answers.12',
    ]);
  });

  it('names the item and its LOINC code in each message without repeating the submitted value', () => {
    const check = parseCoachSubmission(aCoachSubmission({ answers: { ...phq9Answers(6), '9': 7 } }), NOW);
    expect(!check.ok && check.issues).toEqual([
      { field: 'answers.9', messages: ['PHQ-9 item 9 (44260-8): answer must be one of 0, 1, 2, 3'] },
    ]);
  });

  it('rejects an AUDIT-C answer of 5 and a PHQ-9 keyed with AUDIT-C items', () => {
    expect(fieldsOf(aCoachSubmission({ instrument: 'audit-c', answers: { 1: 5, 2: 0, 3: 0 } }))).toEqual([
      'answers.1',
    ]);
    expect(fieldsOf(aCoachSubmission({ answers: { ...phq9Answers(6), '68518-0': 1 } }))).toEqual([
      'answers.68518-0',
    ]);
  });

  it('reports a safety risk in item 9 of a rejected PHQ-9, and the incomplete screening to store and signal', () => {
    const answers: Record<string, unknown> = { '9': 2 };
    const submitted = aCoachSubmission({ answers });
    const check = parseCoachSubmission(submitted, NOW);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.safetySignal).toBe('risk');
    expect(!check.ok && check.incomplete).toEqual({
      screeningId: submitted['screeningId'],
      memberId: submitted['memberId'],
      completedAt: new Date(submitted['completedAt'] as string).toISOString(),
      source: 'coach',
      received: submitted,
    });
    expect(!check.ok && check.issues.map((issue) => issue.field)).toEqual([
      'answers.1',
      'answers.2',
      'answers.3',
      'answers.4',
      'answers.5',
      'answers.6',
      'answers.7',
      'answers.8',
    ]);
    const auditC = parseCoachSubmission(
      aCoachSubmission({ instrument: 'audit-c', answers: { '1': 1 } }),
      NOW,
    );
    expect(!auditC.ok && auditC.safetySignal).toBeUndefined();
    expect(!auditC.ok && auditC.incomplete).toBeUndefined();
  });

  it('has no incomplete screening to route without a valid screening id and member id, or without a risk', () => {
    const risky: Record<string, unknown> = { ...phq9Answers(6), '9': 1 };
    delete risky['3'];
    const incompleteOf = (body: Record<string, unknown>) => {
      const check = parseCoachSubmission(body, NOW);
      return check.ok ? 'scored' : check.incomplete;
    };
    expect(incompleteOf(aCoachSubmission({ answers: risky, memberId: 'not a member!' }))).toBeUndefined();
    expect(incompleteOf(aCoachSubmission({ answers: risky, screeningId: '' }))).toBeUndefined();
    expect(incompleteOf(aCoachSubmission({ answers: { ...risky, '9': 0 } }))).toBeUndefined();
    // A completion time that is not valid is left out; the signal still goes.
    expect(incompleteOf(aCoachSubmission({ answers: risky, completedAt: 'yesterday' }))).toEqual(
      expect.not.objectContaining({ completedAt: expect.anything() }),
    );
  });

  it('rejects a completion time in the future beyond five minutes of clock skew', () => {
    expect(fieldsOf(aCoachSubmission({ completedAt: '2025-03-11T12:04:00Z' }))).toEqual([]);
    expect(fieldsOf(aCoachSubmission({ completedAt: '2025-03-11T12:06:00Z' }))).toEqual(['completedAt']);
  });

  it.each([
    ['an unknown instrument', { instrument: 'gad-7' }, ['instrument']],
    ['answers that are not an object', { answers: [1, 2] }, ['answers']],
    ['a screening id with a slash', { screeningId: 'a/b' }, ['screeningId']],
    ['an unknown sex', { sex: 'f' }, ['sex']],
  ])('names the field for %s', (_name, change, expected) => {
    expect(fieldsOf(aCoachSubmission(change))).toEqual(expected);
  });

  it('rejects a body that is not an object', () => {
    expect(fieldsOf([])).toEqual(['(root)']);
    expect(fieldsOf(null)).toEqual(['(root)']);
  });
});

import { validateSubmission } from '../validate-submission';
import { ScreeningRequestedPayload } from './screening-requested.payload';

const valid = {
  requestId: '0b0f3c56-4a3b-4b8e-9d2e-6f1e2a3b4c5d',
  memberId: 'M-1',
  instrument: 'phq-9',
  reason: 'case-opened',
  dueOn: '2025-03-25',
  requestedAt: '2025-03-11T08:00:00Z',
  caseId: 'CASE-1',
};
const fields = (payload: unknown): string[] => {
  const result = validateSubmission(ScreeningRequestedPayload, payload, { forbidUnknownFields: false });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

describe('ScreeningRequestedPayload', () => {
  it('passes a request caused by a case and one following up a screening', () => {
    expect(fields(valid)).toEqual([]);
    expect(
      fields({ ...valid, caseId: undefined, reason: 'follow-up', previousScreeningId: 'SCR-1', instrument: 'phq-9' }),
    ).toEqual([]);
    expect(fields({ ...valid, caseId: undefined, reason: 'program-enrolled', programId: 'P-1', instrument: 'audit-c' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['unknown instrument', { instrument: 'gad-7' }, ['instrument']],
    ['unknown reason', { reason: 'whim' }, ['reason']],
    ['request id not a UUID', { requestId: 'R-1' }, ['requestId']],
    ['dueOn not a calendar date', { dueOn: '2025-02-30' }, ['dueOn']],
    ['null optional field', { caseId: null }, ['caseId']],
    ['bad previous screening id', { previousScreeningId: 'a b' }, ['previousScreeningId']],
  ])('names the field for %s', (_name, change, expected) => {
    expect(fields({ ...valid, ...change })).toEqual(expected);
  });
});

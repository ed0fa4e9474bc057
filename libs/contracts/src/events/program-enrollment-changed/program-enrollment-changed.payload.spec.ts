import { validateSubmission } from '../validate-submission';
import { ProgramEnrollmentChangedPayload } from './program-enrollment-changed.payload';

const valid = { memberId: 'M-1', programId: 'DIABETES-COACHING', status: 'enrolled', changedAt: '2025-03-11T08:00:00Z' };
const fields = (payload: unknown): string[] => {
  const result = validateSubmission(ProgramEnrollmentChangedPayload, payload, { forbidUnknownFields: false });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

describe('ProgramEnrollmentChangedPayload', () => {
  it.each(['enrolled', 'declined', 'opted-out', 'unenrolled'])('passes status %s', (status) => {
    expect(fields({ ...valid, status })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['unknown status', { status: 'paused' }, ['status']],
    ['missing program', { programId: undefined }, ['programId']],
    ['bad member id', { memberId: 'M/1' }, ['memberId']],
    ['changedAt not an instant', { changedAt: 'yesterday' }, ['changedAt']],
  ])('names the field for %s', (_name, change, expected) => {
    expect(fields({ ...valid, ...change })).toEqual(expected);
  });
});

describe('ProgramEnrollmentChangedPayload source', () => {
  it.each(['outreach', 'self', 'doctor-referral'])('passes source %s', (source) => {
    expect(fields({ ...valid, source })).toEqual([]);
  });

  it('names an unknown source', () => {
    expect(fields({ ...valid, source: 'billboard' })).toEqual(['source']);
  });
});

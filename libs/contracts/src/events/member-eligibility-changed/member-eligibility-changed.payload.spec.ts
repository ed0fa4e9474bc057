import { aValidMember } from '../../testing/claim-factory';
import { validateSubmission } from '../validate-submission';
import { MemberEligibilityChangedPayload } from './member-eligibility-changed.payload';
import { MemberRecord } from './member-record.payload';

const validate = (payload: unknown) =>
  validateSubmission(MemberEligibilityChangedPayload, payload, { forbidUnknownFields: false });
const fields = (payload: unknown): string[] => {
  const result = validate(payload);
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

describe('MemberEligibilityChangedPayload', () => {
  it.each([
    ['added with no changed fields', { changeType: 'added', member: aValidMember(), changedFields: [] }],
    ['updated', { changeType: 'updated', member: aValidMember(), changedFields: ['email', 'optOuts'] }],
    [
      'a field name from a newer MemberRecord',
      { changeType: 'updated', member: aValidMember(), changedFields: ['preferredPharmacy'] },
    ],
  ])('%s passes', (_name, payload) => {
    const result = validate(payload);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.member).toBeInstanceOf(MemberRecord);
  });

  it.each<[string, unknown, string[]]>([
    [
      'updated with nothing changed',
      { changeType: 'updated', member: aValidMember(), changedFields: [] },
      ['changedFields'],
    ],
    [
      'a value instead of a field name',
      { changeType: 'updated', member: aValidMember(), changedFields: ['Jane Doe'] },
      ['changedFields'],
    ],
    [
      'a nested path',
      { changeType: 'updated', member: aValidMember(), changedFields: ['address.city'] },
      ['changedFields'],
    ],
    [
      'duplicate names',
      { changeType: 'updated', member: aValidMember(), changedFields: ['email', 'email'] },
      ['changedFields'],
    ],
    [
      'unknown changeType',
      { changeType: 'removed', member: aValidMember(), changedFields: [] },
      ['changeType'],
    ],
    [
      'invalid member',
      { changeType: 'added', member: aValidMember({ birthDate: '1970-02-30' }), changedFields: [] },
      ['member.birthDate'],
    ],
    ['missing member', { changeType: 'added', changedFields: [] }, ['member']],
  ])('%s is reported on %j', (_name, payload, expected) => {
    expect(fields(payload)).toEqual(expected);
  });
});

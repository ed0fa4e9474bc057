import { validateSubmission } from '../validate-submission';
import { CaseOpenedPayload } from './case-opened.payload';

const valid = { caseId: 'CASE-1', memberId: 'M-1', caseType: 'coaching', openedAt: '2025-03-11T08:00:00Z' };
const fields = (payload: unknown): string[] => {
  const result = validateSubmission(CaseOpenedPayload, payload, { forbidUnknownFields: false });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

describe('CaseOpenedPayload', () => {
  it.each(['case-management', 'coaching', 'advocacy'])('passes a %s case', (caseType) => {
    expect(fields({ ...valid, caseType })).toEqual([]);
  });

  it('tolerates fields added later by casework (additive changes keep the version)', () => {
    expect(fields({ ...valid, assignedTeam: 'north' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['unknown case type', { caseType: 'billing' }, ['caseType']],
    ['case id with a space', { caseId: 'CASE 1' }, ['caseId']],
    ['case id starting with a dash', { caseId: '-CASE' }, ['caseId']],
    ['member id too long', { memberId: 'M'.repeat(51) }, ['memberId']],
    ['openedAt without a time', { openedAt: '2025-03-11' }, ['openedAt']],
    ['everything missing', { caseId: undefined, memberId: undefined, caseType: undefined, openedAt: undefined }, ['caseId', 'caseType', 'memberId', 'openedAt']],
  ])('names the field for %s', (_name, change, expected) => {
    expect(fields({ ...valid, ...change })).toEqual(expected);
  });
});

import { EvidenceClaim } from '../member-identified/identification-evidence.payload';
import { validateSubmission } from '../validate-submission';
import { MemberIdentificationRetractedPayload } from './member-identification-retracted.payload';

const anExclusionClaim = (overrides: Record<string, unknown> = {}) => ({
  claimId: 'CLM-P-0009',
  version: 1,
  serviceDate: '2025-05-20',
  setting: 'professional',
  ...overrides,
});

const valid = {
  identificationId: '3f2b8c1e-9a4d-4c7b-8e2f-1a2b3c4d5e6f',
  memberId: 'M0000001',
  conditionId: 'diabetes',
  ruleId: 'diabetes',
  ruleVersion: 'ccw-2023.1',
  reason: 'excluded',
  firstMetOn: '2025-01-15',
  retractedAt: '2025-06-01T02:00:00Z',
  trigger: 'claim',
  exclusionClaims: [anExclusionClaim()],
};

const fields = (payload: unknown, forbidUnknownFields = true): string[] => {
  const result = validateSubmission(MemberIdentificationRetractedPayload, payload, { forbidUnknownFields });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

describe('MemberIdentificationRetractedPayload', () => {
  it('passes a retraction for an exclusion and returns nested claim instances', () => {
    const result = validateSubmission(MemberIdentificationRetractedPayload, valid, { forbidUnknownFields: true });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.exclusionClaims[0]).toBeInstanceOf(EvidenceClaim);
  });

  it.each<[string, string]>([
    ['evidence-voided', 'claim'],
    ['evidence-replaced', 'claim'],
    ['evidence-aged-out', 'reevaluation'],
    ['rule-changed', 'rerun'],
    ['excluded', 'assessment'],
  ])('passes the reason %s (trigger %s) without exclusion claims', (reason, trigger) => {
    expect(fields({ ...valid, reason, trigger, exclusionClaims: [] })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a bad reason', { ...valid, reason: 'expired' }, ['reason']],
    ['a reason in another case', { ...valid, reason: 'Excluded' }, ['reason']],
    ['a missing reason', { ...valid, reason: undefined }, ['reason']],
    ['a non-uuid identification id', { ...valid, identificationId: 'IDENT-0001' }, ['identificationId']],
    ['a truncated uuid', { ...valid, identificationId: '3f2b8c1e-9a4d-4c7b-8e2f-1a2b3c4d5e6' }, ['identificationId']],
    ['a uuid with a bad variant', { ...valid, identificationId: '3f2b8c1e-9a4d-4c7b-7e2f-1a2b3c4d5e6f' }, ['identificationId']],
    ['a missing identification id', { ...valid, identificationId: undefined }, ['identificationId']],
    ['a member id of 51 characters', { ...valid, memberId: 'M'.repeat(51) }, ['memberId']],
    ['a condition id with a slash', { ...valid, conditionId: 'heart/failure' }, ['conditionId']],
    ['a rule id in upper case', { ...valid, ruleId: 'DIABETES' }, ['ruleId']],
    ['a rule version with a space', { ...valid, ruleVersion: 'ccw 2023.1' }, ['ruleVersion']],
    ['a bad trigger', { ...valid, trigger: 'retraction' }, ['trigger']],
    ['firstMetOn with a time', { ...valid, firstMetOn: '2025-01-15T00:00:00Z' }, ['firstMetOn']],
    ['firstMetOn not a real date', { ...valid, firstMetOn: '2025-04-31' }, ['firstMetOn']],
    ['retractedAt as a date', { ...valid, retractedAt: '2025-06-01' }, ['retractedAt']],
    ['retractedAt with an hour 24', { ...valid, retractedAt: '2025-06-01T24:00:00Z' }, ['retractedAt']],
    ['missing exclusion claims', { ...valid, exclusionClaims: undefined }, ['exclusionClaims']],
    ['exclusion claims as an object', { ...valid, exclusionClaims: anExclusionClaim() }, ['exclusionClaims']],
    ['an exclusion claim with a bad id', { ...valid, exclusionClaims: [anExclusionClaim({ claimId: '.CLM' })] }, ['exclusionClaims[0].claimId']],
    [
      'an exclusion claim with a bad setting in second place',
      { ...valid, exclusionClaims: [anExclusionClaim(), anExclusionClaim({ setting: 'carrier' })] },
      ['exclusionClaims[1].setting'],
    ],
    [
      'an exclusion claim with several bad fields',
      { ...valid, exclusionClaims: [anExclusionClaim({ version: '1', serviceDate: '05/20/2025' })] },
      ['exclusionClaims[0].serviceDate', 'exclusionClaims[0].version'],
    ],
    [
      'an exclusion claim carrying its diagnoses',
      { ...valid, exclusionClaims: [anExclusionClaim({ diagnosisCodes: ['Z51.5'] })] },
      ['exclusionClaims[0].diagnosisCodes'],
    ],
    [
      '501 exclusion claims',
      { ...valid, exclusionClaims: Array.from({ length: 501 }, (_, i) => anExclusionClaim({ claimId: `CLM-${String(i)}` })) },
      ['exclusionClaims'],
    ],
    ['an unknown top-level field', { ...valid, note: 'manual' }, ['note']],
    [
      'everything missing',
      {},
      [
        'conditionId',
        'exclusionClaims',
        'firstMetOn',
        'identificationId',
        'memberId',
        'reason',
        'retractedAt',
        'ruleId',
        'ruleVersion',
        'trigger',
      ],
    ],
  ])('reports %s', (_name, payload, expected) => {
    expect(fields(payload)).toEqual(expected);
  });

  it('tolerates unknown fields when they are not forbidden (Kafka)', () => {
    expect(fields({ ...valid, note: 'manual' }, false)).toEqual([]);
  });
});

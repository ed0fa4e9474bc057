import {
  anEvidenceClaim,
  anIdentificationEvidence,
  anIdentificationPayload,
} from '../../testing/payload-examples';
import { validateSubmission } from '../validate-submission';
import { EvidenceClaim, IdentificationEvidence } from './identification-evidence.payload';
import { MemberIdentifiedPayload } from './member-identified.payload';

const aClaimRef = anEvidenceClaim;
const evidence = anIdentificationEvidence();
const valid = { ...anIdentificationPayload(), evidence };

const fields = (payload: unknown, forbidUnknownFields = true): string[] => {
  const result = validateSubmission(MemberIdentifiedPayload, payload, { forbidUnknownFields });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};
const withEvidence = (change: Record<string, unknown>) => ({
  ...valid,
  evidence: { ...evidence, ...change },
});

describe('MemberIdentifiedPayload', () => {
  it('passes an identification and returns nested evidence instances', () => {
    const result = validateSubmission(MemberIdentifiedPayload, valid, { forbidUnknownFields: true });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.evidence).toBeInstanceOf(IdentificationEvidence);
    expect(result.ok && result.value.evidence.qualifyingClaims[1]).toBeInstanceOf(EvidenceClaim);
  });

  it.each<[string, Record<string, unknown>]>([
    [
      'a pharmacy basis',
      {
        basis: 'pharmacy',
        evidence: {
          qualifyingClaims: [aClaimRef({ setting: 'pharmacy' })],
          supportingFills: [],
          selfReported: [],
        },
      },
    ],
    ['a self-reported basis', { basis: 'self-reported' }],
    ['an assessment trigger', { trigger: 'assessment' }],
    ['a reevaluation trigger', { trigger: 'reevaluation' }],
    ['a rerun trigger', { trigger: 'rerun' }],
    ['an upper-case uuid', { identificationId: '3F2B8C1E-9A4D-4C7B-8E2F-1A2B3C4D5E6F' }],
    ['a version-7 uuid', { identificationId: '01890a5d-ac96-774b-bcce-b302099a8057' }],
    ['an identifiedAt with an offset', { identifiedAt: '2025-03-11T09:00:00+01:00' }],
    ['empty evidence lists', { evidence: { qualifyingClaims: [], supportingFills: [], selfReported: [] } }],
    ['a condition name of 100 characters', { conditionName: 'x'.repeat(100) }],
  ])('passes with %s', (_name, change) => {
    expect(fields({ ...valid, ...change })).toEqual([]);
  });

  it.each(['inpatient', 'skilled-nursing', 'home-health', 'outpatient', 'professional', 'pharmacy', 'other'])(
    'passes evidence from the %s setting',
    (setting) => {
      expect(fields(withEvidence({ qualifyingClaims: [aClaimRef({ setting })] }))).toEqual([]);
    },
  );

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a non-uuid identification id', { ...valid, identificationId: 'IDENT-0001' }, ['identificationId']],
    [
      'a uuid without dashes',
      { ...valid, identificationId: '3f2b8c1e9a4d4c7b8e2f1a2b3c4d5e6f' },
      ['identificationId'],
    ],
    [
      'a uuid-shaped id of version 0',
      { ...valid, identificationId: '3f2b8c1e-9a4d-0c7b-8e2f-1a2b3c4d5e6f' },
      ['identificationId'],
    ],
    [
      'a uuid in braces',
      { ...valid, identificationId: '{3f2b8c1e-9a4d-4c7b-8e2f-1a2b3c4d5e6f}' },
      ['identificationId'],
    ],
    ['a numeric identification id', { ...valid, identificationId: 42 }, ['identificationId']],
    ['a member id with a space', { ...valid, memberId: 'M 1' }, ['memberId']],
    ['a condition id in upper case', { ...valid, conditionId: 'Diabetes' }, ['conditionId']],
    ['a condition id with an underscore', { ...valid, conditionId: 'heart_failure' }, ['conditionId']],
    ['a rule id starting with a dash', { ...valid, ruleId: '-diabetes' }, ['ruleId']],
    ['an empty rule version', { ...valid, ruleVersion: '' }, ['ruleVersion']],
    ['a rule version of 65 characters', { ...valid, ruleVersion: `v${'1'.repeat(64)}` }, ['ruleVersion']],
    ['a catalog version with a space', { ...valid, catalogVersion: 'conditions 2026.1' }, ['catalogVersion']],
    ['a condition name of 101 characters', { ...valid, conditionName: 'x'.repeat(101) }, ['conditionName']],
    ['a missing condition name', { ...valid, conditionName: undefined }, ['conditionName']],
    ['a bad basis', { ...valid, basis: 'lab-result' }, ['basis']],
    ['a basis in upper case', { ...valid, basis: 'CLAIMS' }, ['basis']],
    ['a bad trigger', { ...valid, trigger: 'manual' }, ['trigger']],
    ['firstMetOn not a real date', { ...valid, firstMetOn: '2025-02-30' }, ['firstMetOn']],
    ['identifiedAt without a time zone', { ...valid, identifiedAt: '2025-03-11T08:00:00' }, ['identifiedAt']],
    ['identifiedAt with a space for T', { ...valid, identifiedAt: '2025-03-11 08:00:00Z' }, ['identifiedAt']],
    ['missing evidence', { ...valid, evidence: undefined }, ['evidence']],
    ['null evidence', { ...valid, evidence: null }, ['evidence']],
    ['evidence as a string', { ...valid, evidence: 'claims' }, ['evidence']],
    [
      'evidence without qualifying claims',
      withEvidence({ qualifyingClaims: undefined }),
      ['evidence.qualifyingClaims'],
    ],
    [
      'evidence without supporting fills',
      withEvidence({ supportingFills: undefined }),
      ['evidence.supportingFills'],
    ],
    [
      'evidence without self-reported items',
      withEvidence({ selfReported: undefined }),
      ['evidence.selfReported'],
    ],
    [
      'a bad claim setting',
      withEvidence({ qualifyingClaims: [aClaimRef({ setting: 'hospital' })] }),
      ['evidence.qualifyingClaims[0].setting'],
    ],
    [
      'a claim version 0 in second place',
      withEvidence({ qualifyingClaims: [aClaimRef(), aClaimRef({ version: 0 })] }),
      ['evidence.qualifyingClaims[1].version'],
    ],
    [
      'a fractional claim version',
      withEvidence({ qualifyingClaims: [aClaimRef({ version: 1.5 })] }),
      ['evidence.qualifyingClaims[0].version'],
    ],
    [
      'a claim id with a space',
      withEvidence({ qualifyingClaims: [aClaimRef({ claimId: 'CLM 1' })] }),
      ['evidence.qualifyingClaims[0].claimId'],
    ],
    [
      'a fill on a day that does not exist',
      withEvidence({ supportingFills: [aClaimRef({ serviceDate: '2025-02-29' })] }),
      ['evidence.supportingFills[0].serviceDate'],
    ],
    [
      'a fill without a setting',
      withEvidence({ supportingFills: [aClaimRef({ setting: undefined })] }),
      ['evidence.supportingFills[0].setting'],
    ],
    [
      'an empty assessment id',
      withEvidence({ selfReported: [{ assessmentId: '', completedOn: '2025-03-01' }] }),
      ['evidence.selfReported[0].assessmentId'],
    ],
    [
      'an assessment without completedOn',
      withEvidence({ selfReported: [{ assessmentId: 'HRA-1' }] }),
      ['evidence.selfReported[0].completedOn'],
    ],
    [
      'a null qualifying claim',
      withEvidence({ qualifyingClaims: [null] }),
      ['evidence.qualifyingClaims', 'evidence.qualifyingClaims[0]'],
    ],
    [
      '501 qualifying claims',
      withEvidence({
        qualifyingClaims: Array.from({ length: 501 }, (_, i) => aClaimRef({ claimId: `CLM-${String(i)}` })),
      }),
      ['evidence.qualifyingClaims'],
    ],
    [
      'diagnoses in the evidence (they stay with claims-intake)',
      withEvidence({ qualifyingClaims: [aClaimRef({ diagnosisCodes: ['E11.9'] })] }),
      ['evidence.qualifyingClaims[0].diagnosisCodes'],
    ],
    ['an unknown evidence list', withEvidence({ labResults: [] }), ['evidence.labResults']],
    ['an unknown top-level field', { ...valid, confidence: 0.9 }, ['confidence']],
    [
      'everything missing',
      {},
      [
        'basis',
        'catalogVersion',
        'conditionId',
        'conditionName',
        'evidence',
        'firstMetOn',
        'identificationId',
        'identifiedAt',
        'memberId',
        'ruleId',
        'ruleVersion',
        'trigger',
      ],
    ],
  ])('reports %s', (_name, payload, expected) => {
    expect(fields(payload)).toEqual(expected);
  });

  it('tolerates unknown fields when they are not forbidden (Kafka)', () => {
    expect(fields({ ...valid, confidence: 0.9 }, false)).toEqual([]);
    expect(
      fields(withEvidence({ qualifyingClaims: [aClaimRef({ diagnosisCodes: ['E11.9'] })] }), false),
    ).toEqual([]);
  });
});

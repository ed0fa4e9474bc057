import { aValidPharmacyClaim, aValidProfessionalClaim } from '../../testing/claim-factory';
import { ClaimSubmission } from '../claims-inbound/claim-submission.payload';
import { normalizeClaim } from '../claims-inbound/normalize-claim';
import { validateSubmission } from '../validate-submission';
import { ClaimReceivedPayload } from './claim-received.payload';

const validate = (payload: unknown) =>
  validateSubmission(ClaimReceivedPayload, payload, { forbidUnknownFields: false });
const fields = (payload: unknown): string[] => {
  const result = validate(payload);
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

describe('ClaimReceivedPayload', () => {
  it('passes a normalized claim', () => {
    const claim = validateSubmission(ClaimSubmission, aValidPharmacyClaim(), { forbidUnknownFields: true });
    if (!claim.ok) throw new Error('factory claim is invalid');
    const payload = JSON.parse(
      JSON.stringify({
        claim: normalizeClaim(claim.value),
        intakeChannel: 'kafka',
        receivedAt: '2025-03-11T08:00:00.000Z',
      }),
    ) as unknown;
    const result = validate(payload);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.claim).toBeInstanceOf(ClaimSubmission);
  });

  it.each<[string, unknown, string[]]>([
    [
      'unknown intake channel',
      { claim: aValidProfessionalClaim(), intakeChannel: 'fax', receivedAt: '2025-01-16T08:00:00Z' },
      ['intakeChannel'],
    ],
    [
      'receivedAt without time',
      { claim: aValidProfessionalClaim(), intakeChannel: 'http', receivedAt: '2025-01-16' },
      ['receivedAt'],
    ],
    [
      'claim rules apply inside',
      {
        claim: {
          ...aValidProfessionalClaim({ placeOfService: undefined }),
          lines: [{ lineNumber: 1, units: 1, chargedAmount: 1 }],
        },
        intakeChannel: 'file',
        receivedAt: '2025-01-16T08:00:00Z',
      },
      ['claim.lines[0].procedureCode', 'claim.placeOfService'],
    ],
    [
      'claim-type rules of nested lines apply inside',
      {
        claim: aValidProfessionalClaim({
          lines: [{ lineNumber: 1, revenueCode: '0450', units: 1, chargedAmount: 1 }],
        }),
        intakeChannel: 'http',
        receivedAt: '2025-01-16T08:00:00Z',
      },
      ['claim.lines[0].procedureCode', 'claim.lines[0].revenueCode'],
    ],
    ['missing claim', { intakeChannel: 'http', receivedAt: '2025-01-16T08:00:00Z' }, ['claim']],
  ])('%s is reported on %j', (_name, payload, expected) => {
    expect(fields(payload)).toEqual(expected);
  });
});

import { ClaimSubmission, MemberRecord, validateSubmission, type ValidationIssue } from '@care/contracts';
import { createPopulation } from './population.factory';
import type { ClaimSubmissionPlain, MemberRecordPlain } from './population.types';

const CLAIMS_TO_VALIDATE = 5000;

/** A fixed past date: validation rejects service dates after the real today. */
const AS_OF = '2025-06-30';

describe('generated population against @care/contracts', () => {
  const population = createPopulation({ seed: 7, households: 1500, asOf: AS_OF });
  // Mostly whole households, plus every rare kind (SNF, home health, voids, pending) from further households.
  const rare = (claim: ClaimSubmissionPlain): boolean =>
    claim.typeOfBill === '0211' ||
    claim.typeOfBill === '0321' ||
    claim.frequency === 'void' ||
    claim.adjudicationStatus === 'pending';
  const claims: ClaimSubmissionPlain[] = [];
  const members: MemberRecordPlain[] = [];
  const rareClaims: ClaimSubmissionPlain[] = [];
  for (const household of population.households()) {
    if (claims.length < CLAIMS_TO_VALIDATE * 0.9) {
      members.push(...household.members);
      claims.push(...household.claims);
    } else {
      rareClaims.push(...household.claims.filter(rare));
    }
  }
  claims.push(...rareClaims.slice(0, CLAIMS_TO_VALIDATE - claims.length));
  claims.length = Math.min(claims.length, CLAIMS_TO_VALIDATE);

  const failures = (
    items: readonly object[],
    validate: (item: object) => readonly ValidationIssue[],
    label: (item: object) => string,
  ): string[] => {
    const found: string[] = [];
    for (const item of items) {
      const issues = validate(item);
      if (issues.length > 0 && found.length < 20)
        found.push(
          `${label(item)}: ${issues.map((i) => `${i.field}: ${i.messages.join('; ')}`).join(' | ')}`,
        );
    }
    return found;
  };

  it(`validates ${CLAIMS_TO_VALIDATE} claims with zero issues (strict, as over HTTP)`, () => {
    expect(claims).toHaveLength(CLAIMS_TO_VALIDATE);
    const found = failures(
      claims,
      (claim) => {
        const result = validateSubmission(ClaimSubmission, claim, { forbidUnknownFields: true });
        return result.ok ? [] : result.issues;
      },
      (claim) => `${(claim as ClaimSubmissionPlain).claimId} v${(claim as ClaimSubmissionPlain).version}`,
    );
    expect(found).toEqual([]);
  });

  it('includes every claim kind', () => {
    const kinds = new Set(claims.map((claim) => claim.placeOfService ?? claim.typeOfBill ?? claim.claimType));
    for (const kind of ['11', '22', '23', '81', '0111', '0131', '0211', '0321', 'pharmacy'])
      expect(kinds).toContain(kind);
    const states = new Set(claims.map((claim) => `${claim.frequency}/${claim.adjudicationStatus}`));
    for (const state of [
      'original/paid',
      'original/denied',
      'original/pending',
      'replacement/paid',
      'void/paid',
    ])
      expect(states).toContain(state);
  });

  it('is not vacuous: a broken NPI check digit is reported', () => {
    const claim = claims[0];
    const npi = claim.billingProvider.npi;
    const broken = {
      ...claim,
      billingProvider: { ...claim.billingProvider, npi: `${npi.slice(0, 9)}${(Number(npi[9]) + 1) % 10}` },
    };
    const result = validateSubmission(ClaimSubmission, broken, { forbidUnknownFields: true });
    expect(result.ok).toBe(false);
  });

  it('validates all their members with zero issues', () => {
    expect(members.length).toBeGreaterThan(100);
    const found = failures(
      members,
      (member) => {
        const result = validateSubmission(MemberRecord, member, { forbidUnknownFields: true });
        return result.ok ? [] : result.issues;
      },
      (member) => (member as MemberRecordPlain).memberId,
    );
    expect(found).toEqual([]);
  });
});

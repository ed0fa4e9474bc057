import { Readable } from 'node:stream';
import {
  aValidInstitutionalClaim,
  aValidProfessionalClaim,
  normalizeClaim,
  type ClaimSubmission,
} from '@care/contracts';
import { readX12SegmentBatches } from '../segments/read-x12-segments';
import { interchange837Text, type Claim837Spec, type Group837 } from '../testing/x12-837.builder';
import type { CheckedClaim837 } from './check-claim-837';
import { PATIENT_MEMBER_PLACEHOLDER } from './claim-837.mapper';
import { MAX_CLAIMS_PER_SET, readClaims837, type ReadClaimSet } from './read-claims-837';

/** A claim as an 837 carries it: pending, no paid amounts, no lab results. */
function billed(claim: ClaimSubmission): ClaimSubmission {
  const copy: ClaimSubmission = {
    ...claim,
    adjudicationStatus: 'pending',
    lines: (claim.lines ?? []).map((line) => {
      const plain = { ...line };
      delete plain.paidAmount;
      delete plain.labResult;
      return plain;
    }),
  };
  delete copy.totalPaidAmount;
  return copy;
}

const professional = (overrides: Partial<ClaimSubmission> = {}): ClaimSubmission =>
  billed(aValidProfessionalClaim(overrides));
const institutional = (overrides: Partial<ClaimSubmission> = {}): ClaimSubmission =>
  billed(aValidInstitutionalClaim(overrides));

async function setsOf(text: string): Promise<ReadClaimSet[]> {
  const sets: ReadClaimSet[] = [];
  for await (const event of readClaims837(readX12SegmentBatches(Readable.from([Buffer.from(text)])))) {
    if (event.kind === 'set') sets.push(event.set);
  }
  return sets;
}

const textOf = (groups: readonly Group837[]): string => interchange837Text(groups, { controlNumber: 7 });

async function onlyClaim(
  kind: Group837['kind'],
  spec: Claim837Spec,
  edit = (text: string) => text,
): Promise<CheckedClaim837> {
  const [set] = await setsOf(edit(textOf([{ kind, claims: [spec] }])));
  const [claim] = set?.claims ?? [];
  if (claim === undefined) throw new Error('no claim read');
  return claim;
}

/** Adjusts SE01 after a test added (+n) or removed (-n) segments. */
const recount = (text: string, delta: number): string =>
  text.replace(/SE\*(\d+)\*0001~/, (_match, count: string) => `SE*${Number(count) + delta}*0001~`);

const plain = (claim: ClaimSubmission): unknown => JSON.parse(JSON.stringify(normalizeClaim(claim)));

describe('reading the claims of an 837', () => {
  describe('mapping, field by field (docs/x12-837-mapping.md)', () => {
    it.each([
      ['an 837P office visit', 'professional' as const, professional()],
      ['an 837I outpatient claim with a revenue-code-only line', 'institutional' as const, institutional()],
      [
        'an 837P line with a drug given by NDC (LIN/CTP) and four modifiers',
        'professional' as const,
        professional({
          lines: [
            {
              lineNumber: 1,
              procedureCode: 'J1885',
              modifiers: ['JW', '59', 'RT', 'XU'],
              serviceDate: '2025-01-15',
              units: 3,
              chargedAmount: 40.5,
              ndc: '00409376803',
              drugQuantity: 15,
              drugUnit: 'ME',
            },
          ],
          totalChargedAmount: 40.5,
        }),
      ],
      [
        'an 837I inpatient claim of 25 diagnoses (type of bill 0111)',
        'institutional' as const,
        institutional({
          typeOfBill: '0111',
          diagnoses: Array.from({ length: 25 }, (_, index) => ({ code: `Z${String(index + 10)}` })),
        }),
      ],
    ])('maps %s to the claim the JSON API takes', async (_name, kind, claim) => {
      const checked = await onlyClaim(kind, { claim });
      expect(checked.ok && plain(checked.claim)).toEqual(plain(claim));
    });

    it.each([
      ['1', 'original', 'CLM-P-0001'],
      ['7', 'replacement', 'PAYER-ICN-1'],
      ['8', 'void', 'PAYER-ICN-1'],
    ])(
      'reads CLM05-3 %s as %s, the claim id from REF*F8 for replacements and voids',
      async (_code, frequency, claimId) => {
        const claim = professional({ frequency: frequency as ClaimSubmission['frequency'], claimId });
        const checked = await onlyClaim('professional', {
          claim,
          ...(frequency === 'original' ? {} : { submitterClaimId: 'PCN-1' }),
        });
        expect(
          checked.ok && {
            frequency: checked.claim.frequency,
            claimId: checked.claim.claimId,
            version: checked.claim.version,
          },
        ).toEqual({
          frequency,
          claimId,
          version: 1,
        });
        // The summary and the 999 name the claim by its CLM01.
        expect(checked.claimId).toBe(frequency === 'original' ? claimId : 'PCN-1');
      },
    );

    it('takes the type of bill of an 837I from CLM05-1 and CLM05-3', async () => {
      const claim = institutional({ frequency: 'replacement', typeOfBill: '0137' });
      const checked = await onlyClaim('institutional', { claim });
      expect(checked.ok && checked.claim.typeOfBill).toBe('0137');
    });

    it('lists the ICD-10 diagnoses of an 837I in order ABK, ABF, ABJ, APR, ABN, each code once', async () => {
      const claim = institutional({ diagnoses: [{ code: 'J18.9' }, { code: 'E11.9' }] });
      const checked = await onlyClaim('institutional', { claim }, (text) =>
        recount(text.replace('HI*ABF:E119~', 'HI*ABN:W010XXA*ABJ:R509*APR:J189*ABF:E119~'), 0),
      );
      expect(checked.ok && checked.claim.diagnoses?.map((diagnosis) => diagnosis.code)).toEqual([
        'J189',
        'E119',
        'R509',
        'W010XXA',
      ]);
    });

    it('spans the claim over RD8 line dates and keeps each line at its first day', async () => {
      const claim = professional();
      const checked = await onlyClaim('professional', { claim }, (text) =>
        text.replace('DTP*472*D8*20250115~\nLX*2', 'DTP*472*RD8*20250110-20250115~\nLX*2'),
      );
      expect(
        checked.ok && [
          checked.claim.serviceDateFrom,
          checked.claim.serviceDateTo,
          checked.claim.lines?.[0]?.serviceDate,
        ],
      ).toEqual(['2025-01-10', '2025-01-15', '2025-01-10']);
    });

    it('keeps an 837I line with a HIPPS code (SV202 qualifier HP) by its revenue code alone', async () => {
      const claim = institutional();
      const checked = await onlyClaim('institutional', { claim }, (text) =>
        text.replace('SV2*0636*HC:J1885*', 'SV2*0636*HP:RUA11*'),
      );
      expect(checked.ok && checked.claim.lines?.[1]).toEqual(
        expect.not.objectContaining({ procedureCode: expect.anything() }),
      );
      expect(checked.ok && checked.claim.lines?.[1]?.revenueCode).toBe('0636');
    });

    it('leaves the member of a 2000C patient to the roster, with what to find them by', async () => {
      const checked = await onlyClaim('professional', {
        claim: professional({ memberId: 'M-CHILD' }),
        patient: {
          subscriberId: 'M-SUB',
          relationshipCode: '19',
          birthDate: '2015-06-01',
          firstName: 'KIM',
          lastName: 'X',
          sex: 'F',
        },
      });
      expect(checked.ok && checked.claim.memberId).toBe(PATIENT_MEMBER_PLACEHOLDER);
      expect(checked.ok && checked.patient).toMatchObject({
        subscriberId: 'M-SUB',
        relationships: ['child'],
        birthDate: '2015-06-01',
        firstName: 'KIM',
      });
    });
  });

  describe('a claim is rejected alone, every reason naming the field, segment and element', () => {
    const reasonOf = async (
      kind: Group837['kind'],
      claim: ClaimSubmission,
      edit: (text: string) => string,
    ): Promise<string> => {
      const checked = await onlyClaim(kind, { claim }, edit);
      return checked.ok ? 'accepted' : checked.reason;
    };

    it.each([
      [
        'CLM05-3 3 (an interim bill)',
        (text: string) => text.replace('11:B:1*', '11:B:3*'),
        /^frequency \(CLM05-3 at segment \d+\): CLM05-3 must be 1 \(original\), 7 \(replacement\) or 8 \(void\)/,
      ],
      [
        'an ICD-9 principal diagnosis (BK)',
        (text: string) => text.replace('HI*ABK:E119', 'HI*BK:25000'),
        /^diagnoses \(HI01-1 at segment \d+\): HI01-1 qualifier BK is ICD-9-CM/,
      ],
      [
        'an ICD-9 other diagnosis (BF)',
        (text: string) => text.replace('ABF:I10', 'BF:4019'),
        /^diagnoses \(HI02-1 at segment \d+\): HI02-1 qualifier BF is ICD-9-CM/,
      ],
      [
        'no principal diagnosis',
        (text: string) => text.replace('HI*ABK:E119*ABF:I10', 'HI*ABF:E119*ABF:I10'),
        /^diagnoses \(HI01-2 at segment \d+\): the principal diagnosis \(HI qualifier ABK\) is missing$/,
      ],
      [
        'a procedure code set other than HC on SV101',
        (text: string) => text.replace('SV1*HC:99213:25', 'SV1*WK:99213:25'),
        /^lines\[0\]\.procedureCode \(SV101-1 at segment \d+\): SV101-1 must be HC/,
      ],
      [
        'units that are not a number',
        (text: string) => text.replace('*150*UN*1***1~', '*150*UN*ONE***1~'),
        /^lines\[0\]\.units \(SV104 at segment \d+\): .*lines\[0\]\.units must be a positive number/,
      ],
      [
        'a service date that is not D8',
        (text: string) => text.replace('DTP*472*D8*20250115~', 'DTP*472*D8*2025-01-15~'),
        /^lines\[0\]\.serviceDate \(DTP03 at segment \d+\): DTP\*472 must hold a date D8 CCYYMMDD/,
      ],
      [
        'CLM02 other than the sum of the lines',
        (text: string) => text.replace('*175.75***', '*180***'),
        /^totalChargedAmount \(CLM02 at segment \d+\): CLM02 must equal the sum of the service line charges$/,
      ],
      [
        'a billing NPI qualifier other than XX',
        (text: string) => text.replace('*****XX*1245319599', '*****24*1245319599'),
        /^billingProvider\.npi \(NM108 at segment \d+\): NM108 of the billing provider must be XX: the NPI$/,
      ],
      [
        'a replacement without REF*F8',
        (text: string) => text.replace('11:B:1*', '11:B:7*'),
        /^claimId \(CLM05-3 at segment \d+\): a replacement or void \(CLM05-3 7 or 8\) must name the claim it replaces in REF\*F8/,
      ],
      [
        'a drug unit the contract does not take',
        (text: string) => text.replace('CTP****1*UN~', 'CTP****1*LB~'),
        /^lines\[0\]\.drugUnit \(CTP05-1 at segment \d+\): CTP05-1 must be F2, GR, ME, ML or UN$/,
      ],
    ])('%s', async (_name, edit, reason) => {
      const claim = professional({
        lines: [
          {
            ...(professional().lines?.[0] as NonNullable<ClaimSubmission['lines']>[number]),
            ndc: '00409376803',
            drugQuantity: 1,
            drugUnit: 'UN',
          },
          professional().lines?.[1] as NonNullable<ClaimSubmission['lines']>[number],
        ],
      });
      expect(await reasonOf('professional', claim, edit)).toMatch(reason);
    });

    it('gives each failing element to the 999 with its IK4 code and reference number, and the claim id for CTX', async () => {
      const checked = await onlyClaim('professional', { claim: professional() }, (text) =>
        text.replace('*150*UN*1***1~', '*150*UN****1~').replace('*****XX*1245319599', '*****XX*1245319590'),
      );
      expect(checked.ok).toBe(false);
      if (checked.ok) return;
      expect(checked.segmentErrors).toEqual([
        expect.objectContaining({
          tag: 'NM1',
          loop: '2010AA',
          code: '8',
          claimId: 'CLM-P-0001',
          elements: [{ position: 9, reference: '67', code: '7' }],
        }),
        expect.objectContaining({
          tag: 'SV1',
          loop: '2400',
          code: '8',
          claimId: 'CLM-P-0001',
          elements: [{ position: 4, reference: '380', code: '1' }],
        }),
      ]);
    });

    it('rejects a claim with a segment no 837 has, and one where its loop does not take it, with IK3 codes 1 and 2', async () => {
      const [set] = await setsOf(
        recount(
          textOf([
            {
              kind: 'professional',
              claims: [
                { claim: professional() },
                { claim: professional({ claimId: 'CLM-2', memberId: 'M-2' }) },
              ],
            },
          ])
            .replace(/(CLM\*CLM-P-0001[^~]*~\n)/, '$1XYZ*1~\n')
            .replace(/(CLM\*CLM-2[^~]*~\n)/, '$1PAT*19~\n'),
          2,
        ),
      );
      expect(
        set?.claims.map((claim) =>
          claim.ok
            ? 'ok'
            : claim.segmentErrors.map((error) => `${error.tag}:${error.loop ?? ''}:${error.code}`).join(),
        ),
      ).toEqual(['XYZ:2300:1', 'PAT:2300:2']);
      expect(set?.segmentErrors).toEqual([]);
    });
  });

  describe('set-level structure', () => {
    it.each([
      [
        'a billing provider level without its name loop',
        (text: string) => recount(text.replace(/NM1\*85\*[^~]*~\n/, ''), -1),
        /the billing provider name \(loop 2010AA, NM1\*85\) is missing/,
      ],
      [
        'HL ids out of order',
        (text: string) => text.replace('HL*2*1*22*0~', 'HL*5*1*22*0~'),
        /HL01 at segment \d+ must be 2/,
      ],
      [
        'a subscriber level under no billing provider',
        (text: string) => text.replace('HL*2*1*22*0~', 'HL*2**22*0~'),
        /HL02 at segment \d+ must name the HL of the billing provider level above it/,
      ],
      [
        'no BHT',
        (text: string) => recount(text.replace(/BHT\*[^~]*~\n/, ''), -1),
        /the beginning of hierarchical transaction \(BHT\) is missing/,
      ],
    ])('rejects the set for %s', async (_name, edit, message) => {
      const [set] = await setsOf(
        edit(textOf([{ kind: 'professional', claims: [{ claim: professional() }] }])),
      );
      expect(set?.segmentErrors.map((error) => error.message).join(' | ')).toMatch(message);
    });

    it(`holds at most the claims a set may hold (${MAX_CLAIMS_PER_SET}) and rejects a larger set`, async () => {
      const claims = Array.from({ length: 5 }, (_, index) => ({
        claim: professional({ claimId: `C-${index}` }),
      }));
      const text = interchange837Text([{ kind: 'professional', claims }], {
        controlNumber: 8,
        claimsPerSet: 5,
      });
      const sets: ReadClaimSet[] = [];
      for await (const event of readClaims837(readX12SegmentBatches(Readable.from([Buffer.from(text)])), {
        maxClaimsPerSet: 3,
      })) {
        if (event.kind === 'set') sets.push(event.set);
      }
      const [set] = sets;
      expect(set?.claims).toHaveLength(3);
      expect(set?.claimCount).toBe(5);
      expect(set?.segmentErrors).toEqual([expect.objectContaining({ tag: 'CLM', code: '4' })]);
    });

    it('skips a functional group that is not 837 claims, and rejects an ST03 that is not the group guide', async () => {
      const text = textOf([
        { kind: 'professional', claims: [{ claim: professional() }] },
        { kind: 'institutional', claims: [{ claim: institutional() }] },
      ])
        .replace(
          'GS*HC*CLEARINGHOUSE01*CAREPLATFORM*20250301*1200*1*X*005010X222A1',
          'GS*BE*CLEARINGHOUSE01*CAREPLATFORM*20250301*1200*1*X*005010X220A1',
        )
        .replace('ST*837*0001*005010X223A2', 'ST*837*0001*005010X222A1');
      const sets = await setsOf(text);
      expect(sets).toHaveLength(1);
      expect(sets[0]?.problems).toEqual([
        { code: 'I6', message: 'ST03 must name the implementation guide of the group (GS08)' },
      ]);
    });
  });
});

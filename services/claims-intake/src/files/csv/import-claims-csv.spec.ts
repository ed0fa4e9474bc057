import { Readable } from 'node:stream';
import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  type ClaimSubmission,
} from '@care/contracts';
import type { ClaimCsvRow } from './claim-csv-columns';
import {
  importClaimsCsv,
  MAX_REPORTED_REJECTIONS,
  type CsvImportSummary,
  type SubmitClaims,
} from './import-claims-csv';
import { ClaimsCsvFormatError } from './read-claims-csv';
import { claimsToCsv, claimToCsvRows, rowsToCsv } from './testing/claims-to-csv';

const pharmacyClaims = (count: number, prefix = 'IMP-RX'): ClaimSubmission[] =>
  Array.from({ length: count }, (_unused, index) =>
    aValidPharmacyClaim({ claimId: `${prefix}-${index + 1}` }),
  );

/** A submit function that records each batch and answers with the status `statusOf` gives (accepted by default). */
const recordingSubmit = (
  statusOf: (claim: ClaimSubmission) => string = () => 'accepted',
): SubmitClaims & { batches: string[][] } => {
  const batches: string[][] = [];
  const submit = (claims: ClaimSubmission[]): Promise<Array<{ status: string }>> => {
    batches.push(claims.map((claim) => claim.claimId));
    return Promise.resolve(claims.map((claim) => ({ status: statusOf(claim) })));
  };
  return Object.assign(submit, { batches });
};

const csv = (text: string): Readable => Readable.from([text]);

describe('importClaimsCsv', () => {
  describe('batching', () => {
    it.each([
      [7, 3, [3, 3, 1]],
      [6, 3, [3, 3]],
      [2, 5, [2]],
      [4, 1, [1, 1, 1, 1]],
    ])(
      'submits %i valid claims with batchSize %i in batches of %j, in file order',
      async (count, batchSize, sizes) => {
        const claims = pharmacyClaims(count);
        const submit = recordingSubmit();
        await importClaimsCsv(csv(claimsToCsv(claims)), submit, { batchSize });
        expect(submit.batches.map((batch) => batch.length)).toEqual(sizes);
        expect(submit.batches.flat()).toEqual(claims.map((claim) => claim.claimId));
      },
    );

    it('submits batches of 500 by default', async () => {
      const submit = recordingSubmit();
      await importClaimsCsv(csv(claimsToCsv(pharmacyClaims(501))), submit);
      expect(submit.batches.map((batch) => batch.length)).toEqual([500, 1]);
    });

    it('submits validated claims and never submits an invalid one', async () => {
      const submitted: ClaimSubmission[] = [];
      const good = aValidProfessionalClaim({ claimId: 'IMP-GOOD' });
      const [badRow] = claimToCsvRows(aValidPharmacyClaim({ claimId: 'IMP-BAD' })) as [ClaimCsvRow];
      await importClaimsCsv(
        csv(rowsToCsv([...claimToCsvRows(good), { ...badRow, ndc: '123' }])),
        (claims) => {
          submitted.push(...claims);
          return Promise.resolve(claims.map(() => ({ status: 'accepted' })));
        },
      );
      expect(submitted.map((claim) => claim.claimId)).toEqual(['IMP-GOOD']);
      expect(submitted[0]?.lines).toHaveLength(2);
    });

    it('submits nothing for a file without claims', async () => {
      const submit = recordingSubmit();
      expect(await importClaimsCsv(csv(rowsToCsv([])), submit)).toEqual({
        claims: 0,
        accepted: 0,
        duplicate: 0,
        conflict: 0,
        rejected: 0,
        rejections: [],
      });
      expect(submit.batches).toEqual([]);
    });

    it('reports progress after each batch', async () => {
      const progress: Array<Pick<CsvImportSummary, 'claims' | 'accepted'>> = [];
      await importClaimsCsv(csv(claimsToCsv(pharmacyClaims(5))), recordingSubmit(), {
        batchSize: 2,
        onClaims: ({ claims, accepted }) => progress.push({ claims, accepted }),
      });
      expect(progress).toEqual([
        { claims: 2, accepted: 2 },
        { claims: 4, accepted: 4 },
        { claims: 5, accepted: 5 },
      ]);
    });
  });

  describe('summary', () => {
    // File lines: 1 header, 2-3 professional, 4-5 institutional, 6 duplicate, 7 conflict, 8 invalid, 9 odd status.
    const professional = aValidProfessionalClaim({ claimId: 'IMP-P' });
    const institutional = aValidInstitutionalClaim({ claimId: 'IMP-I' });
    const duplicate = aValidPharmacyClaim({ claimId: 'IMP-DUP' });
    const conflicting = aValidPharmacyClaim({ claimId: 'IMP-CONFLICT', version: 3 });
    const [invalidRow] = claimToCsvRows(aValidPharmacyClaim({ claimId: 'IMP-INVALID' })) as [ClaimCsvRow];
    const odd = aValidPharmacyClaim({ claimId: 'IMP-ODD' });
    const file = rowsToCsv([
      ...[professional, institutional, duplicate, conflicting].flatMap(claimToCsvRows),
      { ...invalidRow, days_supply: 'thirty' },
      ...claimToCsvRows(odd),
    ]);
    const statuses: Record<string, string> = {
      'IMP-DUP': 'duplicate',
      'IMP-CONFLICT': 'conflict',
      'IMP-ODD': 'queued',
    };
    const importFile = (batchSize: number): Promise<CsvImportSummary> =>
      importClaimsCsv(
        csv(file),
        recordingSubmit((claim) => statuses[claim.claimId] ?? 'accepted'),
        { batchSize },
      );

    it.each([1, 2, 500])('counts each outcome (batchSize %i)', async (batchSize) => {
      expect(await importFile(batchSize)).toMatchObject({
        claims: 6,
        accepted: 2,
        duplicate: 1,
        conflict: 1,
        rejected: 3,
      });
    });

    it('reports a conflict with its lines and what conflicts, counted as rejected', async () => {
      const { rejections } = await importFile(2);
      expect(rejections).toContainEqual({
        lines: [7],
        claimId: 'IMP-CONFLICT',
        reason: 'claim IMP-CONFLICT version 3 was already received with different content',
      });
    });

    it('reports an invalid claim with its lines and a reason naming the failing field', async () => {
      const { rejections } = await importFile(2);
      const invalid = rejections.find((rejection) => rejection.claimId === 'IMP-INVALID');
      expect(invalid?.lines).toEqual([8]);
      expect(invalid?.reason).toMatch(/^drug\.daysSupply: /);
      expect(invalid?.reason).not.toContain('thirty');
    });

    it('reports a claim the intake answered with an unexpected status as not accepted', async () => {
      const { rejections } = await importFile(2);
      expect(rejections).toContainEqual({ lines: [9], claimId: 'IMP-ODD', reason: 'not accepted (queued)' });
    });

    it('reports nothing for accepted and duplicate claims', async () => {
      const { rejections } = await importFile(2);
      expect(rejections.map((rejection) => rejection.claimId).sort()).toEqual([
        'IMP-CONFLICT',
        'IMP-INVALID',
        'IMP-ODD',
      ]);
    });

    it('reports an invalid claim without a claim id by its lines only', async () => {
      const summary = await importClaimsCsv(
        csv(rowsToCsv([{ ...invalidRow, claim_id: '' }])),
        recordingSubmit(),
      );
      expect(summary.rejections).toEqual([{ lines: [2], reason: expect.stringContaining('claimId: ') }]);
    });
  });

  it(`counts every rejection but reports only the first ${MAX_REPORTED_REJECTIONS}`, async () => {
    const [row] = claimToCsvRows(aValidPharmacyClaim()) as [ClaimCsvRow];
    const rejectedCount = MAX_REPORTED_REJECTIONS + 2;
    const rows = Array.from({ length: rejectedCount }, (_unused, index) => ({
      ...row,
      claim_id: `IMP-CAP-${index + 1}`,
      quantity: 'none',
    }));
    const summary = await importClaimsCsv(csv(rowsToCsv(rows)), recordingSubmit());
    expect(summary).toMatchObject({ claims: rejectedCount, rejected: rejectedCount, accepted: 0 });
    expect(summary.rejections).toHaveLength(MAX_REPORTED_REJECTIONS);
    expect(summary.rejections[0]).toMatchObject({ lines: [2], claimId: 'IMP-CAP-1' });
    expect(summary.rejections.at(-1)).toMatchObject({
      lines: [MAX_REPORTED_REJECTIONS + 1],
      claimId: `IMP-CAP-${MAX_REPORTED_REJECTIONS}`,
    });
  });

  describe('failures', () => {
    it('fails with the ClaimsCsvFormatError of a file that is not a claims CSV, submitting nothing', async () => {
      const submit = recordingSubmit();
      await expect(importClaimsCsv(csv('claim_id,member\nX,Y\n'), submit)).rejects.toBeInstanceOf(
        ClaimsCsvFormatError,
      );
      expect(submit.batches).toEqual([]);
    });

    it('fails with the error of the submit function', async () => {
      const failure = new Error('claims-intake answered 503 to a batch');
      await expect(
        importClaimsCsv(csv(claimsToCsv(pharmacyClaims(3))), () => Promise.reject(failure), { batchSize: 2 }),
      ).rejects.toBe(failure);
    });

    it.each([
      ['fewer', 1],
      ['more', 3],
    ])('fails when the intake answers %s outcomes than claims submitted', async (_name, answered) => {
      const submit: SubmitClaims = () =>
        Promise.resolve(Array.from({ length: answered }, () => ({ status: 'accepted' })));
      await expect(
        importClaimsCsv(csv(claimsToCsv(pharmacyClaims(2))), submit, { batchSize: 2 }),
      ).rejects.toThrow(`intake answered ${answered} outcomes to a batch of 2 claims`);
    });
  });
});

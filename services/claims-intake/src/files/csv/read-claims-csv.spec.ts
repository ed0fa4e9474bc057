import { Readable } from 'node:stream';
import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  type ClaimSubmission,
} from '@care/contracts';
import { CLAIM_CSV_COLUMNS, REQUIRED_CLAIM_CSV_COLUMNS, type ClaimCsvRow } from './claim-csv-columns';
import { ClaimsCsvFormatError, readClaimsCsv, type CsvClaim } from './read-claims-csv';
import { claimsToCsv, claimToCsvRows, rowsToCsv } from './testing/claims-to-csv';

const readAll = async (input: Readable): Promise<CsvClaim[]> => {
  const claims: CsvClaim[] = [];
  for await (const claim of readClaimsCsv(input)) claims.push(claim);
  return claims;
};
const read = (text: string): Promise<CsvClaim[]> => readAll(Readable.from([text]));

/** The bytes of `text` in chunks of `size`, so rows, quoted cells and the BOM straddle chunk boundaries. */
const inChunks = (text: string, size: number): Readable => {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return Readable.from(chunks);
};

const claimIdOf = (item: CsvClaim): string | undefined => (item.ok ? item.claim.claimId : item.claimId);
const issueFields = (item: CsvClaim | undefined): string[] =>
  item === undefined || item.ok ? [] : item.issues.map((issue) => issue.field);

/** What the CSV carries of a factory claim (there is no column for the rendering provider's name). */
const asCarried = (claim: ClaimSubmission): ClaimSubmission =>
  claim.renderingProvider === undefined
    ? claim
    : { ...claim, renderingProvider: { npi: claim.renderingProvider.npi } };

const professional = aValidProfessionalClaim({ claimId: 'CSV-P' });
const institutional = aValidInstitutionalClaim({ claimId: 'CSV-I' });
const pharmacy = aValidPharmacyClaim({ claimId: 'CSV-RX' });
const rowsOf = (claim: ClaimSubmission): ClaimCsvRow[] => claimToCsvRows(claim);

describe('readClaimsCsv', () => {
  describe('bounds', () => {
    it('refuses a claim of 50,000 rows as too long, holding at most 1,000 of them, and reads the next claim', async () => {
      const line = professional.lines?.[0];
      const huge = {
        ...professional,
        claimId: 'CSV-HUGE',
        lines: Array.from({ length: 50_000 }, (_, index) => ({ ...line, lineNumber: index + 1 })),
      } as ClaimSubmission;
      const claims = await read(claimsToCsv([huge, institutional]));
      expect(claims.map((item) => [claimIdOf(item), item.ok])).toEqual([
        ['CSV-HUGE', false],
        ['CSV-I', true],
      ]);
      expect(issueFields(claims[0])).toEqual(['lines']);
      expect(claims[0] !== undefined && !claims[0].ok && claims[0].issues).toEqual([
        { field: 'lines', messages: ['lines has 50000 rows; at most 999 are accepted'] },
      ]);
      expect(claims[0]?.lines).toHaveLength(1000);
    });

    it('stops at a row longer than 1 MB (an unterminated quote) instead of buffering the rest of the file', async () => {
      const text = `${claimsToCsv([professional])}"${'x'.repeat(1_100_000)}`;
      await expect(read(text)).rejects.toBeInstanceOf(ClaimsCsvFormatError);
    });
  });

  describe('grouping rows into claims', () => {
    it('reads each claim of every type, validated, with the lines its rows start on', async () => {
      const claims = await read(claimsToCsv([professional, institutional, pharmacy]));
      expect(claims.map((item) => ({ lines: item.lines, ok: item.ok, claimId: claimIdOf(item) }))).toEqual([
        { lines: [2, 3], ok: true, claimId: 'CSV-P' },
        { lines: [4, 5], ok: true, claimId: 'CSV-I' },
        { lines: [6], ok: true, claimId: 'CSV-RX' },
      ]);
      expect(claims.map((item) => (item.ok ? item.claim : item.issues))).toEqual(
        [professional, institutional, pharmacy].map(asCarried),
      );
    });

    it('starts a new claim when the version changes', async () => {
      const replacement = { ...professional, version: 2, frequency: 'replacement' as const };
      const claims = await read(claimsToCsv([professional, replacement]));
      expect(
        claims.map((item) => (item.ok ? `${item.claim.version}:${item.lines.join(',')}` : 'invalid')),
      ).toEqual(['1:2,3', '2:4,5']);
    });

    it('reads a claim whose rows are not consecutive as two claims', async () => {
      const [line1, line2] = rowsOf(professional) as [ClaimCsvRow, ClaimCsvRow];
      const claims = await read(rowsToCsv([line1, ...rowsOf(pharmacy), line2]));
      expect(claims.map((item) => [claimIdOf(item), item.lines])).toEqual([
        ['CSV-P', [2]],
        ['CSV-RX', [3]],
        ['CSV-P', [4]],
      ]);
      expect(claims.map((item) => (item.ok ? item.claim.lines?.map((line) => line.lineNumber) : []))).toEqual(
        [[1], undefined, [2]],
      );
    });

    it('accepts continuation rows that leave the claim columns blank', async () => {
      const [line1, line2] = rowsOf(professional) as [ClaimCsvRow, ClaimCsvRow];
      const continuation: ClaimCsvRow = { ...line2, member_id: '', billing_npi: '', diagnosis_codes: '' };
      const [claim] = await read(rowsToCsv([line1, continuation]));
      expect(claim).toMatchObject({ ok: true, lines: [2, 3] });
    });

    it('rejects a claim whose rows disagree on a claim column, naming the column', async () => {
      const [line1, line2] = rowsOf(professional) as [ClaimCsvRow, ClaimCsvRow];
      const [claim] = await read(rowsToCsv([line1, { ...line2, member_id: 'M0000099' }]));
      expect(claim).toMatchObject({ ok: false, claimId: 'CSV-P', lines: [2, 3] });
      expect(issueFields(claim)).toEqual(['member_id']);
      expect(JSON.stringify(claim)).not.toContain('M0000099');
    });
  });

  describe('line numbers', () => {
    const multiLineName: ClaimSubmission = {
      ...professional,
      billingProvider: { ...professional.billingProvider, name: 'Main Street\nClinic' },
    };

    it.each([
      ['LF', '\n' as const],
      ['CRLF', '\r\n' as const],
    ])(
      'count the physical lines of a quoted cell with a line break (%s files)',
      async (_name, lineEnding) => {
        const withBreak: ClaimSubmission = {
          ...multiLineName,
          billingProvider: { ...multiLineName.billingProvider, name: `Main Street${lineEnding}Clinic` },
        };
        const claims = await read(claimsToCsv([withBreak, pharmacy, institutional], { lineEnding }));
        expect(claims.map((item) => item.lines)).toEqual([[2, 4], [6], [7, 8]]);
        expect(claims[0]).toMatchObject({
          ok: true,
          claim: { billingProvider: { name: `Main Street${lineEnding}Clinic` } },
        });
      },
    );

    it('count blank lines, which are skipped', async () => {
      const [header, ...rows] = claimsToCsv([pharmacy, institutional]).split('\n');
      const text = [header, '', rows[0], '', '', rows[1], rows[2], '', ''].join('\n');
      const claims = await read(text);
      expect(claims.map((item) => item.lines)).toEqual([[3], [6, 7]]);
    });

    it('are the same when the file arrives in small chunks', async () => {
      const text = claimsToCsv([multiLineName, institutional, pharmacy], { lineEnding: '\r\n' });
      const whole = await read(text);
      expect(await readAll(inChunks(text, 7))).toEqual(whole);
      expect(whole.map((item) => item.lines)).toEqual([[2, 4], [6, 7], [8]]);
    });
  });

  describe('header', () => {
    it('skips a UTF-8 byte order mark, also when it is split across chunks', async () => {
      const text = `\uFEFF${claimsToCsv([pharmacy])}`;
      expect(await read(text)).toEqual([expect.objectContaining({ ok: true, lines: [2] })]);
      expect(await readAll(inChunks(text, 1))).toEqual([expect.objectContaining({ ok: true, lines: [2] })]);
    });

    it('takes columns in any order, any case, with surrounding spaces', async () => {
      const columns = [...CLAIM_CSV_COLUMNS].reverse();
      const text = rowsToCsv(rowsOf(pharmacy), { columns }).replace(
        columns.join(','),
        columns.map((column) => ` ${column.toUpperCase()} `).join(','),
      );
      expect(await read(text)).toEqual([{ lines: [2], ok: true, claim: pharmacy }]);
    });

    it('needs only the required columns', async () => {
      const claims = await read(rowsToCsv(rowsOf(pharmacy), { columns: REQUIRED_CLAIM_CSV_COLUMNS }));
      expect(claims).toHaveLength(1);
      expect(issueFields(claims[0])).toEqual(['drug']);
    });

    it.each([
      [
        'an unknown column',
        [...CLAIM_CSV_COLUMNS, 'member_name'],
        'bad header: unknown columns: member_name',
      ],
      [
        'missing required columns',
        CLAIM_CSV_COLUMNS.filter((column) => column !== 'member_id' && column !== 'billing_tin'),
        'bad header: missing columns: member_id, billing_tin',
      ],
      [
        'missing and unknown columns',
        [...CLAIM_CSV_COLUMNS.filter((column) => column !== 'version'), 'claim_version'],
        'bad header: missing columns: version; unknown columns: claim_version',
      ],
      [
        'a trailing comma (a blank column)',
        [...CLAIM_CSV_COLUMNS, ''],
        'bad header: unknown columns: (blank)',
      ],
      ['a repeated column', [...CLAIM_CSV_COLUMNS, 'member_id'], 'bad header: repeated columns: member_id'],
    ])('rejects %s with a ClaimsCsvFormatError naming them, on line 1', async (_name, columns, message) => {
      const error = await read(rowsToCsv(rowsOf(pharmacy), { columns })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ClaimsCsvFormatError);
      expect(error).toMatchObject({ message, line: 1 });
    });

    it('reads a file with only a header, or nothing at all, as no claims', async () => {
      expect(await read(rowsToCsv([]))).toEqual([]);
      expect(await read('')).toEqual([]);
    });
  });

  describe('broken files', () => {
    const valid = claimsToCsv([pharmacy, institutional]);

    it.each([
      ['a quote that is never closed', `${valid}CSV-X,1,"original\n`, 'Quote Not Closed', 5],
      [
        'a quote inside an unquoted cell',
        valid.replace('Corner Pharmacy', 'Corner "Pharmacy"'),
        'Invalid Opening Quote',
        2,
      ],
      ['a row with too few cells', `${valid}CSV-X,1,original\n`, 'Invalid Record Length', 5],
    ])('rejects %s with a ClaimsCsvFormatError and its line', async (_name, text, reason, line) => {
      const error = await read(text).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ClaimsCsvFormatError);
      expect(error).toMatchObject({
        line,
        message: expect.stringContaining(`the file is not valid CSV: ${reason}`),
      });
    });

    it('passes on a failure of the input itself, which is not a format error', async () => {
      const failure = new Error('disk on fire');
      const input = new Readable({ read: () => undefined });
      input.push(claimsToCsv([pharmacy]));
      setImmediate(() => input.destroy(failure));
      await expect(readAll(input)).rejects.toBe(failure);
    });

    it('fails instead of waiting forever when the input closes before its end (an aborted upload)', async () => {
      const input = new Readable({ read: () => undefined });
      input.push(claimsToCsv([pharmacy]));
      setImmediate(() => input.destroy());
      const error = await readAll(input).catch((caught: unknown) => caught);
      expect(error).not.toBeInstanceOf(ClaimsCsvFormatError);
      expect(error).toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    });
  });

  describe('validation', () => {
    it('validates as HTTP input is, naming every failing field, with the claim id and lines', async () => {
      const [line1, line2] = rowsOf(professional) as [ClaimCsvRow, ClaimCsvRow];
      const claims = await read(
        rowsToCsv([
          ...rowsOf(pharmacy),
          { ...line1, billing_npi: '1234567890', service_date_from: '2025-02-30' },
          { ...line2, units: 'two', procedure_code: '9921' },
          ...rowsOf(institutional),
        ]),
      );
      expect(claims.map((item) => item.ok)).toEqual([true, false, true]);
      expect(claims[1]).toMatchObject({ claimId: 'CSV-P', lines: [3, 4] });
      expect(issueFields(claims[1])).toEqual(
        expect.arrayContaining([
          'billingProvider.npi',
          'serviceDateFrom',
          'lines[1].procedureCode',
          'lines[1].units',
        ]),
      );
      expect(JSON.stringify(claims[1])).not.toContain('1234567890');
    });

    it.each([
      ['a professional claim without a place of service', { place_of_service: '' }, 'placeOfService'],
      ['a professional claim without diagnoses', { diagnosis_codes: '' }, 'diagnoses'],
      ['a non-numeric version', { version: 'v1' }, 'version'],
      ['a charged total with a currency sign', { total_charged_amount: '$175.75' }, 'totalChargedAmount'],
      ['a line without a line number', { line_number: '' }, 'lines[0].lineNumber'],
      [
        'a lab value without a LOINC code',
        { loinc_code: '', lab_value: '7.2', lab_unit: '%' },
        'lines[0].labResult.loincCode',
      ],
    ])('names the field for %s', async (_name, change, field) => {
      const [line] = rowsOf(professional) as [ClaimCsvRow];
      const [claim] = await read(rowsToCsv([{ ...line, ...change }]));
      expect(claim?.ok).toBe(false);
      expect(issueFields(claim)).toContain(field);
    });

    it('leaves out the claim id when the row has none', async () => {
      const [row] = rowsOf(pharmacy) as [ClaimCsvRow];
      const [claim] = await read(rowsToCsv([{ ...row, claim_id: '' }]));
      expect(claim).toEqual({ lines: [2], ok: false, issues: expect.any(Array) });
      expect(issueFields(claim)).toContain('claimId');
    });
  });
});

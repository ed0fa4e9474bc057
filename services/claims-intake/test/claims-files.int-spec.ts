import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  TOPICS,
  type ClaimSubmission,
} from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import type { ClaimCsvRow } from '../src/files/csv/claim-csv-columns';
import type { CsvImportSummary } from '../src/files/csv/import-claims-csv';
import { claimsToCsv, claimToCsvRows, rowsToCsv } from '../src/files/csv/testing/claims-to-csv';
import { startClaimsIntake, type RunningClaimsIntake } from './support/claims-intake-app';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = 'services/claims-intake/src/files/cli/import-claims-csv.cli.ts';
const SAMPLE = join(ROOT, 'docs/examples/claims-sample.csv');
const RECEIVED = TOPICS.claimReceived.name;
/** Claims in the streaming test: 20,000 as asked; the whole file runs in about 40 s on 2 cores. */
const LARGE_FILE_CLAIMS = 20_000;

interface ReceivedClaim {
  readonly claimId: string;
  readonly version: number;
  readonly lines: number;
  readonly channel: string;
}

/** CSV upload (POST /v1/claims/files) and the claims-import CLI, against a real PostgreSQL and broker. */
describe('claims-intake CSV files', () => {
  let environment: TestEnvironment;
  let service: RunningClaimsIntake;
  let directory: string;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startClaimsIntake(environment);
    directory = await mkdtemp(join(tmpdir(), 'claims-csv-'));
  });

  afterAll(async () => {
    await service.close();
    await environment.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  const upload = async (
    body: string,
    contentType = 'text/csv',
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${service.url}/v1/claims/files`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** The claims on claim-received whose claim id starts with `prefix`, by claim id. */
  const receivedClaims = async (prefix: string): Promise<ReceivedClaim[]> => {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the outbox relay publish anything pending
    return (await environment.probe.readAll(RECEIVED))
      .map(
        (message) =>
          JSON.parse(message.value ?? '{}') as {
            data: { claim: ClaimSubmission; intakeChannel: string };
          },
      )
      .filter((envelope) => envelope.data.claim.claimId.startsWith(prefix))
      .map(({ data }) => ({
        claimId: data.claim.claimId,
        version: data.claim.version,
        lines: data.claim.lines?.length ?? 0,
        channel: data.intakeChannel,
      }))
      .sort((a, b) => a.claimId.localeCompare(b.claimId));
  };

  const runCli = (
    args: readonly string[],
  ): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
        cwd: ROOT,
        env: { ...process.env, CLAIMS_INTAKE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const writeCsv = async (name: string, text: string): Promise<string> => {
    const path = join(directory, name);
    await writeFile(path, text);
    return path;
  };

  describe('POST /v1/claims/files', () => {
    it('imports the valid claims of every type once each and reports the rest with lines and reasons', async () => {
      const professional = aValidProfessionalClaim({ claimId: 'FILE-P' });
      const institutional = aValidInstitutionalClaim({ claimId: 'FILE-I' });
      const pharmacy = aValidPharmacyClaim({ claimId: 'FILE-RX' });
      const [invalidRow] = claimToCsvRows(aValidPharmacyClaim({ claimId: 'FILE-BAD' })) as [ClaimCsvRow];
      const conflicting = { ...institutional, totalChargedAmount: institutional.totalChargedAmount + 10 };
      const file = rowsToCsv([
        ...claimToCsvRows(professional), // lines 2-3
        ...claimToCsvRows(institutional), // lines 4-5
        ...claimToCsvRows(pharmacy), // line 6
        { ...invalidRow, days_supply: 'thirty' }, // line 7
        ...claimToCsvRows(pharmacy), // line 8: the same claim again, a duplicate
        ...claimToCsvRows(conflicting), // lines 9-10: same id and version, other content
      ]);

      const response = await upload(file);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        claims: 6,
        accepted: 3,
        duplicate: 1,
        conflict: 1,
        rejected: 2,
        rejections: [
          { lines: [7], claimId: 'FILE-BAD', reason: expect.stringMatching(/^drug\.daysSupply: /) },
          {
            lines: [9, 10],
            claimId: 'FILE-I',
            reason: 'claim FILE-I version 1 was already received with different content',
          },
        ],
      });
      expect(JSON.stringify(response.body)).not.toContain('thirty');
      await environment.probe.waitForCount(RECEIVED, 3);
      expect(await receivedClaims('FILE-')).toEqual([
        { claimId: 'FILE-I', version: 1, lines: 2, channel: 'file' },
        { claimId: 'FILE-P', version: 1, lines: 2, channel: 'file' },
        { claimId: 'FILE-RX', version: 1, lines: 0, channel: 'file' },
      ]);
    });

    it('answers an upload of the same file again with duplicates and emits nothing more', async () => {
      const claims = [
        aValidProfessionalClaim({ claimId: 'FILE-AGAIN-P' }),
        aValidPharmacyClaim({ claimId: 'FILE-AGAIN-RX' }),
      ];
      expect((await upload(claimsToCsv(claims))).body).toMatchObject({ accepted: 2, duplicate: 0 });
      expect((await upload(claimsToCsv(claims))).body).toMatchObject({
        accepted: 0,
        duplicate: 2,
        rejected: 0,
      });
      await environment.probe.waitForCount(RECEIVED, 5);
      expect((await receivedClaims('FILE-AGAIN-')).map((claim) => claim.claimId)).toEqual([
        'FILE-AGAIN-P',
        'FILE-AGAIN-RX',
      ]);
    });

    it('imports the documented example file (docs/examples/claims-sample.csv) without a rejection', async () => {
      const response = await upload(await readFile(SAMPLE, 'utf8'));
      expect(response).toEqual({
        status: 200,
        body: { claims: 3, accepted: 3, duplicate: 0, conflict: 0, rejected: 0, rejections: [] },
      });
      expect((await receivedClaims('SAMPLE-')).map((claim) => claim.claimId)).toEqual([
        'SAMPLE-I-0001',
        'SAMPLE-P-0001',
        'SAMPLE-RX-0001',
      ]);
    });

    it.each([
      ['application/json', JSON.stringify({ claims: [aValidPharmacyClaim({ claimId: 'FILE-JSON' })] })],
      ['text/plain', claimsToCsv([aValidPharmacyClaim({ claimId: 'FILE-PLAIN' })])],
    ])('answers a %s body with 400 and imports nothing', async (contentType, body) => {
      const response = await upload(body, contentType);
      expect(response).toEqual({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'send the file as text/csv' },
      });
    });

    it.each([
      [
        'an unknown and a missing column',
        rowsToCsv([], { columns: ['claim_id', 'version', 'member'] }),
        /^bad header: missing columns: frequency, .*; unknown columns: member$/,
        1,
      ],
      [
        'broken quoting',
        `${claimsToCsv([aValidPharmacyClaim({ claimId: 'FILE-Q' })])}FILE-Q2,1,"original\n`,
        /^the file is not valid CSV: Quote Not Closed/,
        3,
      ],
    ])('answers a file with %s with 400, the reason and the line', async (_name, file, message, line) => {
      const response = await upload(file);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message, line });
    });

    it('stores and emits nothing for files answered with 400', async () => {
      const rejectedFiles = ['FILE-JSON', 'FILE-PLAIN', 'FILE-Q', 'FILE-Q2'];
      const received = (await receivedClaims('FILE-')).map((claim) => claim.claimId);
      expect(received.filter((claimId) => rejectedFiles.includes(claimId))).toEqual([]);
      const [{ n }] = await service.dataSource.query<[{ n: number }]>(
        'SELECT count(*)::int AS n FROM claims WHERE claim_id = ANY($1)',
        [rejectedFiles],
      );
      expect(n).toBe(0);
    });
  });

  describe('claims-import CLI', () => {
    it('exits 3 when a claim is rejected, printing the summary as JSON', async () => {
      const [badRow] = claimToCsvRows(aValidProfessionalClaim({ claimId: 'CLI3-BAD' })) as [ClaimCsvRow];
      const file = await writeCsv(
        'one-bad-row.csv',
        rowsToCsv([
          ...claimToCsvRows(aValidInstitutionalClaim({ claimId: 'CLI3-I' })), // lines 2-3
          { ...badRow, billing_npi: '1234567890' }, // line 4
          ...claimToCsvRows(aValidPharmacyClaim({ claimId: 'CLI3-RX' })), // line 5
        ]),
      );

      const result = await runCli([file, '--url', service.url, '--json']);

      expect(result.code).toBe(3);
      expect(JSON.parse(result.stdout)).toEqual({
        claims: 3,
        accepted: 2,
        duplicate: 0,
        conflict: 0,
        rejected: 1,
        rejections: [
          { lines: [4], claimId: 'CLI3-BAD', reason: expect.stringMatching(/^billingProvider\.npi: /) },
        ],
      });
      expect(result.stdout).not.toContain('1234567890');
      expect((await receivedClaims('CLI3-')).map((claim) => claim.claimId)).toEqual(['CLI3-I', 'CLI3-RX']);
    });

    it('exits 0 when every claim is accepted, and again when they are all duplicates', async () => {
      const file = await writeCsv(
        'clean.csv',
        claimsToCsv([
          aValidProfessionalClaim({ claimId: 'CLI-CLEAN-P' }),
          aValidInstitutionalClaim({ claimId: 'CLI-CLEAN-I' }),
          aValidPharmacyClaim({ claimId: 'CLI-CLEAN-RX' }),
        ]),
      );
      const first = await runCli([file, '--url', service.url, '--json', '--batch-size', '2']);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(first.stdout)).toMatchObject({ claims: 3, accepted: 3, rejected: 0, rejections: [] });

      const again = await runCli([file, '--url', service.url, '--json']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ claims: 3, accepted: 0, duplicate: 3, rejected: 0 });
    });

    it.each([
      ['the file does not exist', () => Promise.resolve(join(directory, 'missing.csv')), /ENOENT/],
      [
        'the header is wrong',
        () => writeCsv('bad-header.csv', 'claim_id,version,member\n'),
        /^claims-import: bad header: missing columns: .*; unknown columns: member \(line 1\)$/m,
      ],
      [
        'the service cannot be reached',
        () => writeCsv('unreachable.csv', claimsToCsv([aValidPharmacyClaim({ claimId: 'CLI-DOWN' })])),
        /^claims-import: fetch failed/m,
        'http://127.0.0.1:9',
      ],
    ])(
      'exits 1 when %s, saying why on stderr',
      async (_name, makeFile: () => Promise<string>, reason: RegExp, url?: string) => {
        const result = await runCli([await makeFile(), '--url', url ?? service.url, '--json']);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(reason);
        expect(result.stdout).toBe('');
      },
    );

    it(`streams a file of ${LARGE_FILE_CLAIMS} claims through to claim-received`, async () => {
      const templates = [
        aValidProfessionalClaim({ claimId: 'TEMPLATE' }),
        aValidInstitutionalClaim({ claimId: 'TEMPLATE' }),
        aValidPharmacyClaim({ claimId: 'TEMPLATE' }),
      ].map((claim) => rowsToCsv(claimToCsvRows(claim)).split('\n').slice(1).join('\n'));
      function* csvText(): Generator<string> {
        yield rowsToCsv([]);
        for (let index = 0; index < LARGE_FILE_CLAIMS; index += 1) {
          const template = templates[index % templates.length] ?? '';
          yield template.replace(/^TEMPLATE,/gm, `BIG-${index},`);
        }
      }
      const file = join(directory, 'large.csv');
      await pipeline(Readable.from(csvText()), createWriteStream(file));
      const before = await environment.probe.count(RECEIVED);

      const result = await runCli([file, '--url', service.url, '--json', '--batch-size', '1000']);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout) as CsvImportSummary).toEqual({
        claims: LARGE_FILE_CLAIMS,
        accepted: LARGE_FILE_CLAIMS,
        duplicate: 0,
        conflict: 0,
        rejected: 0,
        rejections: [],
      });
      expect(await environment.probe.waitForCount(RECEIVED, before + LARGE_FILE_CLAIMS, 60_000)).toBe(
        before + LARGE_FILE_CLAIMS,
      );
    });
  });
});

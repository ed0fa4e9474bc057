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
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { ClaimCsvRow } from '../src/files/csv/claim-csv-columns';
import { claimsToCsv, claimToCsvRows, rowsToCsv } from '../src/files/csv/testing/claims-to-csv';
import { startClaimsIntake, type RunningClaimsIntake } from './support/claims-intake-app';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = 'services/claims-intake/src/files/cli/import-claims-csv.cli.ts';
const SAMPLE = join(ROOT, 'docs/examples/claims-sample.csv');
const RECEIVED = TOPICS.claimReceived.name;
/** Claims in the streaming test: a third each professional and institutional (two rows), pharmacy (one row). */
const LARGE_FILE_CLAIMS = 20_000;

/** CSV text of `count` valid claims (professional, institutional, pharmacy in turn), produced a claim at a time. */
function* manyClaimsCsv(prefix: string, count: number): Generator<string> {
  const templates = [
    aValidProfessionalClaim({ claimId: 'TEMPLATE' }),
    aValidInstitutionalClaim({ claimId: 'TEMPLATE' }),
    aValidPharmacyClaim({ claimId: 'TEMPLATE' }),
  ].map((claim) => rowsToCsv(claimToCsvRows(claim)).split('\n').slice(1).join('\n'));
  yield rowsToCsv([]);
  for (let index = 0; index < count; index += 1) {
    yield (templates[index % templates.length] ?? '').replace(/^TEMPLATE,/gm, `${prefix}${index},`);
  }
}

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** CSV upload (POST /v1/claims/files) and the claims-import CLI, against a real PostgreSQL and broker. */
describe('claims-intake CSV files', () => {
  let environment: TestEnvironment;
  let service: RunningClaimsIntake;
  let admin: Admin;
  let directory: string;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startClaimsIntake(environment);
    admin = new Kafka({ brokers: environment.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    directory = await mkdtemp(join(tmpdir(), 'claims-csv-'));
  });

  afterAll(async () => {
    await admin.disconnect();
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
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': contentType },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /**
   * Messages ever published to claim-received: the sum of the high watermarks. (Not probe.count(), high minus
   * low: the local mock broker keeps a few MB per partition, so that stops growing during a large import.)
   */
  const published = async (): Promise<number> =>
    (await admin.fetchTopicOffsets(environment.probe.physical(RECEIVED))).reduce(
      (sum, partition) => sum + Number(partition.high),
      0,
    );
  /** Waits until at least `expected` messages were published, then a moment for any extra one; the count. */
  const publishedOnceAt = async (expected: number, timeoutMs = 30_000): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    while ((await published()) < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    return published();
  };

  /** The claims on claim-received whose claim id starts with `prefix`, by claim id. */
  const receivedClaims = async (
    prefix: string,
  ): Promise<Array<{ claimId: string; version: number; lines: number; channel: string }>> =>
    (await environment.probe.readAll(RECEIVED))
      .map(
        (message) =>
          JSON.parse(message.value ?? '{}') as { data: { claim: ClaimSubmission; intakeChannel: string } },
      )
      .filter(({ data }) => data.claim.claimId.startsWith(prefix))
      .map(({ data }) => ({
        claimId: data.claim.claimId,
        version: data.claim.version,
        lines: data.claim.lines?.length ?? 0,
        channel: data.intakeChannel,
      }))
      .sort((a, b) => a.claimId.localeCompare(b.claimId));

  const storedClaims = async (claimIds: readonly string[]): Promise<number> => {
    const [row] = await service.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM claims WHERE claim_id = ANY($1)',
      [claimIds],
    );
    return row?.n ?? -1;
  };

  const runCli = async (args: readonly string[], token?: string): Promise<CliResult> => {
    const authorization = token ?? (await environment.bearer('claims-feed')).authorization.slice('Bearer '.length);
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
        cwd: ROOT,
        env: { ...process.env, CLAIMS_INTAKE_TOKEN: authorization },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  };

  const writeCsv = async (name: string, text: string): Promise<string> => {
    const path = join(directory, name);
    await writeFile(path, text);
    return path;
  };

  describe('POST /v1/claims/files', () => {
    it('imports the valid claims of every type once each and reports the others with lines and reasons', async () => {
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
        ...claimToCsvRows(conflicting), // lines 9-10: the same id and version with other content
      ]);
      const before = await published();

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
      expect(await publishedOnceAt(before + 3)).toBe(before + 3);
      expect(await receivedClaims('FILE-')).toEqual([
        { claimId: 'FILE-I', version: 1, lines: 2, channel: 'file' },
        { claimId: 'FILE-P', version: 1, lines: 2, channel: 'file' },
        { claimId: 'FILE-RX', version: 1, lines: 0, channel: 'file' },
      ]);
    });

    it('answers the same file uploaded again with duplicates, and emits nothing more', async () => {
      const file = claimsToCsv([
        aValidProfessionalClaim({ claimId: 'FILE-AGAIN-P' }),
        aValidPharmacyClaim({ claimId: 'FILE-AGAIN-RX' }),
      ]);
      const before = await published();
      expect((await upload(file)).body).toMatchObject({ accepted: 2, duplicate: 0 });
      expect(await publishedOnceAt(before + 2)).toBe(before + 2);

      expect((await upload(file)).body).toMatchObject({ accepted: 0, duplicate: 2, rejected: 0 });
      expect(await publishedOnceAt(before + 2)).toBe(before + 2);
    });

    it('imports the documented example, docs/examples/claims-sample.csv, without a rejection', async () => {
      const before = await published();
      const response = await upload(await readFile(SAMPLE, 'utf8'));
      expect(response).toEqual({
        status: 200,
        body: { claims: 3, accepted: 3, duplicate: 0, conflict: 0, rejected: 0, rejections: [] },
      });
      expect(await publishedOnceAt(before + 3)).toBe(before + 3);
    });

    it('imports a streamed (chunked) upload in batches', async () => {
      const count = 3_000;
      const before = await published();
      const body = (async function* (): AsyncGenerator<Uint8Array> {
        for (const text of manyClaimsCsv('FILE-STREAM-', count))
          yield await Promise.resolve(Buffer.from(text));
      })();
      const response = await fetch(`${service.url}/v1/claims/files`, {
        method: 'POST',
        headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'text/csv; charset=utf-8' },
        body,
        duplex: 'half',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        claims: count,
        accepted: count,
        duplicate: 0,
        conflict: 0,
        rejected: 0,
        rejections: [],
      });
      expect(await publishedOnceAt(before + count)).toBe(before + count);
    });

    it.each([
      ['application/json', JSON.stringify({ claims: [aValidPharmacyClaim({ claimId: 'FILE-JSON' })] })],
      ['text/plain', claimsToCsv([aValidPharmacyClaim({ claimId: 'FILE-PLAIN' })])],
    ])('answers a %s body with 400 and stores nothing', async (contentType, body) => {
      const response = await upload(body, contentType);
      expect(response).toEqual({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'send the file as text/csv' },
      });
      expect(await storedClaims(['FILE-JSON', 'FILE-PLAIN'])).toBe(0);
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
    ])(
      'answers a file with %s with 400, the reason and the line, and stores nothing',
      async (_name, file, message, line) => {
        const response = await upload(file);
        expect(response.status).toBe(400);
        expect(response.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: expect.stringMatching(message),
          line,
        });
        expect(await storedClaims(['FILE-Q', 'FILE-Q2'])).toBe(0);
      },
    );
  });

  describe('claims-import CLI', () => {
    it('answers --help with its usage (exit 0) and an unknown option or no file with exit 2', async () => {
      const help = await runCli(['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: claims-import');
      expect((await runCli(['--bogus', 'file.csv'])).code).toBe(2);
      expect((await runCli([])).code).toBe(2);
    });

    it('exits 3 when a claim is rejected, printing the summary as JSON', async () => {
      const [badRow] = claimToCsvRows(aValidProfessionalClaim({ claimId: 'CLI-BAD' })) as [ClaimCsvRow];
      const file = await writeCsv(
        'one-bad-row.csv',
        rowsToCsv([
          ...claimToCsvRows(aValidInstitutionalClaim({ claimId: 'CLI-I' })), // lines 2-3
          { ...badRow, billing_npi: '1234567890' }, // line 4
          ...claimToCsvRows(aValidPharmacyClaim({ claimId: 'CLI-RX' })), // line 5
        ]),
      );

      const anonymous = await runCli([file, '--url', service.url, '--json'], '');
      expect(anonymous.code).toBe(1);
      expect(anonymous.stderr).toContain('answered 401 to a batch: set CLAIMS_INTAKE_TOKEN');

      const result = await runCli([file, '--url', service.url, '--json']);

      expect(result.code).toBe(3);
      expect(JSON.parse(result.stdout)).toEqual({
        claims: 3,
        accepted: 2,
        duplicate: 0,
        conflict: 0,
        rejected: 1,
        rejections: [
          { lines: [4], claimId: 'CLI-BAD', reason: expect.stringMatching(/^billingProvider\.npi: /) },
        ],
      });
      expect(result.stdout).not.toContain('1234567890');
      expect(await storedClaims(['CLI-I', 'CLI-BAD', 'CLI-RX'])).toBe(2);
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
      expect(again).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(again.stdout)).toMatchObject({ claims: 3, accepted: 0, duplicate: 3, rejected: 0 });
    });

    // Every row names its URL: a test function with more parameters than the row has would be given `done`.
    it.each([
      [
        'the file does not exist',
        (): Promise<string> => Promise.resolve(join(directory, 'missing.csv')),
        'service',
        /ENOENT/,
      ],
      [
        'the header is wrong',
        (): Promise<string> => writeCsv('bad-header.csv', 'claim_id,version,member\n'),
        'service',
        /^claims-import: bad header: missing columns: .*; unknown columns: member \(line 1\)$/m,
      ],
      [
        'the service cannot be reached',
        (): Promise<string> =>
          writeCsv('unreachable.csv', claimsToCsv([aValidPharmacyClaim({ claimId: 'CLI-DOWN' })])),
        'http://127.0.0.1:9',
        /^claims-import: fetch failed/m,
      ],
    ])('exits 1 when %s, saying why on stderr', async (_name, makeFile, url, reason) => {
      const result = await runCli([
        await makeFile(),
        '--url',
        url === 'service' ? service.url : url,
        '--json',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(reason);
      expect(result.stdout).toBe('');
    });

    it(`streams a file of ${LARGE_FILE_CLAIMS} claims to claim-received`, async () => {
      const file = join(directory, 'large.csv');
      await pipeline(Readable.from(manyClaimsCsv('BIG-', LARGE_FILE_CLAIMS)), createWriteStream(file));
      const before = await published();

      const result = await runCli([file, '--url', service.url, '--json', '--batch-size', '1000']);

      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(result.stdout)).toEqual({
        claims: LARGE_FILE_CLAIMS,
        accepted: LARGE_FILE_CLAIMS,
        duplicate: 0,
        conflict: 0,
        rejected: 0,
        rejections: [],
      });
      expect(await publishedOnceAt(before + LARGE_FILE_CLAIMS)).toBe(before + LARGE_FILE_CLAIMS);
    });
  });
});

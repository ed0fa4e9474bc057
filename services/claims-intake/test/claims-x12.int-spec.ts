import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  aValidInstitutionalClaim,
  aValidMember,
  aValidProfessionalClaim,
  normalizeClaim,
  TOPICS,
  type ClaimSubmission,
} from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import {
  interchange837,
  interchange837Text,
  type Claim837Spec,
  type Group837,
} from '../src/files/x12/testing/x12-837.builder';
import { startClaimsIntake, type RunningClaimsIntake } from './support/claims-intake-app';

const RECEIVED = TOPICS.claimReceived.name;
const ROOT = join(__dirname, '..', '..', '..');
const CLI = 'services/claims-intake/src/files/cli/import-x12.cli.ts';
const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);

/** A claim as an 837 can carry it: pending (not adjudicated), no paid amounts, no lab results. */
function asBilled(claim: ClaimSubmission): ClaimSubmission {
  const billed: ClaimSubmission = {
    ...claim,
    adjudicationStatus: 'pending',
    lines: (claim.lines ?? []).map((line) => {
      const copy = { ...line };
      delete copy.paidAmount;
      delete copy.labResult;
      return copy;
    }),
  };
  delete billed.totalPaidAmount;
  return billed;
}

const professional = (claimId: string, overrides: Partial<ClaimSubmission> = {}): ClaimSubmission =>
  asBilled(aValidProfessionalClaim({ claimId, ...overrides }));
const institutional = (claimId: string, overrides: Partial<ClaimSubmission> = {}): ClaimSubmission =>
  asBilled(aValidInstitutionalClaim({ claimId, ...overrides }));

/** X12 837 upload (POST /v1/claims/x12) against a real PostgreSQL and broker. */
describe('claims-intake X12 837 files', () => {
  let environment: TestEnvironment;
  let service: RunningClaimsIntake;
  let admin: Admin;
  let nextControl = 100;
  let directory: string;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startClaimsIntake(environment);
    admin = new Kafka({ brokers: environment.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    directory = await mkdtemp(join(tmpdir(), 'claims-x12-'));
  });

  afterAll(async () => {
    await admin.disconnect();
    await service.close();
    await environment.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  const control = (): number => (nextControl += 1);

  const upload = async (
    body: string | AsyncIterable<Uint8Array>,
    options: { contentType?: string; accept?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown>; text: string }> => {
    const response = await fetch(`${service.url}/v1/claims/x12`, {
      method: 'POST',
      headers: {
        ...(await environment.bearer('claims-feed')),
        'content-type': options.contentType ?? 'application/edi-x12',
        ...(options.accept === undefined ? {} : { accept: options.accept }),
      },
      body,
      ...(typeof body === 'string' ? {} : { duplex: 'half' }),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = {};
    }
    return { status: response.status, body: parsed, text };
  };

  /** Messages ever published to claim-received (sum of the high watermarks). */
  const published = async (): Promise<number> =>
    (await admin.fetchTopicOffsets(environment.probe.physical(RECEIVED))).reduce(
      (sum, partition) => sum + Number(partition.high),
      0,
    );
  const publishedOnceAt = async (expected: number, timeoutMs = 30_000): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    while ((await published()) < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    return published();
  };

  /** The claim-received payloads of the claims whose id starts with `prefix`. */
  const received = async (
    prefix: string,
  ): Promise<Array<{ claim: ClaimSubmission; intakeChannel: string }>> =>
    (await environment.probe.readAll(RECEIVED))
      .map(
        (message) =>
          (JSON.parse(message.value ?? '{}') as { data: { claim: ClaimSubmission; intakeChannel: string } })
            .data,
      )
      .filter((data) => data.claim.claimId.startsWith(prefix))
      .sort((a, b) =>
        `${a.claim.claimId}/${a.claim.version}`.localeCompare(`${b.claim.claimId}/${b.claim.version}`),
      );

  const stored = async (prefix: string): Promise<number> => {
    const [row] = await service.dataSource.query<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM claims WHERE claim_id LIKE $1 || '%'",
      [prefix],
    );
    return row?.n ?? -1;
  };

  /** What the JSON API stores and emits for a claim. */
  const asJsonApiWould = (claim: ClaimSubmission): unknown =>
    JSON.parse(JSON.stringify(normalizeClaim(claim)));

  const postJson = async (claim: ClaimSubmission): Promise<number> =>
    (
      await fetch(`${service.url}/v1/claims`, {
        method: 'POST',
        headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
        body: JSON.stringify(claim),
      })
    ).status;

  const file = (groups: readonly Group837[], controlNumber = control()): string =>
    interchange837Text(groups, { controlNumber });

  describe('POST /v1/claims/x12', () => {
    it('takes a multi-claim 837P and 837I interchange: each claim once on claim-received, as the JSON API has it, and a 999 accepting both groups', async () => {
      const claims = [
        professional('X12-MULTI-P1'),
        professional('X12-MULTI-P2', {
          memberId: 'M-X12-2',
          diagnoses: [{ code: 'I10' }],
          lines: [
            {
              lineNumber: 1,
              procedureCode: 'J3490',
              modifiers: ['JW', '59'],
              serviceDate: '2025-01-15',
              units: 2,
              chargedAmount: 80,
              ndc: '00093104801',
              drugQuantity: 2.5,
              drugUnit: 'ML',
            },
          ],
          totalChargedAmount: 80,
        }),
        institutional('X12-MULTI-I1'),
        institutional('X12-MULTI-I2', { typeOfBill: '0111', diagnoses: [{ code: 'J18.9' }] }),
      ];
      const before = await published();

      const response = await upload(
        file([
          { kind: 'professional', claims: claims.slice(0, 2).map((claim) => ({ claim })) },
          { kind: 'institutional', claims: claims.slice(2).map((claim) => ({ claim })) },
        ]),
      );

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        interchange: { status: 'accepted', repeated: false },
        claims: 4,
        accepted: 4,
        duplicate: 0,
        conflict: 0,
        rejected: 0,
        rejections: [],
        transactionSets: [
          {
            group: expect.any(String),
            transactionSet: '0001',
            guide: '005010X222A1',
            status: 'accepted',
            claims: 2,
            errors: [],
          },
          {
            group: expect.any(String),
            transactionSet: '0001',
            guide: '005010X223A2',
            status: 'accepted',
            claims: 2,
            errors: [],
          },
        ],
      });
      const ack = response.body['acknowledgment'] as string;
      expect(ack).toMatch(/^ISA\*00\*/);
      expect(ack).toContain('AK1*HC*1*005010X222A1~');
      expect(ack).toContain('AK1*HC*2*005010X223A2~');
      expect(ack.match(/IK5\*A~/g)).toHaveLength(2);
      expect(ack.match(/AK9\*A\*1\*1\*1~/g)).toHaveLength(2);
      expect(ack).not.toContain('IK3');

      expect(await publishedOnceAt(before + 4)).toBe(before + 4);
      const events = await received('X12-MULTI-');
      expect(events.map((event) => event.claim)).toEqual(
        [...claims].sort((a, b) => a.claimId.localeCompare(b.claimId)).map(asJsonApiWould),
      );
      expect(events.every((event) => event.intakeChannel === 'file')).toBe(true);
      // The JSON API finds exactly the same content: a duplicate, not a conflict.
      for (const claim of claims) expect(await postJson(claim)).toBe(200);
      expect(await publishedOnceAt(before + 4)).toBe(before + 4);
    });

    it('answers the same interchange again with the first answer and changes nothing; other content under its control number is refused with a TA1', async () => {
      const controlNumber = control();
      const text = file(
        [{ kind: 'professional', claims: [{ claim: professional('X12-AGAIN-1') }] }],
        controlNumber,
      );
      const first = await upload(text);
      expect(first.body).toMatchObject({ accepted: 1, interchange: { repeated: false } });
      const before = await publishedOnceAt(0);

      const again = await upload(text);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({
        ...first.body,
        interchange: { ...(first.body['interchange'] as object), repeated: true },
      });
      expect(await publishedOnceAt(before)).toBe(before);

      const other = file(
        [{ kind: 'professional', claims: [{ claim: professional('X12-AGAIN-2') }] }],
        controlNumber,
      );
      const refused = await upload(other);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        statusCode: 409,
        message: expect.stringMatching(
          /^interchange 0+\d+ from ZZ:CLEARINGHOUSE01 to ZZ:CAREPLATFORM was already received with different content/,
        ),
      });
      expect(refused.body['acknowledgment']).toMatch(/TA1\*0+\d+\*\d{6}\*\d{4}\*R\*025~/);
      expect(await stored('X12-AGAIN-2')).toBe(0);
      expect(await publishedOnceAt(before)).toBe(before);
    });

    it('versions replacements and voids (CLM05-3 7 and 8, REF*F8) after the original, and finds a resent replacement a duplicate', async () => {
      const original = professional('X12-RV-1');
      const replacement = {
        ...original,
        frequency: 'replacement' as const,
        totalChargedAmount: 150,
        lines: [original.lines?.[0] as NonNullable<ClaimSubmission['lines']>[number]],
      };
      const voided = { ...replacement, frequency: 'void' as const };
      const before = await published();

      expect(
        (await upload(file([{ kind: 'professional', claims: [{ claim: original }] }]))).body,
      ).toMatchObject({ accepted: 1 });
      const replaced = await upload(
        file([{ kind: 'professional', claims: [{ claim: replacement, submitterClaimId: 'PCN-RV-1A' }] }]),
      );
      expect(replaced.body).toMatchObject({ accepted: 1, rejected: 0 });
      expect(
        (
          await upload(
            file([{ kind: 'professional', claims: [{ claim: voided, submitterClaimId: 'PCN-RV-1B' }] }]),
          )
        ).body,
      ).toMatchObject({
        accepted: 1,
      });
      // The replacement again in a new interchange: the same content as version 2, so a duplicate.
      expect(
        (
          await upload(
            file([{ kind: 'professional', claims: [{ claim: replacement, submitterClaimId: 'PCN-RV-1A' }] }]),
          )
        ).body,
      ).toMatchObject({ accepted: 0, duplicate: 1 });

      expect(await publishedOnceAt(before + 3)).toBe(before + 3);
      expect((await received('X12-RV-1')).map((event) => event.claim)).toEqual([
        asJsonApiWould(original),
        asJsonApiWould({ ...replacement, version: 2 }),
        asJsonApiWould({ ...voided, version: 3 }),
      ]);
    });

    it('rejects only the bad claims of a set, each with its CLM01, reasons naming segments and elements, and the 999 accepting the set with errors', async () => {
      const good = professional('X12-ONEBAD-OK');
      const badNpi = professional('X12-ONEBAD-NPI', {
        billingProvider: { npi: '1234567890', tin: '123456789', name: 'Elm Clinic' },
      });
      const futureLine = professional('X12-ONEBAD-DATE', {
        lines: [
          { lineNumber: 1, procedureCode: '99213', serviceDate: tomorrow, units: 1, chargedAmount: 150 },
        ],
        totalChargedAmount: 150,
      });
      const before = await published();
      const text = file([
        { kind: 'professional', claims: [{ claim: good }, { claim: badNpi }, { claim: futureLine }] },
      ])
        // An ICD-9 principal diagnosis on the last claim.
        .replace(/(CLM\*X12-ONEBAD-DATE[^~]*~\n)HI\*ABK:E119/, '$1HI*BK:25000');

      const response = await upload(text);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        interchange: { status: 'accepted-with-errors' },
        claims: 3,
        accepted: 1,
        rejected: 2,
        transactionSets: [{ status: 'accepted-with-errors', claims: 3, errors: [] }],
        rejections: [
          {
            transactionSet: '0001',
            segment: expect.any(Number),
            claimId: 'X12-ONEBAD-NPI',
            reason: expect.stringMatching(
              /^billingProvider\.npi \(NM109 at segment \d+\): billingProvider\.npi must be a valid NPI/,
            ),
          },
          {
            transactionSet: '0001',
            segment: expect.any(Number),
            claimId: 'X12-ONEBAD-DATE',
            reason: expect.stringMatching(
              /diagnoses \(HI01-1 at segment \d+\): HI01-1 qualifier BK is ICD-9-CM: claims carry ICD-10-CM codes/,
            ),
          },
        ],
      });
      const rejections = response.body['rejections'] as Array<{ reason: string }>;
      expect(rejections[1]?.reason).toMatch(
        /serviceDateTo \(DTP03 at segment \d+\): serviceDateTo must not be after today \(UTC\)/,
      );
      expect(JSON.stringify(response.body)).not.toContain('1234567890');
      expect(JSON.stringify(response.body)).not.toContain('M0000001');
      const ack = response.body['acknowledgment'] as string;
      expect(ack).toContain('CTX*CLM01:X12-ONEBAD-NPI~');
      expect(ack).toContain('CTX*CLM01:X12-ONEBAD-DATE~');
      expect(ack).toMatch(/IK3\*NM1\*\d+\*2010AA\*8~\nCTX\*CLM01:X12-ONEBAD-NPI~\nIK4\*9\*67\*7~/);
      expect(ack).toContain('IK5*E*I5~');
      expect(ack).toContain('AK9*E*1*1*1~');
      expect(await publishedOnceAt(before + 1)).toBe(before + 1);
      expect((await received('X12-ONEBAD-')).map((event) => event.claim.claimId)).toEqual(['X12-ONEBAD-OK']);
    });

    it('rejects a transaction set whose SE count is wrong, with the position, and takes the other set of the interchange', async () => {
      const before = await published();
      const text = file([
        { kind: 'professional', claims: [{ claim: professional('X12-SE-P') }] },
        { kind: 'institutional', claims: [{ claim: institutional('X12-SE-I') }] },
      ]).replace(
        /SE\*(\d+)\*0001~\nGE\*1\*2~/,
        (_match, count: string) => `SE*${Number(count) + 5}*0001~\nGE*1*2~`,
      );

      const response = await upload(text);

      expect(response.body).toMatchObject({
        interchange: { status: 'partially-accepted' },
        claims: 2,
        accepted: 1,
        rejected: 1,
        transactionSets: [
          { guide: '005010X222A1', status: 'accepted' },
          {
            guide: '005010X223A2',
            status: 'rejected',
            errors: [
              expect.stringMatching(/^SE01 says \d+ segments; transaction set 0001 has \d+ \(ST to SE\)$/),
            ],
          },
        ],
        rejections: [
          {
            claimId: 'X12-SE-I',
            reason: expect.stringMatching(/^transaction set 0001 was rejected: SE01 says/),
          },
        ],
      });
      const ack = response.body['acknowledgment'] as string;
      expect(ack).toContain('IK5*R*4~');
      expect(ack).toContain('AK9*R*1*1*0~');
      expect(await publishedOnceAt(before + 1)).toBe(before + 1);
      expect(await stored('X12-SE-I')).toBe(0);
    });

    it('reports unknown and misplaced segments with their positions and loops: in a claim it rejects the claim, in the header the set', async () => {
      const text = file([
        {
          kind: 'professional',
          claims: [
            { claim: professional('X12-LOOP-1') },
            { claim: professional('X12-LOOP-2', { memberId: 'M-X12-LOOP' }) },
          ],
        },
      ])
        .replace(/(CLM\*X12-LOOP-1[^~]*~\n)/, '$1ZZZ*UNKNOWN~\n')
        .replace(/SE\*(\d+)\*0001~/, (_m, count: string) => `SE*${Number(count) + 1}*0001~`);
      const response = await upload(text);
      expect(response.body).toMatchObject({
        accepted: 1,
        rejections: [
          {
            claimId: 'X12-LOOP-1',
            reason: expect.stringMatching(/^ZZZ at segment \d+ is not a segment of an 837P$/),
          },
        ],
      });
      expect(response.body['acknowledgment']).toMatch(/IK3\*ZZZ\*\d+\*2300\*1~\nCTX\*CLM01:X12-LOOP-1~/);

      const header = file([{ kind: 'professional', claims: [{ claim: professional('X12-HEAD-1') }] }])
        .replace(/(BHT\*[^~]*~\n)/, '$1DMG*D8*19700101~\n')
        .replace(/SE\*(\d+)\*0001~/, (_m, count: string) => `SE*${Number(count) + 1}*0001~`);
      const refused = await upload(header);
      expect(refused.body).toMatchObject({
        accepted: 0,
        rejected: 1,
        transactionSets: [
          {
            status: 'rejected',
            errors: ['DMG at segment 3 is not expected in the transaction set header of an 837P'],
          },
        ],
      });
      expect(refused.body['acknowledgment']).toMatch(/IK3\*DMG\*3\*\*2~/);
      expect(await stored('X12-HEAD-1')).toBe(0);
    });

    it('reports envelope trailers that do not agree (GE and IEA counts and control numbers) in the 999 and TA1', async () => {
      const text = file([{ kind: 'professional', claims: [{ claim: professional('X12-ENV-1') }] }])
        .replace(/GE\*1\*1~/, 'GE*2*9~')
        .replace(/IEA\*1\*(\d+)~/, 'IEA*3*$1~');
      const response = await upload(text);
      expect(response.body).toMatchObject({
        accepted: 1,
        interchange: { status: 'accepted-with-errors' },
        problems: [
          'GE: GE01 says 2 transaction sets; functional group 1 has 1',
          'GE: GE02 does not match GS06, the group control number',
          'IEA: IEA01 says 3 functional groups; the interchange holds 1',
        ],
      });
      const ack = response.body['acknowledgment'] as string;
      expect(ack).toMatch(/TA1\*\d{9}\*\d{6}\*\d{4}\*E\*021~/);
      expect(ack).toContain('AK9*E*2*1*1*5*4~');
    });

    it('reads an interchange without its IEA up to where it ends, and does not record it, so it can be sent complete', async () => {
      const controlNumber = control();
      const complete = file(
        [{ kind: 'professional', claims: [{ claim: professional('X12-TRUNC-1') }] }],
        controlNumber,
      );
      const truncated = complete.replace(/IEA\*[^~]*~\n$/, '');
      const first = await upload(truncated);
      expect(first.body).toMatchObject({
        accepted: 1,
        problems: ['IEA: the file ends before the IEA: the interchange is incomplete'],
      });
      expect(first.body['acknowledgment']).toMatch(/TA1\*\d{9}\*\d{6}\*\d{4}\*E\*023~/);
      const second = await upload(complete);
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ duplicate: 1, interchange: { repeated: false } });
    });

    it('names a 2000C patient from the roster by relationship and birth date, and rejects one the roster does not know', async () => {
      const subscriber = aValidMember({ memberId: 'M-X12-SUB', subscriberId: 'M-X12-SUB' });
      const child = aValidMember({
        memberId: 'M-X12-KID',
        subscriberId: 'M-X12-SUB',
        relationship: 'child',
        firstName: 'Robin',
        birthDate: '2012-04-03',
      });
      for (const member of [subscriber, child]) {
        const posted = await fetch(`${service.url}/v1/members`, {
          method: 'POST',
          headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
          body: JSON.stringify(member),
        });
        expect(posted.status).toBe(201);
      }
      const patient = (birthDate: string): Claim837Spec['patient'] => ({
        subscriberId: 'M-X12-SUB',
        relationshipCode: '19',
        birthDate,
        firstName: 'ROBIN',
        lastName: 'MEMBER',
        sex: 'U',
      });
      const kidClaim = professional('X12-PAT-1', { memberId: 'M-X12-KID' });
      const stranger = professional('X12-PAT-2', { memberId: 'M-X12-KID' });
      const response = await upload(
        file([
          {
            kind: 'professional',
            claims: [
              { claim: kidClaim, patient: patient('2012-04-03') },
              { claim: stranger, patient: patient('2013-05-05') },
            ],
          },
        ]),
      );
      expect(response.body).toMatchObject({
        accepted: 1,
        rejections: [
          {
            claimId: 'X12-PAT-2',
            reason: expect.stringMatching(
              /^memberId \(NM1 at segment \d+\): no member of the subscriber's family on the roster has the patient's relationship \(PAT01\) and birth date \(DMG02\)$/,
            ),
          },
        ],
      });
      expect(JSON.stringify(response.body)).not.toMatch(/2013|ROBIN|M-X12-SUB/);
      await publishedOnceAt(0);
      expect((await received('X12-PAT-')).map((event) => event.claim)).toEqual([asJsonApiWould(kidClaim)]);
    });

    it('takes the documented example, docs/examples/claims-sample.837, without a rejection', async () => {
      const before = await published();
      const response = await upload(await readFile(join(ROOT, 'docs/examples/claims-sample.837'), 'utf8'));
      expect(response.body).toMatchObject({
        interchange: { status: 'accepted' },
        claims: 4,
        accepted: 4,
        rejected: 0,
      });
      expect(await publishedOnceAt(before + 4)).toBe(before + 4);
      expect(
        (await received('SAMPLE-')).map((event) => [
          event.claim.claimId,
          event.claim.version,
          event.claim.frequency,
        ]),
      ).toEqual([
        ['SAMPLE-I-0001', 1, 'original'],
        ['SAMPLE-P-0001', 1, 'original'],
        ['SAMPLE-P-0001', 2, 'replacement'],
        ['SAMPLE-P-0002', 1, 'original'],
      ]);
    });

    it('answers Accept: application/edi-x12 with the 999 alone', async () => {
      const before = await published();
      const response = await upload(
        file([{ kind: 'institutional', claims: [{ claim: institutional('X12-ACK-1') }] }]),
        {
          accept: 'application/edi-x12',
        },
      );
      expect(response.status).toBe(200);
      expect(response.text).toMatch(/^ISA\*.*\nGS\*FA\*CAREPLATFORM\*CLEARINGHOUSE01\*/);
      expect(response.text).toContain('ST*999*0001*005010X231A1~');
      expect(response.text).toMatch(/IEA\*1\*\d{9}~\n$/);
      // The accepted claim is published before the next test counts claim-received.
      expect(await publishedOnceAt(before + 1)).toBe(before + 1);
    });

    it('streams a chunked upload of 6 transaction sets', async () => {
      const count = 600;
      const before = await published();
      const specs = function* (): Generator<Claim837Spec> {
        for (let index = 0; index < count; index += 1) {
          const id = `X12-STREAM-${index}`;
          yield {
            claim:
              index % 2 === 0 ? professional(id) : professional(id, { memberId: `M-X12-S${index % 17}` }),
          };
        }
      };
      const body = (async function* (): AsyncGenerator<Uint8Array> {
        for (const text of interchange837([{ kind: 'professional', claims: specs() }], {
          controlNumber: control(),
          claimsPerSet: 100,
        })) {
          yield await Promise.resolve(Buffer.from(text));
        }
      })();
      const response = await upload(body);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ claims: count, accepted: count, rejected: 0 });
      expect((response.body['transactionSets'] as unknown[]).length).toBe(6);
      expect(await publishedOnceAt(before + count)).toBe(before + count);
    });

    it.each([
      ['a JSON body', 'application/json', '{"claims":[]}', 'send the file as application/edi-x12'],
      [
        'a CSV file',
        'application/edi-x12',
        'claim_id,version\nA,1\n',
        'the file is not an X12 interchange: it does not start with an ISA segment',
      ],
      [
        'a broken ISA',
        'application/edi-x12',
        interchange837Text([{ kind: 'professional', claims: [{ claim: professional('X12-ISA-1') }] }], {
          controlNumber: 1,
        }).replace('ISA*00*          *00*', 'ISA*00*        *00*  '),
        'the ISA segment is not in its fixed layout: ISA02 must be 10 characters followed by the element separator (character 18)',
      ],
    ])('answers %s with 400 and the reason', async (_name, contentType, body, message) => {
      const response = await upload(body, { contentType });
      expect(response).toMatchObject({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message },
      });
    });
  });

  describe('x12-import CLI', () => {
    const runCli = async (
      args: readonly string[],
    ): Promise<{ code: number | null; stdout: string; stderr: string }> => {
      const token = (await environment.bearer('claims-feed')).authorization.slice('Bearer '.length);
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
          cwd: ROOT,
          env: { ...process.env, CLAIMS_INTAKE_TOKEN: token },
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

    it('streams an 837, prints the summary, writes the 999 next to the file and exits 3 when a claim was rejected', async () => {
      const path = join(directory, 'claims.x12');
      await writeFile(
        path,
        file([
          {
            kind: 'professional',
            claims: [
              { claim: professional('X12-CLI-1') },
              {
                claim: professional('X12-CLI-2', {
                  billingProvider: { npi: '1234567890', tin: '123456789' },
                }),
              },
            ],
          },
        ]),
      );
      const result = await runCli([path, '--url', service.url, '--json']);
      expect(result).toMatchObject({ code: 3, stderr: '' });
      expect(JSON.parse(result.stdout)).toMatchObject({
        interchange: { status: 'accepted-with-errors' },
        claims: 2,
        accepted: 1,
        rejected: 1,
        rejections: [
          {
            claimId: 'X12-CLI-2',
            reason: expect.stringMatching(/^billingProvider\.npi \(NM109 at segment \d+\)/),
          },
        ],
        acknowledgmentFile: `${path}.999`,
      });
      const ack = await readFile(`${path}.999`, 'utf8');
      expect(ack).toContain('IK5*E*I5~');
      expect(ack).toContain('CTX*CLM01:X12-CLI-2~');

      const again = await runCli([path, '--url', service.url]);
      expect(again.code).toBe(3);
      expect(again.stdout).toMatch(/: accepted-with-errors \(received before: the first answer again\)\n/);
      expect(again.stdout).toMatch(
        /claims: 2 {2}accepted: 1 {2}duplicate: 0 {2}conflict: 0 {2}rejected: 1\n/,
      );
    });

    it('exits 1 naming the reason when the file is not X12, and 2 for a command line that does not parse', async () => {
      const path = join(directory, 'not-x12.txt');
      await writeFile(path, 'claim_id,version\n');
      const notX12 = await runCli([path, '--url', service.url]);
      expect(notX12.code).toBe(1);
      expect(notX12.stderr).toBe(
        'x12-import: the file is not an X12 interchange: it does not start with an ISA segment\n',
      );
      expect((await runCli(['--bogus'])).code).toBe(2);
    });
  });
});

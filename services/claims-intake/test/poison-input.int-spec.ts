/**
 * Poison-proof intake (issue 14), against claims-intake as its own process on a real broker and database: each
 * input that stalled, crashed or silently dropped something in a fuzzing run of the running platform is here
 * as its own case. HTTP answers are timed from this (separate) process while `/health/live` is polled, so a
 * blocked event loop in the service shows as a late health answer.
 */
import { aValidProfessionalClaim, deadLetterTopicOf, TOPICS } from '@care/contracts';
import { createTestEnvironment, inboundClaimMessage, type TestEnvironment } from '@care/testing';
import { randomUUID } from 'node:crypto';
import { spawnClaimsIntake, type ClaimsIntakeProcess } from './support/claims-intake-app';

jest.setTimeout(180_000);

const INBOUND = TOPICS.claimsInbound.name;
const RECEIVED = TOPICS.claimReceived.name;
const INBOUND_DLQ = deadLetterTopicOf(INBOUND);

/** `{ x: [{ x: [ ... ] }] }`, `levels` objects deep, as JSON text (about 8 bytes a level). */
function deeplyNested(levels: number): string {
  return `${'{"x":['.repeat(levels - 1)}{}${']}'.repeat(levels - 1)}`;
}

describe('claims-intake against poison input (real broker, real database)', () => {
  let environment: TestEnvironment;
  let service: ClaimsIntakeProcess;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await spawnClaimsIntake(environment);
  });

  afterAll(async () => {
    await service?.kill('SIGTERM');
    await environment?.dispose();
  });

  /**
   * Sends `body` and, until the answer, asks `/health/live` every 50 ms; returns the answer, how long it took
   * and the slowest health answer (or the time a health request was left waiting when the answer came).
   */
  const timedPost = async (
    path: string,
    body: string,
  ): Promise<{ status: number; json: Record<string, unknown>; ms: number; slowestLiveMs: number }> => {
    let done = false;
    let slowestLiveMs = 0;
    const probing = (async (): Promise<void> => {
      while (!done) {
        const asked = Date.now();
        const live = fetch(`${service.url}/health/live`).then((response) => response.status);
        // A health request still open when the answer arrives counts with the time it has waited so far.
        while (!done) {
          const status = await Promise.race([
            live,
            new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 20)),
          ]);
          if (status !== undefined) {
            expect(status).toBe(200);
            break;
          }
        }
        slowestLiveMs = Math.max(slowestLiveMs, Date.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = Date.now();
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    const ms = Date.now() - started;
    done = true;
    await probing;
    return { status: response.status, json: JSON.parse(text) as Record<string, unknown>, ms, slowestLiveMs };
  };
  const post = async (
    path: string,
    body: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> => {
    const { status, json } = await timedPost(path, JSON.stringify(body));
    return { status, json };
  };
  const fieldsOf = (json: Record<string, unknown>): string[] =>
    ((json['issues'] ?? []) as Array<{ field: string }>).map((issue) => issue.field);

  describe('over HTTP', () => {
    it('answers a 20 KB body nested 10,000 deep with 400 naming where it is too deep (was 500)', async () => {
      const claim = JSON.stringify({ ...aValidProfessionalClaim({ claimId: 'DEEP-1' }), lines: ['@'] });
      const body = claim.replace('["@"]', `[${deeplyNested(2_500)}]`);
      expect(body.length).toBeGreaterThan(20_000);
      const single = await timedPost('/v1/claims', body);
      expect(single.status).toBe(400);
      expect(single.json['message']).toBe('input exceeds the accepted bounds');
      expect(fieldsOf(single.json)).toEqual([`lines[0]${'.x[0]'.repeat(7)}`]);

      // In a batch, the deep item alone is invalid; the valid one beside it is accepted.
      const beside = JSON.stringify(aValidProfessionalClaim({ claimId: 'DEEP-2' }));
      const batch = await timedPost('/v1/claims/batch', `{"claims":[${body},${beside}]}`);
      expect(batch.status).toBe(200);
      const results = batch.json['results'] as Array<{ status: string; issues?: Array<{ field: string }> }>;
      expect(results.map((result) => result.status)).toEqual(['invalid', 'accepted']);
      expect(results[0]?.issues?.map((issue) => issue.field)).toEqual([`lines[0]${'.x[0]'.repeat(7)}`]);
    });

    it('answers a 10 MB body 413 within 1 s while /health/live keeps answering (it stalled 352 s)', async () => {
      const claims = Array.from({ length: 4_000 }, (_, index) =>
        aValidProfessionalClaim({ claimId: `BIG-${index}`, memberId: `M-BIG${index % 50}` }),
      );
      let body = JSON.stringify({ claims });
      body = body.replace('"claims":[', `"padding":"${'p'.repeat(10_485_760 - body.length)}","claims":[`);
      expect(body.length).toBeGreaterThan(10_000_000);
      const answer = await timedPost('/v1/claims/batch', body);
      expect(answer.status).toBe(413);
      expect(answer.json).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'request entity too large',
      });
      expect(answer.ms).toBeLessThan(1000);
      expect(answer.slowestLiveMs).toBeLessThan(1000);
    });

    it('answers one claim of 40,000 lines (2.8 MB) 400 within 1 s while /health/live keeps answering (it took 41.9 s)', async () => {
      const claim = aValidProfessionalClaim({ claimId: 'LINES-40K' });
      const lines = Array.from({ length: 40_000 }, (_, index) => ({
        lineNumber: index + 1,
        procedureCode: '99213',
        units: 1,
        chargedAmount: 150,
      }));
      const body = JSON.stringify({ ...claim, lines });
      expect(body.length).toBeGreaterThan(2_800_000);
      const answer = await timedPost('/v1/claims', body);
      expect(answer.status).toBe(400);
      expect(answer.json['issues']).toEqual([
        { field: 'lines', messages: ['lines has 40000 items; at most 1000 are accepted'] },
      ]);
      expect(answer.ms).toBeLessThan(1000);
      expect(answer.slowestLiveMs).toBeLessThan(1000);
    });

    it('validates a large valid batch (30 claims of 999 lines, 4 MB) without holding up /health/live', async () => {
      const claims = Array.from({ length: 30 }, (_, index) => {
        const claim = aValidProfessionalClaim({ claimId: `WIDE-${index}`, memberId: `M-WIDE${index}` });
        const line = claim.lines?.[0];
        return { ...claim, lines: Array.from({ length: 999 }, (__, n) => ({ ...line, lineNumber: n + 1 })) };
      });
      const answer = await timedPost('/v1/claims/batch', JSON.stringify({ claims }));
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ accepted: 30, invalid: 0 });
      // Validating, normalizing and hashing are several seconds of work here, done in 10 ms slices: before, one
      // stretch of class-transformer alone held the event loop for about 3.8 s.
      expect(answer.slowestLiveMs).toBeLessThan(1000);
    });

    it('rejects values the database cannot store with 400 naming the field, and applies the rest of a batch', async () => {
      const valid = (id: string): ReturnType<typeof aValidProfessionalClaim> =>
        aValidProfessionalClaim({ claimId: id, memberId: 'M-DB1' });
      // [valid, dated 0000-01-01, valid] answered 500 and stored nothing; a NUL in one item sank its batch too.
      const batch = await post('/v1/claims/batch', {
        claims: [
          valid('DB-1'),
          { ...valid('DB-2'), serviceDateFrom: '0000-01-01' },
          valid('DB-3'),
          { ...valid('DB-4'), billingProvider: { ...valid('x').billingProvider, name: 'Clinic\u0000' } },
        ],
      });
      expect(batch.status).toBe(200);
      expect(batch.json).toMatchObject({ accepted: 2, invalid: 2 });
      const results = batch.json['results'] as Array<{ index: number; status: string; issues?: unknown }>;
      expect(results.map((result) => result.status)).toEqual(['accepted', 'invalid', 'accepted', 'invalid']);
      expect((results[1]?.issues as Array<{ field: string }>).map((issue) => issue.field)).toContain(
        'serviceDateFrom',
      );
      expect((results[3]?.issues as Array<{ field: string }>).map((issue) => issue.field)).toEqual([
        'billingProvider.name',
      ]);

      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['year 0', { serviceDateFrom: '0000-01-01', serviceDateTo: '0000-01-02' }, 'serviceDateFrom'],
        ['year 1', { serviceDateFrom: '0001-01-01', serviceDateTo: '0001-01-01' }, 'serviceDateFrom'],
        ['year 1800', { serviceDateFrom: '1800-03-01', serviceDateTo: '1800-03-01' }, 'serviceDateFrom'],
        ['an amount past numeric(14,2)', { totalChargedAmount: 1e13 }, 'totalChargedAmount'],
      ];
      for (const [label, change, field] of cases) {
        const answer = await post('/v1/claims', { ...valid(`DB-${label}`), ...change });
        expect({ label, status: answer.status }).toEqual({ label, status: 400 });
        expect(fieldsOf(answer.json)).toContain(field);
      }

      const withLab = valid('DB-LAB');
      const lab = {
        ...withLab,
        lines: [{ ...withLab.lines?.[0], labResult: { loincCode: '4548-4', value: 7.1, unit: '%\u0000' } }],
      };
      const nulUnit = await post('/v1/claims', lab);
      expect(nulUnit.status).toBe(400);
      expect(fieldsOf(nulUnit.json)).toEqual(['lines[0].labResult.unit']);

      // Accepted before, then survey-trigger could not store it and dead-lettered the claim-received.
      const nulName = await post('/v1/claims', {
        ...valid('DB-NAME'),
        billingProvider: { ...valid('x').billingProvider, name: 'Clinic\u0000' },
      });
      expect(nulName.status).toBe(400);
      expect(fieldsOf(nulName.json)).toEqual(['billingProvider.name']);

      const stored = await environment.probe.readAll(RECEIVED);
      const ids = stored.map(
        (message) =>
          (JSON.parse(message.value ?? '{}') as { data: { claim: { claimId: string } } }).data.claim.claimId,
      );
      expect(ids.filter((id) => id.startsWith('DB-')).sort()).toEqual(['DB-1', 'DB-3']);
    });

    it('answers a body that is not JSON 400 without quoting it, and logs no client error as a server error', async () => {
      const answer = await timedPost('/v1/claims', '{"claimId": "NOT-JSON", "memberId": M-SECRET');
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'the request body is not valid JSON',
      });
      // 413s, 400s and database refusals are the client's errors: Nest's ExceptionsHandler logged each at error.
      expect(service.output()).not.toContain('ExceptionsHandler');
      expect(service.output()).not.toContain('M-SECRET');
    });

    it.each(['__proto__', 'constructor', 'prototype'])(
      'rejects a top-level %s key like any unknown key',
      async (key) => {
        const body = JSON.stringify(aValidProfessionalClaim({ claimId: `PROTO-${key}` })).replace(
          '{',
          `{"${key}":{"polluted":true},`,
        );
        const answer = await timedPost('/v1/claims', body);
        expect(answer.status).toBe(400);
        expect(fieldsOf(answer.json)).toEqual([key]);
      },
    );
  });

  describe('over claims-inbound', () => {
    const deadLettersByOffset = async (): Promise<Map<string, Array<Record<string, string>>>> => {
      const byOffset = new Map<string, Array<Record<string, string>>>();
      for (const message of await environment.probe.readAll(INBOUND_DLQ)) {
        const key = `${message.headers['dlq-source-partition']}/${message.headers['dlq-source-offset']}`;
        byOffset.set(key, [...(byOffset.get(key) ?? []), message.headers]);
      }
      return byOffset;
    };
    const received = async (prefix: string): Promise<string[]> =>
      (await environment.probe.readAll(RECEIVED))
        .map(
          (message) =>
            (JSON.parse(message.value ?? '{}') as { data: { claim: { claimId: string } } }).data.claim
              .claimId,
        )
        .filter((id) => id.startsWith(prefix));

    it('dead-letters a message nested 10,000 deep once and goes on with the claims behind it (it crashed the consumer)', async () => {
      const before = await environment.probe.count(INBOUND_DLQ);
      const deep = inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-DEEP' }));
      const value = deep.value.replace('"lines":[', `"lines":[${deeplyNested(10_000)},`);
      expect(value.length).toBeGreaterThan(80_000);
      await environment.probe.produce(INBOUND, [
        { key: 'K-DEEP', value },
        inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-AFTER-DEEP' })),
      ]);
      await environment.probe.waitForCount(INBOUND_DLQ, before + 1);
      await expect(received('K-AFTER-DEEP')).resolves.toEqual(['K-AFTER-DEEP']);
      const deadLetters = (await environment.probe.readAll(INBOUND_DLQ)).filter(
        (message) => message.key === 'K-DEEP',
      );
      expect(deadLetters.map((message) => message.headers['dlq-error-code'])).toEqual(['out-of-bounds']);
      expect(service.output()).not.toContain('Maximum call stack size exceeded');
    });

    it('dead-letters a different claim under a reused event id as event-id-conflict; the same message again is a duplicate', async () => {
      const id = randomUUID();
      const first = inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-ID-1' }), id);
      await environment.probe.produce(INBOUND, [first]);
      await expect(
        waitFor(
          () => received('K-ID-1'),
          (ids) => ids.length === 1,
        ),
      ).resolves.toEqual(['K-ID-1']);

      const before = await environment.probe.count(INBOUND_DLQ);
      const otherId = randomUUID();
      await environment.probe.produce(INBOUND, [
        first, // a re-delivery: the same message, skipped
        inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-ID-2' }), id), // another claim, same id
        // and within one batch: the first one decides, the second one conflicts
        inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-ID-3' }), otherId),
        inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-ID-4' }), otherId),
        inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-ID-END' })),
      ]);
      await waitFor(
        () => received('K-ID-END'),
        (ids) => ids.length === 1,
      );
      await environment.probe.waitForCount(INBOUND_DLQ, before + 2);
      const conflicts = (await environment.probe.readAll(INBOUND_DLQ)).filter((message) =>
        ['K-ID-1', 'K-ID-2', 'K-ID-3', 'K-ID-4'].includes(message.key ?? ''),
      );
      expect(conflicts.map((message) => [message.key, message.headers['dlq-error-code']]).sort()).toEqual([
        ['K-ID-2', 'event-id-conflict'],
        ['K-ID-4', 'event-id-conflict'],
      ]);
      expect((await received('K-ID-')).sort()).toEqual(['K-ID-1', 'K-ID-3', 'K-ID-END']);
    });

    it('replaying the whole topic dead-letters nothing twice and applies nothing twice', async () => {
      await environment.probe.produce(INBOUND, [
        { key: 'K-REPLAY-BAD', value: 'not json' },
        inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-REPLAY-OK' })),
      ]);
      await waitFor(
        () => received('K-REPLAY-OK'),
        (ids) => ids.length === 1,
      );
      const group = `${environment.prefix}claims-intake.claims-inbound`;
      await environment.probe.waitUntilConsumed([{ group, topics: [INBOUND] }], () => Promise.resolve(0));
      const deadLettersBefore = await deadLettersByOffset();
      const receivedBefore = await received('K-');
      expect([...deadLettersBefore.values()].every((letters) => letters.length === 1)).toBe(true);

      // Stop, move the group back to the start of the topic, start again: every message is delivered again.
      await service.kill('SIGTERM');
      await environment.probe.rewindGroup(group, INBOUND);
      service = await spawnClaimsIntake(environment);
      await environment.probe.produce(INBOUND, [
        inboundClaimMessage(aValidProfessionalClaim({ claimId: 'K-REPLAY-END' })),
      ]);
      await waitFor(
        () => received('K-REPLAY-END'),
        (ids) => ids.length === 1,
      );
      await environment.probe.waitUntilConsumed([{ group, topics: [INBOUND] }], () => Promise.resolve(0));

      const deadLettersAfter = await deadLettersByOffset();
      expect([...deadLettersAfter.keys()].sort()).toEqual([...deadLettersBefore.keys()].sort());
      expect([...deadLettersAfter.values()].every((letters) => letters.length === 1)).toBe(true);
      // Only the claim sent after the replay is new; no claim of the replayed topic was received twice.
      const receivedAfter = await received('K-');
      expect(receivedAfter.sort()).toEqual([...receivedBefore, 'K-REPLAY-END'].sort());
      expect(new Set(receivedAfter).size).toBe(receivedAfter.length);
    });
  });
});

/** Polls `read` until `done` holds (30 s at most) and returns the last value read. */
async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import { randomUUID } from 'node:crypto';
import {
  aValidInstitutionalClaim,
  aValidProfessionalClaim,
  deadLetterTopicOf,
  TOPICS,
} from '@care/contracts';
import {
  createTestEnvironment,
  inboundClaimMessage,
  type ProbedMessage,
  type TestEnvironment,
} from '@care/testing';
import { CLAIM_CONFLICT_CODE } from '../src/intake/handlers/accept-claims-when-published-inbound.handler';

import { startClaimsIntake, type RunningClaimsIntake } from './support/claims-intake-app';

const INBOUND = TOPICS.claimsInbound.name;
const RECEIVED = TOPICS.claimReceived.name;
const INBOUND_DLQ = deadLetterTopicOf(INBOUND);

/** Intake from `claims-inbound` against a real PostgreSQL and a real Kafka-protocol broker. */
describe('claims-intake from claims-inbound', () => {
  let environment: TestEnvironment;
  let service: RunningClaimsIntake;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startClaimsIntake(environment);
  });

  afterAll(async () => {
    await service.close();
    await environment.dispose();
  });

  const claimIdsOn = (messages: readonly ProbedMessage[]): string[] =>
    messages.map(
      (message) =>
        (JSON.parse(message.value ?? '{}') as { data: { claim: { claimId: string } } }).data.claim.claimId,
    );

  it('dead-letters poison messages with their reason and source, and still processes the valid ones', async () => {
    const valid = Array.from({ length: 20 }, (_, index) =>
      aValidProfessionalClaim({ claimId: `KAFKA-${index}`, memberId: `M-K${index % 4}` }),
    );
    const invalidClaim = { ...aValidInstitutionalClaim({ claimId: 'KAFKA-INVALID' }), typeOfBill: undefined };
    const poison = [
      { key: 'garbage', value: 'this is not json' },
      {
        key: 'unknown-version',
        value: JSON.stringify({
          ...JSON.parse(inboundClaimMessage(aValidProfessionalClaim({ claimId: 'KAFKA-V9' })).value),
          version: 9,
        }),
      },
      inboundClaimMessage(invalidClaim),
    ];
    // poison first, then in the middle, so valid messages follow bad ones on the same partitions
    await environment.probe.produce(
      INBOUND,
      [
        poison[0],
        ...valid.slice(0, 10).map((claim) => inboundClaimMessage(claim)),
        poison[1],
        poison[2],
        ...valid.slice(10).map((claim) => inboundClaimMessage(claim)),
      ].filter((m): m is { key: string; value: string } => m !== undefined),
    );

    expect(await environment.probe.waitForCount(RECEIVED, 20)).toBe(20);
    expect(await environment.probe.waitForCount(INBOUND_DLQ, 3)).toBe(3);
    expect(claimIdsOn(await environment.probe.readAll(RECEIVED)).sort()).toEqual(
      valid.map((claim) => claim.claimId).sort(),
    );

    const deadLetters = await environment.probe.readAll(INBOUND_DLQ);
    const byKey = new Map(deadLetters.map((message) => [message.key, message]));
    expect(byKey.get('garbage')?.headers).toMatchObject({
      'dlq-error-code': 'unparseable',
      'dlq-source-topic': `${environment.prefix}${INBOUND}`,
      'dlq-consumer-group': `${environment.prefix}claims-intake.claims-inbound`,
    });
    expect(byKey.get('garbage')?.value).toBe('this is not json');
    expect(byKey.get('unknown-version')?.headers['dlq-error-code']).toBe('unknown-version');
    const invalid = byKey.get('KAFKA-INVALID');
    expect(invalid?.headers['dlq-error-code']).toBe('invalid-payload');
    expect(invalid?.headers['dlq-error']).toContain('typeOfBill');
    for (const message of deadLetters) {
      expect(message.headers['dlq-source-partition']).toMatch(/^\d+$/);
      expect(message.headers['dlq-source-offset']).toMatch(/^\d+$/);
      expect(Date.parse(message.headers['dlq-failed-at'] ?? '')).not.toBeNaN();
    }
  });

  it('applies a redelivered event once and a resubmitted claim once, and dead-letters a conflicting one', async () => {
    const claim = aValidProfessionalClaim({ claimId: 'KAFKA-DUP' });
    const message = inboundClaimMessage(claim);
    const before = await environment.probe.count(RECEIVED);
    // the same event twice (redelivery), the same claim under a new event id (resubmission), a conflicting claim
    await environment.probe.produce(INBOUND, [message, message, inboundClaimMessage(claim)]);
    const conflicting = { ...claim, totalChargedAmount: claim.totalChargedAmount + 1 };
    await environment.probe.produce(INBOUND, [inboundClaimMessage(conflicting)]);
    await environment.probe.waitForCount(INBOUND_DLQ, 4);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    expect((await environment.probe.count(RECEIVED)) - before).toBe(1);
    const conflict = (await environment.probe.readAll(INBOUND_DLQ)).filter(
      (m) => m.headers['dlq-error-code'] === CLAIM_CONFLICT_CODE,
    );
    expect(conflict).toHaveLength(1);
    expect(conflict[0]?.headers['dlq-error']).toBe(
      'claim KAFKA-DUP version 1 was already received with different content',
    );
    const stored = await service.dataSource.query<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM claims WHERE claim_id = 'KAFKA-DUP'",
    );
    expect(stored[0]?.n).toBe(1);
  });

  it('names the inbound event as the cause, carries its trace and origin time, and counts the end-to-end latency', async () => {
    const claim = aValidProfessionalClaim({ claimId: 'KAFKA-ORIGIN' });
    const inboundId = randomUUID();
    const traceId = 'a'.repeat(32);
    const origin = new Date(Date.now() - 2000).toISOString();
    await environment.probe.produce(INBOUND, [
      {
        ...inboundClaimMessage(claim, inboundId),
        headers: { 'origin-time': origin, traceparent: `00-${traceId}-${'b'.repeat(16)}-01` },
      },
    ]);
    let received: ProbedMessage | undefined;
    const deadline = Date.now() + 30000;
    while (received === undefined && Date.now() < deadline) {
      received = (await environment.probe.readAll(RECEIVED)).find((message) =>
        (message.value ?? '').includes('"KAFKA-ORIGIN"'),
      );
    }
    const envelope = JSON.parse(received?.value ?? '{}') as { causationId: string; correlationId: string };
    expect(envelope).toMatchObject({ causationId: inboundId, correlationId: 'KAFKA-ORIGIN' });
    expect(received?.headers['origin-time']).toBe(origin);
    expect(received?.headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    const latencyCount =
      /care_end_to_end_latency_seconds_count\{[^}]*topic="claims-inbound"[^}]*\} (\d+)/.exec(metrics);
    expect(Number(latencyCount?.[1])).toBeGreaterThanOrEqual(1);
    const kafkaAccepted =
      /care_claims_intake_total\{[^}]*channel="kafka",outcome="accepted"[^}]*\} (\d+)/.exec(metrics);
    expect(Number(kafkaAccepted?.[1])).toBeGreaterThanOrEqual(21);
  });

  it('changes nothing when claims-inbound is replayed from the beginning', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const group = `${environment.prefix}claims-intake.claims-inbound`;
    const received = await environment.probe.count(RECEIVED);
    const deadLetters = await environment.probe.count(INBOUND_DLQ);
    const inboundMessages = await environment.probe.count(INBOUND);
    await service.close();
    // rewind the group to the start of every partition: the next instance reads the whole topic again
    await environment.probe.rewindGroup(group, INBOUND);
    expect(await environment.probe.groupLag(group, INBOUND)).toBe(inboundMessages);
    service = await startClaimsIntake(environment);
    const deadline = Date.now() + 60000;
    while ((await environment.probe.groupLag(group, INBOUND)) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await environment.probe.groupLag(group, INBOUND)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await environment.probe.count(RECEIVED)).toBe(received);
    // each message is dead-lettered once: a replay decodes the bad ones again, and finds them dead-lettered
    // already (dead_letters_sent); before, every replay doubled the dead-letter topic
    expect(await environment.probe.count(INBOUND_DLQ)).toBe(deadLetters);
  });
});

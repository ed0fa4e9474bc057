/**
 * claims-intake's one idempotent producer under mixed load, as a real process on a real Apache Kafka broker
 * (the librdkafka mock has no idempotent producer, so this is skipped there). Before SerialProducer, the outbox
 * relay and the dead-letter publisher sent through kafkajs' idempotent producer at the same time, and a produce
 * request refused for one partition (MESSAGE_TOO_LARGE) rolled back the sequence numbers of the others: the broker
 * answered "out of order sequence number" (545 times in 12 minutes of a load run) or acknowledged a batch it did
 * not write. Here HTTP batches keep the relay busy while valid, invalid and nearly 1 MB messages on
 * claims-inbound are applied and dead-lettered alongside.
 */
import { aValidProfessionalClaim, deadLetterTopicOf, TOPICS } from '@care/contracts';
import { createTestEnvironment, inboundClaimMessage, type TestEnvironment } from '@care/testing';
import { spawnClaimsIntake, type ClaimsIntakeProcess } from './support/claims-intake-app';

jest.setTimeout(180_000);

const INBOUND = TOPICS.claimsInbound.name;
const RECEIVED = TOPICS.claimReceived.name;
const INBOUND_DLQ = deadLetterTopicOf(INBOUND);
const realKafka = (process.env['TEST_KAFKA_KIND'] ?? 'local-mock') !== 'local-mock';

(realKafka ? describe : describe.skip)(
  'claims-intake idempotent producer under mixed load (real Kafka)',
  () => {
    let environment: TestEnvironment;
    let service: ClaimsIntakeProcess;

    beforeAll(async () => {
      environment = await createTestEnvironment();
      expect(environment.serviceEnv['KAFKA_IDEMPOTENT_PRODUCER']).toBe('true');
      // small relay rounds, so that many of them run while dead letters are being published
      service = await spawnClaimsIntake(environment, {
        OUTBOX_RELAY_BATCH_SIZE: '20',
        OUTBOX_RELAY_POLL_MS: '20',
      });
    });

    afterAll(async () => {
      await service?.kill('SIGTERM');
      await environment?.dispose();
    });

    it('publishes every claim once and dead-letters every bad message once, with no out-of-order sequence error', async () => {
      const httpClaims = Array.from({ length: 40 }, (_, request) =>
        Array.from({ length: 25 }, (__, index) =>
          aValidProfessionalClaim({ claimId: `IDEM-H${request}-${index}`, memberId: `M-IH${index % 9}` }),
        ),
      );
      const inboundValid = Array.from({ length: 300 }, (_, index) =>
        aValidProfessionalClaim({ claimId: `IDEM-K${index}`, memberId: `M-IK${index % 11}` }),
      );
      // 300 invalid and 3 nearly 1 MB (too large to dead-letter whole) messages, interleaved with the valid ones
      const invalid = Array.from({ length: 300 }, (_, index) => ({
        key: `bad-${index}`,
        value: `not json ${index}`,
      }));
      const huge = Array.from({ length: 3 }, (_, index) => ({
        key: `huge-${index}`,
        value: `${index}${'z'.repeat(1_040_000)}`,
      }));

      const posting = Promise.all(
        httpClaims.map(async (claims) => {
          const response = await fetch(`${service.url}/v1/claims/batch`, {
            method: 'POST',
            headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
            body: JSON.stringify({ claims }),
          });
          expect(response.status).toBe(200);
          expect(await response.json()).toMatchObject({ accepted: claims.length });
        }),
      );
      const producing = (async (): Promise<void> => {
        for (let chunk = 0; chunk < 10; chunk += 1) {
          await environment.probe.produce(INBOUND, [
            ...inboundValid.slice(chunk * 30, chunk * 30 + 30).map((claim) => inboundClaimMessage(claim)),
            ...invalid.slice(chunk * 30, chunk * 30 + 30),
          ]);
          if (chunk % 4 === 1) await environment.probe.produce(INBOUND, [huge[(chunk - 1) / 4] ?? huge[0]]);
        }
      })();
      await Promise.all([posting, producing]);

      const expectedClaims = httpClaims.flat().length + inboundValid.length;
      const expectedDeadLetters = invalid.length + huge.length;
      expect(await environment.probe.waitForCount(RECEIVED, expectedClaims, 90_000)).toBe(expectedClaims);
      expect(await environment.probe.waitForCount(INBOUND_DLQ, expectedDeadLetters, 60_000)).toBe(
        expectedDeadLetters,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500)); // anything doubled would arrive by now

      const received = (await environment.probe.readAll(RECEIVED)).map(
        (message) =>
          (JSON.parse(message.value ?? '{}') as { data: { claim: { claimId: string } } }).data.claim.claimId,
      );
      expect(received).toHaveLength(expectedClaims);
      expect(new Set(received)).toEqual(
        new Set([...httpClaims.flat(), ...inboundValid].map((claim) => claim.claimId)),
      );

      const deadLetters = await environment.probe.readAll(INBOUND_DLQ);
      expect(deadLetters).toHaveLength(expectedDeadLetters);
      expect(new Set(deadLetters.map((message) => message.key))).toEqual(
        new Set([...invalid, ...huge].map((message) => message.key)),
      );
      expect(
        deadLetters.filter((message) => message.headers['dlq-value-omitted'] !== undefined).map((m) => m.key),
      ).toEqual(expect.arrayContaining(['huge-0', 'huge-1', 'huge-2']));

      const output = service.output();
      expect(output).not.toMatch(/out of order sequence|OUT_OF_ORDER_SEQUENCE/i);
      expect(output).not.toMatch(/MESSAGE_TOO_LARGE|larger than the maximum/i);
    });
  },
);

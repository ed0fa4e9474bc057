/**
 * The idempotent producer on a real Apache Kafka broker (the librdkafka mock supports no idempotent producer, so
 * these tests are skipped there). A produce request that fails for one partition (here MESSAGE_TOO_LARGE, the
 * broker's real size limit) makes kafkajs roll back the sequence numbers of every partition of the request,
 * including those the broker appended; the next batch to such a partition is then acknowledged without being
 * written, or refused as OUT_OF_ORDER_SEQUENCE_NUMBER. SerialProducer is the fix; the first test shows the defect
 * it guards against.
 */
import { randomBytes } from 'node:crypto';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { SerialProducer } from '../src/kafka/serial-producer';

jest.setTimeout(60_000);

const realKafka = (process.env['TEST_KAFKA_KIND'] ?? 'local-mock') !== 'local-mock';
/** Over the broker's default message.max.bytes (1048588). */
const TOO_LARGE = 'x'.repeat(1_100_000);

(realKafka ? describe : describe.skip)(
  'idempotent producer after a partially failed request (real Kafka)',
  () => {
    let environment: TestEnvironment;
    let kafka: Kafka;

    beforeAll(async () => {
      environment = await createTestEnvironment();
      kafka = new Kafka({
        clientId: 'serial-producer-it',
        brokers: environment.brokers,
        logLevel: logLevel.NOTHING,
      });
    });

    afterAll(async () => {
      await environment?.dispose();
    });

    const freshTopic = async (): Promise<string> => {
      const name = `${environment.prefix}seq-${randomBytes(3).toString('hex')}`;
      await environment.faults.createTopics([{ name, partitions: 3 }]);
      return name;
    };

    const idempotentProducer = (): Producer =>
      kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });

    let topic: string;
    /** Partition 0 gets one small message and partition 1 one too large, in one request; then partition 0 again. */
    async function partialFailureThenSend(producer: {
      send: Producer['send'];
    }): Promise<{ firstFailed: boolean }> {
      topic = await freshTopic();
      let firstFailed = false;
      try {
        await producer.send({
          topic,
          acks: -1,
          messages: [
            { partition: 0, value: 'first' },
            { partition: 1, value: TOO_LARGE },
          ],
        });
      } catch {
        firstFailed = true;
      }
      await producer.send({ topic, acks: -1, messages: [{ partition: 0, value: 'second' }] });
      await producer.send({
        topic,
        acks: -1,
        messages: [
          { partition: 0, value: 'third' },
          { partition: 0, value: 'fourth' },
        ],
      });
      return { firstFailed };
    }

    const valuesOnPartitionZero = async (): Promise<string[]> =>
      (await environment.probe.readAll(topic.slice(environment.prefix.length)))
        .filter((message) => message.partition === 0)
        .map((message) => message.value ?? '');

    it('kafkajs alone acknowledges the next batch of an appended partition without writing it (the defect)', async () => {
      const producer = idempotentProducer();
      await producer.connect();
      try {
        expect(await partialFailureThenSend(producer)).toEqual({ firstFailed: true });
      } finally {
        await producer.disconnect();
      }
      // "second" reused sequence 0, which the broker holds for "first": acknowledged, never written.
      expect(await valuesOnPartitionZero()).toEqual(['first', 'third', 'fourth']);
    });

    it('SerialProducer writes every acknowledged message after a partially failed request', async () => {
      let retired = 0;
      const producer = new SerialProducer({
        idempotent: true,
        create: idempotentProducer,
        onRetired: () => (retired += 1),
      });
      await producer.connect();
      try {
        expect(await partialFailureThenSend(producer)).toEqual({ firstFailed: true });
      } finally {
        await producer.disconnect();
      }
      expect(retired).toBe(1);
      expect(await valuesOnPartitionZero()).toEqual(['first', 'second', 'third', 'fourth']);
    });

    it('SerialProducer keeps concurrent senders that share it apart: no out-of-order error, nothing lost', async () => {
      topic = await freshTopic();
      const producer = new SerialProducer({ idempotent: true, create: idempotentProducer });
      await producer.connect();
      const errors: string[] = [];
      try {
        // Ten senders at once, a third of whose sends carry a message the broker refuses beside small ones.
        await Promise.all(
          Array.from({ length: 10 }, async (_, sender) => {
            for (let round = 0; round < 10; round += 1) {
              const small = [0, 1, 2].map((partition) => ({
                partition,
                value: `s${sender}-r${round}-p${partition}`,
              }));
              const poisoned = (sender + round) % 3 === 0;
              try {
                await producer.send({
                  topic,
                  acks: -1,
                  messages: poisoned
                    ? [...small, { partition: (round % 3), value: TOO_LARGE }]
                    : small,
                });
              } catch (error) {
                if (!poisoned) errors.push(error instanceof Error ? error.message : String(error));
                else {
                  // The caller retries what it must deliver without the refused message, as the relay would.
                  await producer.send({ topic, acks: -1, messages: small });
                }
              }
            }
          }),
        );
      } finally {
        await producer.disconnect();
      }
      expect(errors).toEqual([]);
      const values = (await environment.probe.readAll(topic.slice(environment.prefix.length))).map(
        (message) => message.value ?? '',
      );
      const expected = Array.from({ length: 10 }, (_, sender) =>
        Array.from({ length: 10 }, (__, round) =>
          [0, 1, 2].map((partition) => `s${sender}-r${round}-p${partition}`),
        ),
      ).flat(2);
      // Every message is there; a partition the broker appended before its request failed may hold it twice
      // (at least once, the retry under a new producer id), never zero times.
      expect(new Set(values)).toEqual(new Set(expected));
      expect(values.filter((value) => value === TOO_LARGE)).toEqual([]);
    });
  },
);

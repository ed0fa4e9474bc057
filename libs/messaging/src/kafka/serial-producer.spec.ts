import type { ICustomPartitioner, Producer, ProducerRecord, RecordMetadata } from 'kafkajs';
import { SerialProducer, UnansweredPartitionsError } from './serial-producer';

/**
 * A stand-in for a kafkajs producer (only the parts SerialProducer uses): `send` places each message with the
 * partitioner it was created with, as kafkajs does, and answers for the partitions `answer` keeps.
 */
function fakeProducer(
  createPartitioner: ICustomPartitioner,
  answer: (partitions: number[]) => number[],
): Producer {
  const partition = createPartitioner();
  const partitionMetadata = [0, 1, 2].map((partitionId) => ({
    partitionId,
    leader: partitionId + 1,
    replicas: [],
    isr: [],
    offlineReplicas: [],
    partitionErrorCode: 0,
  }));
  return {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    on: () => () => undefined,
    events: { CONNECT: 'producer.connect', DISCONNECT: 'producer.disconnect' },
    send: (record: ProducerRecord): Promise<RecordMetadata[]> => {
      const targeted = [
        ...new Set(
          record.messages.map((message) => partition({ topic: record.topic, partitionMetadata, message })),
        ),
      ];
      return Promise.resolve(
        answer(targeted).map((answered) => ({ topicName: record.topic, partition: answered, errorCode: 0 })),
      );
    },
  } as unknown as Producer;
}

const messages = Array.from({ length: 30 }, (_, index) => ({ key: `member-${index}`, value: `${index}` }));

describe('SerialProducer', () => {
  it('resolves a send answered for every partition it targeted', async () => {
    const producer = new SerialProducer({
      idempotent: true,
      create: (createPartitioner) => fakeProducer(createPartitioner, (partitions) => partitions),
    });
    await expect(producer.send({ topic: 't', messages })).resolves.toHaveLength(3);
  });

  it('fails a send that kafkajs resolved without an answer for one of its partitions (kafkajs #1303), and retires the producer', async () => {
    const retired: unknown[] = [];
    let created = 0;
    const producer = new SerialProducer({
      idempotent: true,
      create: (createPartitioner) => {
        created += 1;
        // The first producer drops partition 1 from its answer, as kafkajs does after a leader moved.
        return fakeProducer(createPartitioner, (partitions) =>
          created === 1 ? partitions.filter((partition) => partition !== 1) : partitions,
        );
      },
      onRetired: (error) => retired.push(error),
    });
    const failure = await producer.send({ topic: 'claims', messages }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnansweredPartitionsError);
    expect((failure as UnansweredPartitionsError).partitions).toEqual(['claims/1']);
    expect(retired).toHaveLength(1);
    // The caller sends again, through a new producer: answered in full.
    await expect(producer.send({ topic: 'claims', messages })).resolves.toHaveLength(3);
    expect(created).toBe(2);
  });

  it('places keyed messages as Kafka does (murmur2), so keys keep their partitions', async () => {
    const placed: number[] = [];
    const producer = new SerialProducer({
      idempotent: false,
      create: (createPartitioner) =>
        fakeProducer(createPartitioner, (partitions) => {
          placed.push(...partitions);
          return partitions;
        }),
    });
    for (const key of ['a', 'b', 'member-1', 'claim-42']) {
      await producer.send({ topic: 't', messages: [{ key, value: '1' }] });
    }
    // From Apache Kafka's own client (kafka-clients 3.9.1, Java): Utils.toPositive(Utils.murmur2(key)) % 3.
    expect(placed).toEqual([1, 2, 0, 0]);
  });
});

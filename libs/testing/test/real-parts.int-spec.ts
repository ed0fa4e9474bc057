/**
 * Proves the real parts of the integration tier work end to end: the run's Kafka-protocol broker (started by
 * the Jest global setup, reached over TCP through kafkajs) and its PostgreSQL. No in-memory fakes.
 */
import {
  type Admin,
  type Consumer,
  Kafka,
  type KafkaMessage,
  logLevel,
  Partitioners,
  type Producer,
} from 'kafkajs';
import { Client } from 'pg';

import { startApacheKafka } from '../src/kafka/apache-kafka-cluster';
import { apacheKafkaFaults, kafkaFaults, type KafkaFaults } from '../src/kafka/kafka-faults';

// An explicit budget for this file (it needs ~10 s; a new consumer group alone waits ~3 s on the mock broker).
jest.setTimeout(60_000);

const faults = kafkaFaults();
const prefix = `real-parts-${process.pid}-${Date.now()}`;

/** Consumes `topic` with a fresh group until `expected` messages arrived, then a short quiet period more. */
async function consumeAll(
  kafka: Kafka,
  topic: string,
  expected: number,
  timeoutMs = 20_000,
): Promise<{ received: KafkaMessage[]; partitions: Set<number> }> {
  const consumer: Consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 200 });
  const received: KafkaMessage[] = [];
  const partitions = new Set<number>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message, partition }) => {
        received.push(message);
        partitions.add(partition);
        return Promise.resolve();
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (received.length < expected && Date.now() < deadline) await sleep(50);
    await sleep(500); // anything delivered twice would show up here
  } finally {
    await consumer.disconnect();
  }
  return { received, partitions };
}

function keyedMessages(from: number, count: number): Array<{ key: string; value: string }> {
  return Array.from({ length: count }, (_, i) => ({
    key: `key-${from + i}`,
    value: JSON.stringify({ n: from + i }),
  }));
}

function countByKey(messages: KafkaMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) {
    const key = message.key?.toString() ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('real parts: Kafka-protocol broker', () => {
  let kafka: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    expect(faults.brokers.length).toBeGreaterThan(0);
    kafka = new Kafka({
      clientId: 'real-parts-it',
      brokers: faults.brokers,
      logLevel: logLevel.NOTHING, // the fault test provokes connection errors on purpose
      retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
  });

  it('creates a 3-partition topic; 1,000 keyed messages with acks -1 are each consumed exactly once', async () => {
    const topic = `${prefix}.exactly-once`;
    await faults.createTopics([{ name: topic, partitions: 3 }]);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);

    const producer: Producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    try {
      for (let from = 0; from < 1000; from += 100) {
        await producer.send({ topic, acks: -1, messages: keyedMessages(from, 100) });
      }
    } finally {
      await producer.disconnect();
    }

    const { received, partitions } = await consumeAll(kafka, topic, 1000);
    const counts = countByKey(received);
    expect(received).toHaveLength(1000);
    expect(counts.size).toBe(1000);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(partitions).toEqual(new Set([0, 1, 2]));
  });

  it('a broker set down and up again while producing with retries still delivers everything', async () => {
    if (!faults.canInjectFaults) {
      // An external cluster (KAFKA_BROKERS or testcontainers): this harness cannot stop its brokers.
      return;
    }
    // On Apache Kafka, a three-node cluster of this test's own: the partition's leader is killed, leadership
    // moves to a follower, and the test files running beside this one keep their broker.
    const own = faults.kind === 'apache-kafka' ? await startApacheKafka({ nodes: 3 }) : undefined;
    try {
      await produceThroughOutage(own ? apacheKafkaFaults(own) : faults);
    } finally {
      await own?.stop();
    }
  });
});

async function produceThroughOutage(cluster: KafkaFaults): Promise<void> {
  const kafka = new Kafka({
    clientId: 'real-parts-outage',
    brokers: cluster.brokers,
    logLevel: logLevel.NOTHING, // connection errors are provoked on purpose
    retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `${prefix}.broker-outage`;
  let victim: number | undefined;
  try {
    await cluster.createTopics([{ name: topic, partitions: 3 }]);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    victim = metadata.topics[0]?.partitions.find((partition) => partition.partitionId === 0)?.leader;
  } finally {
    await admin.disconnect();
  }
  expect(victim).toBeGreaterThan(0);

  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    // Long enough to ride out a leader election or a real broker's restart.
    retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 2000 },
  });
  await producer.connect();
  let slowestSendMs = 0;
  let backUp: Promise<void> = Promise.resolve();
  try {
    for (let batch = 0; batch < 50; batch++) {
      if (batch === 10) {
        await cluster.setBrokerDown(victim as number);
        backUp = sleep(1500).then(() => cluster.setBrokerUp(victim as number));
      }
      const started = Date.now();
      // Each send to one partition, so to one broker: a send spanning brokers can be acknowledged without the
      // partitions whose leader moved to a broker that had already answered (kafkajs #1303; 2 of 500 messages
      // were missing about one run in five). The services' SerialProducer checks every send for that instead.
      const messages = keyedMessages(batch * 10, 10).map((message) => ({
        ...message,
        partition: (batch + 2) % 3,
      }));
      await producer.send({ topic, acks: -1, messages });
      slowestSendMs = Math.max(slowestSendMs, Date.now() - started);
    }
  } finally {
    await backUp;
    await producer.disconnect();
  }
  expect(slowestSendMs).toBeGreaterThan(500); // the outage was felt and ridden out by retries

  const { received } = await consumeAll(kafka, topic, 500);
  const counts = countByKey(received);
  if (counts.size !== 500) {
    // Tell a message missing from the log from one the consumer did not get to in time.
    const admin2 = kafka.admin();
    await admin2.connect();
    const offsets = await admin2.fetchTopicOffsets(topic).finally(() => admin2.disconnect());
    const inLog = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    const missing = keyedMessages(0, 500)
      .filter((message) => !counts.has(message.key))
      .map((message) => message.key);
    throw new Error(
      `consumed ${counts.size} distinct of 500; the log holds ${inLog}; missing ${missing.join(', ')}`,
    );
  }
  expect(counts.size).toBe(500);
  expect(keyedMessages(0, 500).every((message) => counts.has(message.key))).toBe(true);
}

describe('real parts: PostgreSQL', () => {
  it('answers select 1 and can create a schema', async () => {
    const url = process.env.DATABASE_URL;
    expect(url).toBeTruthy();
    const client = new Client({ connectionString: url });
    await client.connect();
    const schema = `real_parts_${process.pid}_${Date.now()}`;
    try {
      const one = await client.query<{ one: number }>('select 1 as one');
      expect(one.rows[0]?.one).toBe(1);
      await client.query(`create schema ${schema}`);
      await client.query(`create table ${schema}.probe (id int primary key, note text not null)`);
      await client.query(`insert into ${schema}.probe values (1, 'ok')`);
      const probe = await client.query<{ note: string }>(`select note from ${schema}.probe where id = 1`);
      expect(probe.rows[0]?.note).toBe('ok');
    } finally {
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  });
});

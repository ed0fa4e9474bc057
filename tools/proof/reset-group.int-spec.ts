import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { resetGroupToEarliest } from './reset-group';

/**
 * The fault proof's replay: a group's committed offsets on each of its topics set back to the earliest, so that its
 * consumers read everything again; refused while the group has a member.
 */
describe('resetGroupToEarliest', () => {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
  const kafka = new Kafka({ clientId: 'reset-group-test', brokers, logLevel: logLevel.NOTHING });
  const prefix = `reset-${randomUUID().slice(0, 8)}.`;
  const topics = [`${prefix}a`, `${prefix}b`];
  const groupId = `${prefix}group`;
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic, index) => ({ topic, numPartitions: 2 + index })),
    });
    const producer = kafka.producer();
    await producer.connect();
    for (const topic of topics) {
      await producer.send({
        topic,
        messages: Array.from({ length: 10 }, (_, n) => ({ key: String(n), value: String(n) })),
      });
    }
    await producer.disconnect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  });

  /** Joins the group, reads until `expected` messages came (or 15 s passed), commits and leaves. */
  const consume = async (expected: number): Promise<number> => {
    const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, maxWaitTimeInMs: 100 });
    await consumer.connect();
    let seen = 0;
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 15_000);
        void consumer.run({
          eachMessage: () => {
            seen += 1;
            if (seen >= expected) {
              clearTimeout(timer);
              resolve();
            }
            return Promise.resolve();
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return seen;
  };

  it('sets every partition of every topic back to the earliest offset, once the group has no member', async () => {
    expect(await consume(20)).toBe(20);
    const before = await admin.fetchOffsets({ groupId, topics });
    expect(before.flatMap((topic) => topic.partitions.map((partition) => partition.offset))).not.toContain(
      '-1',
    );

    await resetGroupToEarliest(kafka, groupId, topics);

    const after = await admin.fetchOffsets({ groupId, topics });
    expect(after.flatMap((topic) => topic.partitions)).toHaveLength(5);
    expect(new Set(after.flatMap((topic) => topic.partitions.map((partition) => partition.offset)))).toEqual(
      new Set(['-2']),
    );
    // The group's next member reads everything again.
    expect(await consume(20)).toBe(20);
  });

  it('is refused while the group has a member', async () => {
    const member = kafka.consumer({ groupId, sessionTimeout: 6000, maxWaitTimeInMs: 100 });
    await member.connect();
    try {
      await member.subscribe({ topics, fromBeginning: true });
      let joined!: () => void;
      const hasJoined = new Promise<void>((resolve) => (joined = resolve));
      member.on(member.events.GROUP_JOIN, () => joined());
      await member.run({ eachMessage: () => Promise.resolve() });
      await hasJoined;
      await expect(resetGroupToEarliest(kafka, groupId, topics)).rejects.toThrow(
        /must have no running instances, current state: Stable/,
      );
    } finally {
      await member.disconnect();
    }
  });
});

import type { Kafka } from 'kafkajs';

/** kafkajs's EARLIEST_OFFSET: a committed offset that the group's consumers resolve to each partition's first one. */
const EARLIEST = '-2';

/**
 * Sets a consumer group's committed offsets on every partition of `topics` back to the earliest, as kafkajs's
 * `admin.resetOffsets({ earliest: true })` does for one topic: join the group as its only member, seek each
 * partition to the earliest offset (a seek commits it), leave. Here every topic is done in one membership, and the
 * member asks for its (paused) partitions with a 100 ms fetch wait: `admin.resetOffsets` joins once per topic and
 * its consumer waits out kafkajs's default 5 s fetch wait each time (about 40 s for casework's seven topics).
 *
 * Refused, as Kafka refuses it, while the group has members (stop them first). Checked afterwards: every partition
 * of every topic must read the earliest offset as the group's committed one, or this throws.
 */
export async function resetGroupToEarliest(
  kafka: Kafka,
  groupId: string,
  topics: readonly string[],
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions = new Map<string, number[]>();
    for (const topic of topics) {
      partitions.set(
        topic,
        (await admin.fetchTopicOffsets(topic)).map((offset) => offset.partition),
      );
    }
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      const description = await consumer.describeGroup();
      if (!['Empty', 'Dead'].includes(description.state)) {
        throw new Error(
          `the consumer group must have no running instances, current state: ${description.state}`,
        );
      }
      await new Promise<void>((resolve, reject) => {
        // The first fetch after joining applies the seeks (each commits its offset) before it is reported.
        consumer.on(consumer.events.FETCH, () => {
          consumer.stop().then(resolve, reject);
        });
        consumer.run({ eachBatchAutoResolve: false, eachBatch: () => Promise.resolve() }).catch(reject);
        // Nothing is consumed: every partition is paused, only the seeks matter.
        consumer.pause(topics.map((topic) => ({ topic })));
        for (const [topic, ids] of partitions) {
          for (const partition of ids) consumer.seek({ topic, partition, offset: EARLIEST });
        }
      });
    } finally {
      await consumer.disconnect();
    }
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    const notReset = committed.flatMap(({ topic, partitions: offsets }) =>
      offsets
        .filter(({ offset }) => offset !== EARLIEST)
        .map(({ partition, offset }) => `${topic}/${partition} at ${offset}`),
    );
    const expected = [...partitions.values()].reduce((sum, ids) => sum + ids.length, 0);
    const seen = committed.reduce((sum, { partitions: offsets }) => sum + offsets.length, 0);
    if (notReset.length > 0 || seen !== expected) {
      throw new Error(
        `group ${groupId} not reset to the earliest offsets: ${notReset.join(', ') || `${seen} of ${expected} partitions`}`,
      );
    }
  } finally {
    await admin.disconnect();
  }
}

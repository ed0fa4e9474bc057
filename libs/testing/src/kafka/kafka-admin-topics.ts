import { Kafka, logLevel } from 'kafkajs';

import { assertTopicName, type TopicSpec, topicPartitions } from './topic-spec';
import { TEST_KAFKA_CONNECTION_TIMEOUT_MS } from './test-client-timeouts';

/**
 * Creates topics on a real Kafka cluster through kafkajs `admin.createTopics`, then waits until every partition
 * of every topic has a leader in the metadata of the broker asked (on a multi-node cluster the new topic reaches
 * each broker's metadata a moment after the controller answered, which kafkajs' own `waitForLeaders` reports as
 * an error) and until each partition's leader answers for its offsets. Topics that already exist are left as they are. Not usable against the mock broker (see
 * infra/kafka-mock/README.md).
 */
export async function createTopicsWithAdmin(
  brokers: string[],
  topics: TopicSpec[],
  timeoutMs = 60_000,
): Promise<void> {
  if (topics.length === 0) return;
  topics.forEach((topic) => assertTopicName(topic.name));
  const admin = new Kafka({
    clientId: 'care-testing-admin',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: TEST_KAFKA_CONNECTION_TIMEOUT_MS,
  }).admin();
  await admin.connect();
  try {
    try {
      await admin.createTopics({
        waitForLeaders: false,
        topics: topics.map((topic) => ({ topic: topic.name, numPartitions: topicPartitions(topic) })),
      });
    } catch (error) {
      // kafkajs already maps an all-"already exists" answer to `false`; tolerate mixed answers too.
      const errors = (error as { errors?: Array<{ type?: string }> }).errors;
      if (!errors?.length || !errors.every((item) => item.type === 'TOPIC_ALREADY_EXISTS')) throw error;
    }
    const names = topics.map((topic) => topic.name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let problem: string;
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names });
        const waiting = metadata.filter(
          (topic) =>
            topic.partitions.length === 0 ||
            topic.partitions.some((partition) => partition.leader < 0 || partition.partitionErrorCode !== 0),
        );
        if (waiting.length === 0) {
          // A leader in the metadata may not serve its partition yet (NOT_LEADER_FOR_PARTITION for a moment).
          for (const name of names) await admin.fetchTopicOffsets(name);
          return;
        }
        problem = `no leader yet for ${waiting.map((topic) => topic.name).join(', ')}`;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() > deadline) throw new Error(`topics not ready after ${timeoutMs} ms: ${problem}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

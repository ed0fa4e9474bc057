import { Kafka, logLevel } from 'kafkajs';

import { assertTopicName, type TopicSpec, topicPartitions } from './topic-spec';

/**
 * Creates topics on a real Kafka cluster through kafkajs `admin.createTopics` (waiting for leaders); topics
 * that already exist are left as they are. Not usable against the mock broker (see infra/kafka-mock/README.md).
 */
export async function createTopicsWithAdmin(brokers: string[], topics: TopicSpec[]): Promise<void> {
  if (topics.length === 0) return;
  topics.forEach((topic) => assertTopicName(topic.name));
  const admin = new Kafka({ clientId: 'care-testing-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic: topic.name, numPartitions: topicPartitions(topic) })),
    });
  } catch (error) {
    // kafkajs already maps an all-"already exists" answer to `false`; tolerate mixed answers too.
    const errors = (error as { errors?: Array<{ type?: string }> }).errors;
    if (!errors?.length || !errors.every((item) => item.type === 'TOPIC_ALREADY_EXISTS')) throw error;
  } finally {
    await admin.disconnect();
  }
}

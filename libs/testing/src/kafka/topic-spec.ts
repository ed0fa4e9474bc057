/** Env variable holding the partition count used when a topic spec gives none (default 3). */
export const TEST_KAFKA_PARTITIONS_ENV = 'TEST_KAFKA_PARTITIONS';

/** A topic to pre-create; `partitions` defaults to `TEST_KAFKA_PARTITIONS` (3). */
export interface TopicSpec {
  name: string;
  partitions?: number;
}

/** The partition count for `topic`, falling back to `TEST_KAFKA_PARTITIONS`, then 3. */
export function topicPartitions(topic: TopicSpec, env: NodeJS.ProcessEnv = process.env): number {
  const partitions = topic.partitions ?? Number(env[TEST_KAFKA_PARTITIONS_ENV] || 3);
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new Error(`topic ${topic.name}: partitions must be a positive integer, got ${partitions}`);
  }
  return partitions;
}

/** Throws unless `name` is a legal Kafka topic name (1-249 chars of [a-zA-Z0-9._-]). */
export function assertTopicName(name: string): void {
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(name) || name === '.' || name === '..') {
    throw new Error(`illegal Kafka topic name: ${JSON.stringify(name)}`);
  }
}

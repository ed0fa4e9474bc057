import type { KafkaMessage } from 'kafkajs';
import type { OpsConnection } from './ops-connection';

/** A message read by an ops command, with its partition. */
export interface ReadMessage {
  readonly partition: number;
  readonly message: KafkaMessage;
}

export interface ReadTopicOptions {
  /** Offsets to start from per partition (default: each partition's low watermark). */
  readonly from?: ReadonlyMap<number, string>;
  readonly timeoutMs?: number;
  /** Called with (read, total) as messages arrive. */
  readonly onProgress?: (read: number, total: number) => void;
}

/**
 * Reads a physical topic up to its current end (high watermarks taken at the start) with a throw-away,
 * never-committed consumer group. Returns messages ordered by partition and offset.
 */
export async function readTopic(
  connection: OpsConnection,
  physicalTopic: string,
  options: ReadTopicOptions = {},
): Promise<ReadMessage[]> {
  const offsets = await connection.topicOffsets(physicalTopic);
  const starts = new Map<number, bigint>();
  const ends = new Map<number, bigint>();
  for (const partition of offsets) {
    const low = BigInt(partition.low);
    const requested = options.from?.get(partition.partition);
    const start = requested === undefined || BigInt(requested) < low ? low : BigInt(requested);
    if (BigInt(partition.high) > start) {
      starts.set(partition.partition, start);
      ends.set(partition.partition, BigInt(partition.high));
    }
  }
  const total = [...ends].reduce(
    (sum, [partition, end]) => sum + Number(end - (starts.get(partition) ?? end)),
    0,
  );
  const messages: ReadMessage[] = [];
  options.onProgress?.(0, total);
  if (ends.size === 0) return messages;

  const timeoutMs = options.timeoutMs ?? 30000;
  const consumer = connection.kafka.consumer({
    groupId: connection.readerGroup(),
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 50,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: physicalTopic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`reading ${physicalTopic} timed out after ${messages.length} of ${total} messages`));
      }, timeoutMs);
      const remaining = new Set(ends.keys());
      consumer
        .run({
          autoCommit: false,
          eachBatchAutoResolve: true,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition);
            const start = starts.get(batch.partition);
            if (end === undefined || start === undefined) return;
            for (const message of batch.messages) {
              const offset = BigInt(message.offset);
              if (offset >= start && offset < end) messages.push({ partition: batch.partition, message });
            }
            // lastOffset covers gaps (compacted topics) where the message at end - 1 no longer exists
            if (BigInt(batch.lastOffset()) >= end - 1n) remaining.delete(batch.partition);
            options.onProgress?.(messages.length, total);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
            await Promise.resolve();
          },
        })
        .then(() => {
          for (const [partition, start] of starts) {
            consumer.seek({ topic: physicalTopic, partition, offset: start.toString() });
          }
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages.sort(
    (a, b) => a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)),
  );
}

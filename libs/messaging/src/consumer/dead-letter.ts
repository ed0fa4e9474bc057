import { HEADERS } from '@care/contracts';
import type { KafkaMessage, Producer } from 'kafkajs';

/** A message that can never be applied, with a reason code and a PHI-free reason. */
export interface DeadLetter {
  readonly message: KafkaMessage;
  readonly code: string;
  readonly reason: string;
  readonly eventId?: string;
}

export interface DeadLetterSource {
  readonly physicalTopic: string;
  readonly deadLetterTopic: string;
  readonly partition: number;
  readonly group: string;
}

/**
 * Publishes dead letters (original key, value and headers plus the error and where it came from) and waits
 * for the broker's acknowledgement, so the source offset is committed only once the dead letter is safe.
 */
export async function publishDeadLetters(
  producer: Producer,
  source: DeadLetterSource,
  deadLetters: readonly DeadLetter[],
): Promise<void> {
  if (deadLetters.length === 0) return;
  const failedAt = new Date().toISOString();
  await producer.send({
    topic: source.deadLetterTopic,
    acks: -1,
    messages: deadLetters.map(({ message, code, reason }) => ({
      key: message.key,
      value: message.value,
      timestamp: message.timestamp,
      headers: {
        ...stringHeaders(message.headers),
        [HEADERS.dlqErrorCode]: code,
        [HEADERS.dlqError]: reason.slice(0, 2000),
        [HEADERS.dlqSourceTopic]: source.physicalTopic,
        [HEADERS.dlqSourcePartition]: String(source.partition),
        [HEADERS.dlqSourceOffset]: message.offset,
        [HEADERS.dlqConsumerGroup]: source.group,
        [HEADERS.dlqFailedAt]: failedAt,
      },
    })),
  });
}

/** kafkajs header values as strings (arrays keep their last value). */
export function stringHeaders(headers: KafkaMessage['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) result[name] = Buffer.isBuffer(last) ? last.toString('utf8') : last;
  }
  return result;
}

import { HEADERS } from '@care/contracts';
import type { KafkaMessage } from 'kafkajs';
import { stringHeaders } from '../consumer/dead-letter';
import { presentPayload } from './mask-phi';
import { OPS_AUDIT_TOPIC, type OpsConnection } from './ops-connection';
import { readTopic } from './read-topic';

/** A dead letter as the ops tool shows it. */
export interface DeadLetterRecord {
  /** Dead-letter topic without the environment prefix. */
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly errorCode: string | null;
  readonly error: string | null;
  /** Physical source topic (with prefix), as written by the dead-letter writer. */
  readonly sourceTopic: string | null;
  readonly sourcePartition: number | null;
  readonly sourceOffset: string | null;
  readonly consumerGroup: string | null;
  /** When the consumer first gave up on the message (ISO-8601). */
  readonly failedAt: string | null;
  readonly eventId: string | null;
  readonly eventType: string | null;
}

/** A dead letter with its headers (without dead-letter headers) and its payload, masked unless revealed. */
export interface DeadLetterDetail extends DeadLetterRecord {
  readonly headers: Record<string, string>;
  readonly payload: unknown;
  readonly revealed: boolean;
}

/** Physical dead-letter topic of a name given by an operator: a catalog name, `<topic>.dlq`, or physical. */
export function resolveDeadLetterTopic(connection: OpsConnection, topic: string): string {
  const logical = connection.names.logical(topic);
  return connection.names.physical(logical.endsWith('.dlq') ? logical : `${logical}.dlq`);
}

/** Every dead letter the topic still holds, oldest first per partition. */
export async function listDeadLetters(
  connection: OpsConnection,
  topic: string,
  options: { onProgress?: (read: number, total: number) => void } = {},
): Promise<DeadLetterRecord[]> {
  const physical = resolveDeadLetterTopic(connection, topic);
  const messages = await readTopic(connection, physical, options);
  return messages.map(({ partition, message }) =>
    toDeadLetterRecord(connection, physical, partition, message),
  );
}

export interface ShowDeadLetterOptions {
  readonly partition?: number;
  readonly offset: string;
  /** Show the payload unmasked; who and why are written to the audit topic before anything is shown. */
  readonly reveal?: { readonly operator: string; readonly reason: string };
}

/**
 * One dead letter with its payload, PHI masked unless revealed. Without `partition`, the offset must be unique
 * across the topic's partitions. A reveal is audited on `ops.audit` first; no audit, no reveal.
 */
export async function showDeadLetter(
  connection: OpsConnection,
  topic: string,
  options: ShowDeadLetterOptions,
): Promise<DeadLetterDetail> {
  const physical = resolveDeadLetterTopic(connection, topic);
  const offsets = await connection.topicOffsets(physical);
  const candidates = offsets.filter(
    (p) =>
      (options.partition === undefined || p.partition === options.partition) &&
      BigInt(options.offset) >= BigInt(p.low) &&
      BigInt(options.offset) < BigInt(p.high),
  );
  if (candidates.length === 0) {
    throw new Error(`no dead letter at offset ${options.offset} of ${physical}`);
  }
  if (candidates.length > 1) {
    throw new Error(
      `offset ${options.offset} exists on partitions ${candidates.map((p) => p.partition).join(', ')} of ${physical}; give <partition>:<offset>`,
    );
  }
  const partition = candidates[0]?.partition ?? 0;
  const messages = await readTopic(connection, physical, {
    from: new Map([[partition, options.offset]]),
  });
  const found = messages.find(
    (read) => read.partition === partition && read.message.offset === options.offset,
  );
  if (found === undefined) throw new Error(`no dead letter at ${partition}:${options.offset} of ${physical}`);

  if (options.reveal !== undefined) {
    if (options.reveal.reason.trim() === '') throw new Error('revealing PHI needs a reason');
    const producer = await connection.producer();
    await producer.send({
      topic: connection.names.physical(OPS_AUDIT_TOPIC),
      acks: -1,
      messages: [
        {
          key: `${physical}/${partition}/${options.offset}`,
          value: JSON.stringify({
            action: 'dlq-reveal',
            operator: options.reveal.operator,
            reason: options.reveal.reason,
            at: new Date().toISOString(),
            topic: physical,
            partition,
            offset: options.offset,
          }),
        },
      ],
    });
  }
  const headers = stringHeaders(found.message.headers);
  return {
    ...toDeadLetterRecord(connection, physical, partition, found.message),
    headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('dlq-'))),
    payload: presentPayload(found.message.value, options.reveal !== undefined),
    revealed: options.reveal !== undefined,
  };
}

/** The record of a dead-letter message read from a physical dead-letter topic. */
export function toDeadLetterRecord(
  connection: OpsConnection,
  physical: string,
  partition: number,
  message: KafkaMessage,
): DeadLetterRecord {
  const headers = stringHeaders(message.headers);
  const header = (name: string): string | null => headers[name] ?? null;
  const sourcePartition = header(HEADERS.dlqSourcePartition);
  return {
    topic: connection.names.logical(physical),
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    errorCode: header(HEADERS.dlqErrorCode),
    error: header(HEADERS.dlqError),
    sourceTopic: header(HEADERS.dlqSourceTopic),
    sourcePartition: sourcePartition === null ? null : Number(sourcePartition),
    sourceOffset: header(HEADERS.dlqSourceOffset),
    consumerGroup: header(HEADERS.dlqConsumerGroup),
    failedAt: header(HEADERS.dlqFailedAt),
    eventId: header(HEADERS.eventId) ?? envelopeField(message.value, 'id'),
    eventType: header(HEADERS.type) ?? envelopeField(message.value, 'type'),
  };
}

function envelopeField(value: Buffer | null, field: 'id' | 'type'): string | null {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    if (parsed !== null && typeof parsed === 'object' && field in parsed) {
      const found = (parsed as Record<string, unknown>)[field];
      return typeof found === 'string' ? found : null;
    }
  } catch {
    // not JSON: an unparseable dead letter has no envelope
  }
  return null;
}

import { HEADERS } from '@care/contracts';
import type { KafkaMessage, Message } from 'kafkajs';
import type { EventProducer } from '../kafka/serial-producer';

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

/** Bytes a record adds to a batch beyond its key, value and header text (varints, attributes, deltas). */
const RECORD_OVERHEAD_BYTES = 64;
/** Bytes one produce request adds per partition batch beyond its records. */
const BATCH_OVERHEAD_BYTES = 128;
/** The longest key kept when a dead letter is cut down to its dead-letter headers. */
const MAX_KEPT_KEY_BYTES = 1024;
const KAFKA_SIZE_ERRORS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/**
 * The dead letters of one batch, published to the dead-letter topic in sends of at most `maxBytes` each (a
 * broker refuses a record batch over its `max.message.bytes`, 1 MB by default, and one oversized dead letter must
 * not hold up the rest). A dead letter too large to fit by itself keeps its key and the dead-letter headers and
 * loses its value and original headers, marked by `dlq-value-omitted` with the original size: the message stays
 * readable at its source offset. `publish` resumes where a failed attempt stopped, so a retry never repeats a
 * send that was acknowledged; if the broker still answers MESSAGE_TOO_LARGE (a dead-letter topic with a smaller
 * limit than configured), the remaining dead letters are cut down the same way and sent one at a time.
 */
export class DeadLetterPublication {
  private readonly records: Message[];
  private readonly sizes: number[];
  private readonly originals: DeadLetter[];
  private sent = 0;
  private oneAtATime = false;

  constructor(
    private readonly source: DeadLetterSource,
    deadLetters: readonly DeadLetter[],
    private readonly maxBytes: number,
  ) {
    const failedAt = new Date().toISOString();
    this.originals = [...deadLetters];
    this.records = deadLetters.map((deadLetter) => {
      const full = toRecord(source, deadLetter, failedAt);
      return recordSize(full) + BATCH_OVERHEAD_BYTES <= maxBytes ? full : cutDown(full, deadLetter);
    });
    this.sizes = this.records.map(recordSize);
  }

  /** Dead letters whose value did not fit and was left out. */
  get omitted(): number {
    return this.records.filter((record) => record.headers?.[HEADERS.dlqValueOmitted] !== undefined).length;
  }

  /** Sends what is left, waiting for the broker's acknowledgement (acks=all) of each send. */
  async publish(producer: EventProducer): Promise<void> {
    while (this.sent < this.records.length) {
      const end = this.oneAtATime ? this.sent + 1 : this.chunkEnd(this.sent);
      try {
        await producer.send({
          topic: this.source.deadLetterTopic,
          acks: -1,
          messages: this.records.slice(this.sent, end),
        });
      } catch (error) {
        if (isSizeError(error) && !this.oneAtATime) {
          this.oneAtATime = true;
          for (let index = this.sent; index < this.records.length; index += 1) {
            const record = this.records[index];
            if (record.headers?.[HEADERS.dlqValueOmitted] === undefined) {
              this.records[index] = cutDown(record, this.originals[index]);
            }
          }
        }
        throw error;
      }
      this.sent = end;
    }
  }

  private chunkEnd(start: number): number {
    let bytes = BATCH_OVERHEAD_BYTES;
    let end = start;
    while (end < this.records.length) {
      const size = this.sizes[end] ?? 0;
      if (end > start && bytes + size > this.maxBytes) break;
      bytes += size;
      end += 1;
    }
    return end;
  }
}

/**
 * Publishes dead letters (original key, value and headers plus the error and where it came from) and waits
 * for the broker's acknowledgement, so the source offset is committed only once the dead letter is safe.
 */
export async function publishDeadLetters(
  producer: EventProducer,
  source: DeadLetterSource,
  deadLetters: readonly DeadLetter[],
  maxBytes = 1_000_000,
): Promise<void> {
  if (deadLetters.length === 0) return;
  await new DeadLetterPublication(source, deadLetters, maxBytes).publish(producer);
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

function toRecord(source: DeadLetterSource, deadLetter: DeadLetter, failedAt: string): Message {
  const { message } = deadLetter;
  return {
    key: message.key,
    value: message.value,
    timestamp: message.timestamp,
    headers: {
      ...stringHeaders(message.headers),
      ...deadLetterHeaders(source, deadLetter, failedAt),
    },
  };
}

function deadLetterHeaders(
  source: DeadLetterSource,
  deadLetter: DeadLetter,
  failedAt: string,
): Record<string, string> {
  return {
    [HEADERS.dlqErrorCode]: deadLetter.code,
    [HEADERS.dlqError]: deadLetter.reason.slice(0, 2000),
    [HEADERS.dlqSourceTopic]: source.physicalTopic,
    [HEADERS.dlqSourcePartition]: String(source.partition),
    [HEADERS.dlqSourceOffset]: deadLetter.message.offset,
    [HEADERS.dlqConsumerGroup]: source.group,
    [HEADERS.dlqFailedAt]: failedAt,
  };
}

/** The record without the original value and headers (and without a key longer than 1 KB). */
function cutDown(record: Message, deadLetter: DeadLetter): Message {
  const headers = (record.headers ?? {}) as Record<string, string>;
  const kept: Record<string, string> = {};
  for (const name of Object.values(HEADERS)) {
    if (name.startsWith('dlq-') && headers[name] !== undefined) kept[name] = headers[name];
  }
  const originalBytes = recordSize({
    key: deadLetter.message.key,
    value: deadLetter.message.value,
    headers: stringHeaders(deadLetter.message.headers),
  });
  kept[HEADERS.dlqValueOmitted] = String(originalBytes);
  const key = record.key ?? null;
  return {
    key: key !== null && byteLength(key) <= MAX_KEPT_KEY_BYTES ? key : null,
    value: null,
    ...(record.timestamp === undefined ? {} : { timestamp: record.timestamp }),
    headers: kept,
  };
}

function recordSize(record: Message): number {
  let bytes = RECORD_OVERHEAD_BYTES + byteLength(record.key ?? null) + byteLength(record.value ?? null);
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    bytes += Buffer.byteLength(name) + 8;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) bytes += byteLength((item) ?? null);
  }
  return bytes;
}

function byteLength(value: Buffer | string | null): number {
  if (value === null) return 0;
  return Buffer.isBuffer(value) ? value.length : Buffer.byteLength(value);
}

function isSizeError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === 'string' && KAFKA_SIZE_ERRORS.has(type)) return true;
    current =
      (current as { cause?: unknown; originalError?: unknown }).cause ??
      (current as { originalError?: unknown }).originalError;
  }
  return false;
}

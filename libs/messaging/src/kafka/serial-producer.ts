import type { Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';

/** What the outbox relay and the dead-letter publisher need of a producer. */
export interface EventProducer {
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
}

/** Options of {@link SerialProducer}. */
export interface SerialProducerOptions {
  /** Makes a new kafkajs producer (the same settings each time). */
  readonly create: () => Producer;
  /** True when the producers are idempotent: a failed send then retires the producer (see below). */
  readonly idempotent: boolean;
  /** Told whether a producer is connected, on every connect and disconnect. */
  readonly onConnectionChange?: (connected: boolean) => void;
  /** Told when a producer is retired after a failed send. */
  readonly onRetired?: (error: unknown) => void;
}

/**
 * One service's producer, used by one send at a time, that never reuses an idempotent producer after a failed
 * send.
 *
 * Why: kafkajs (2.2.4) numbers each partition's batches itself, and when a produce request fails it rolls back
 * the sequence numbers of every partition in that request, including partitions the broker did append (a
 * request to one broker carries several partitions, and one partition's error, such as MESSAGE_TOO_LARGE, fails
 * the whole request). The next batch for such a partition then reuses sequence numbers the broker already
 * holds: with the same message count the broker takes it for a retry and acknowledges it without writing it
 * (the message is silently lost); with another count it answers OUT_OF_ORDER_SEQUENCE_NUMBER, again and again.
 * Shared between the outbox relay and the consumers' dead-letter publishing, a failure of one caller corrupted
 * the others' partitions. So sends run one after another, and after a failed send the producer is disconnected
 * and replaced by a new one (a new producer id, whose sequences start afresh) before the next send. A caller that
 * retries the failed send may write again what the broker had appended: at least once, never lost, and every
 * consumer de-duplicates by event id.
 */
export class SerialProducer implements EventProducer {
  private current: Producer;
  private retired = false;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: SerialProducerOptions) {
    this.current = this.make();
  }

  /** Connects the current producer (a later send connects a replacement by itself). */
  async connect(): Promise<void> {
    await this.exclusive(async () => {
      if (this.retired) await this.replace();
      else await this.current.connect();
    });
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    return this.run((producer) => producer.send(record));
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.run((producer) => producer.sendBatch(batch));
  }

  /** Waits for the send in progress, then disconnects; later sends fail. */
  async disconnect(): Promise<void> {
    await this.exclusive(async () => {
      this.closed = true;
      await this.current.disconnect();
    });
  }

  private run(action: (producer: Producer) => Promise<RecordMetadata[]>): Promise<RecordMetadata[]> {
    return this.exclusive(async () => {
      if (this.closed) throw new Error('producer is disconnected');
      if (this.retired) await this.replace();
      try {
        return await action(this.current);
      } catch (error) {
        if (this.options.idempotent) {
          this.retired = true;
          this.options.onRetired?.(error);
        }
        throw error;
      }
    });
  }

  /** Disconnects the retired producer and connects a new one; stays retired if the new one cannot connect. */
  private async replace(): Promise<void> {
    await this.current.disconnect().catch(() => undefined);
    this.current = this.make();
    await this.current.connect();
    this.retired = false;
  }

  private make(): Producer {
    const producer = this.options.create();
    producer.on(producer.events.CONNECT, () => {
      if (producer === this.current) this.options.onConnectionChange?.(true);
    });
    producer.on(producer.events.DISCONNECT, () => {
      if (producer === this.current) this.options.onConnectionChange?.(false);
    });
    return producer;
  }

  private exclusive<T>(action: () => Promise<T>): Promise<T> {
    const result = this.queue.then(action);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

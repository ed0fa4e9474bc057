import {
  Partitioners,
  type ICustomPartitioner,
  type Producer,
  type ProducerBatch,
  type ProducerRecord,
  type RecordMetadata,
} from 'kafkajs';

/** What the outbox relay and the dead-letter publisher need of a producer. */
export interface EventProducer {
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
}

/** Options of {@link SerialProducer}. */
export interface SerialProducerOptions {
  /**
   * Makes a new kafkajs producer (the same settings each time), with `createPartitioner` as its partitioner: Kafka's
   * default (murmur2 of the key, as kafkajs' DefaultPartitioner) that also tells SerialProducer which partitions a
   * send targets, so a send acknowledged without some of them is caught (see below).
   */
  readonly create: (createPartitioner: ICustomPartitioner) => Producer;
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
 *
 * Second kafkajs defect (kafkajs issue #1303): when a send spans several brokers and one of them fails, kafkajs
 * retries only towards brokers that have not answered yet. A partition whose leader moved, in between, to a broker
 * that had answered for other partitions is never sent, and the send resolves as if it had been: on a three-node
 * Apache Kafka cluster whose leader was killed mid-send, 2 of 500 acknowledged messages were missing from the log
 * in about one run in five. So every send is checked: each partition the partitioner targeted must be in the
 * broker's answer, or the send fails (and is retried by its caller like any failed send).
 */
export class SerialProducer implements EventProducer {
  private current: Producer;
  private retired = false;
  /** `<topic>\u0000<partition>` the partitioner chose during the send in progress. */
  private readonly targeted = new Set<string>();
  private readonly createPartitioner: ICustomPartitioner = () => {
    const partition = Partitioners.DefaultPartitioner();
    return (args) => {
      const chosen = partition(args);
      this.targeted.add(`${args.topic}\u0000${chosen}`);
      return chosen;
    };
  };
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
      this.targeted.clear();
      try {
        const acknowledged = await action(this.current);
        this.checkEveryPartitionAnswered(acknowledged);
        return acknowledged;
      } catch (error) {
        if (this.options.idempotent) {
          this.retired = true;
          this.options.onRetired?.(error);
        }
        throw error;
      }
    });
  }

  /**
   * Throws when a partition the send targeted is missing from the broker's answer (kafkajs #1303). Partitions given
   * explicitly on a message bypass the partitioner and are not checked. After a retried attempt, a key-less message
   * may have been placed on another partition the second time; that shows as missing too and costs one more send.
   */
  private checkEveryPartitionAnswered(acknowledged: readonly RecordMetadata[]): void {
    if (this.targeted.size === 0) return;
    const answered = new Set(acknowledged.map((entry) => `${entry.topicName}\u0000${entry.partition}`));
    const missing = [...this.targeted].filter((target) => !answered.has(target));
    if (missing.length > 0) {
      throw new UnansweredPartitionsError(missing.map((target) => target.replace('\u0000', '/')));
    }
  }

  /** Disconnects the retired producer and connects a new one; stays retired if the new one cannot connect. */
  private async replace(): Promise<void> {
    await this.current.disconnect().catch(() => undefined);
    this.current = this.make();
    await this.current.connect();
    this.retired = false;
  }

  private make(): Producer {
    const producer = this.options.create(this.createPartitioner);
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

/** A send that kafkajs resolved although some of its partitions never got an answer (kafkajs #1303). */
export class UnansweredPartitionsError extends Error {
  constructor(readonly partitions: readonly string[]) {
    super(
      `the send was acknowledged without an answer for ${partitions.join(', ')} ` +
        '(kafkajs skipped them after a leader moved); the send must be repeated',
    );
    this.name = 'UnansweredPartitionsError';
  }
}

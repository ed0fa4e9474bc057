import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type IHeaders, type Producer } from 'kafkajs';
import { TEST_KAFKA_CONNECTION_TIMEOUT_MS } from '../kafka/test-client-timeouts';

/** A message as tests see it: key, value text, headers as strings, and where it was read. */
export interface ProbedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
  readonly timestamp: number;
}

export interface ProducedMessage {
  readonly key?: string | null;
  readonly value: string | Buffer | null;
  readonly headers?: Record<string, string>;
}

/** Messages of followed topics, read as they arrive (see {@link TopicProbe.follow}). */
export interface TopicFollower {
  read(topic: string, timeoutMs?: number): Promise<ProbedMessage[]>;
  stop(): Promise<void>;
}

/**
 * A small Kafka client for tests, the demo and benchmarks: produce raw messages, count what a topic holds,
 * and read a topic from the beginning up to its current end. Talks to the real broker over TCP.
 */
export class TopicProbe {
  private constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly admin: Admin,
    readonly prefix: string,
  ) {}

  static async connect(brokers: readonly string[], prefix = ''): Promise<TopicProbe> {
    const kafka = new Kafka({
      clientId: `topic-probe-${randomUUID().slice(0, 8)}`,
      brokers: [...brokers],
      logLevel: logLevel.NOTHING,
      connectionTimeout: TEST_KAFKA_CONNECTION_TIMEOUT_MS,
      retry: { retries: 8, initialRetryTime: 100 },
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
    const admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
    return new TopicProbe(kafka, producer, admin, prefix);
  }

  private adminQueue: Promise<unknown> = Promise.resolve();

  /**
   * Runs admin requests one at a time: kafkajs' fetchTopicOffsets can fail with "Cannot destructure property
   * 'partitions'" when several run at once (tulios/kafkajs#461), which callers polling many topics in parallel hit.
   */
  private serialized<T>(request: () => Promise<T>): Promise<T> {
    const result = this.adminQueue.then(request, request);
    this.adminQueue = result.catch(() => undefined);
    return result;
  }

  /** Partition offsets of a topic, serialized and retried a few times on that kafkajs failure or a leader not serving yet. */
  private async topicOffsets(physical: string): ReturnType<Admin['fetchTopicOffsets']> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.serialized(() => this.admin.fetchTopicOffsets(physical));
      } catch (error) {
        // TypeError: kafkajs#461; retriable protocol errors: NOT_LEADER_FOR_PARTITION while a leader takes up a partition
        const retriable = (error as { retriable?: unknown }).retriable === true;
        if (!(error instanceof TypeError || retriable) || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  /** Physical name of a catalog topic under this probe's prefix. */
  physical(topic: string): string {
    return `${this.prefix}${topic}`;
  }

  async produce(topic: string, messages: readonly ProducedMessage[]): Promise<void> {
    const chunk = 5000;
    for (let start = 0; start < messages.length; start += chunk) {
      await this.producer.send({
        topic: this.physical(topic),
        acks: -1,
        messages: messages.slice(start, start + chunk).map((message) => ({
          key: message.key ?? null,
          value: message.value,
          ...(message.headers === undefined ? {} : { headers: message.headers }),
        })),
      });
    }
  }

  /**
   * Messages ever written to the topic: the sum of its partitions' high watermarks (topics here start empty).
   * Not "messages held now": the local mock broker keeps only a few MB per partition and drops older messages,
   * so high minus low watermark would undercount on busy topics.
   */
  async count(topic: string): Promise<number> {
    const offsets = await this.topicOffsets(this.physical(topic));
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  }

  /** Waits until at least `expected` messages were written to the topic; returns the count. */
  async waitForCount(topic: string, expected: number, timeoutMs = 30000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const count = await this.count(topic);
      if (count >= expected || Date.now() > deadline) return count;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Reads every message the topic still holds, from the beginning, with a throw-away consumer group. */
  async readAll(topic: string, timeoutMs = 30000): Promise<ProbedMessage[]> {
    const physical = this.physical(topic);
    const ends = await this.topicOffsets(physical);
    const remaining = new Map(
      ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]),
    );
    const messages: ProbedMessage[] = [];
    if (remaining.size === 0) return messages;
    const consumer = this.kafka.consumer({
      groupId: `probe-${randomUUID()}`,
      maxWaitTimeInMs: 50,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: physical, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`readAll(${topic}) timed out with ${messages.length} messages`)),
          timeoutMs,
        );
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              const end = remaining.get(partition);
              if (end === undefined || Number(message.offset) >= end) return;
              messages.push({
                topic,
                partition,
                offset: message.offset,
                key: message.key?.toString('utf8') ?? null,
                value: message.value?.toString('utf8') ?? null,
                headers: headersToStrings(message.headers),
                timestamp: Number(message.timestamp),
              });
              if (Number(message.offset) >= end - 1) remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
              await Promise.resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return messages.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
  }

  /**
   * Follows topics from the beginning with one long-lived consumer (one group join, instead of one per
   * `readAll`). `read(topic)` waits until everything written to the topic so far was received and returns it.
   */
  async follow(topics: readonly string[]): Promise<TopicFollower> {
    const received = new Map<string, ProbedMessage[]>(topics.map((topic) => [topic, []]));
    const byPhysical = new Map(topics.map((topic) => [this.physical(topic), topic]));
    const consumer = this.kafka.consumer({
      groupId: `probe-${randomUUID()}`,
      maxWaitTimeInMs: 50,
      allowAutoTopicCreation: false,
      sessionTimeout: 6000,
      heartbeatInterval: 500,
    });
    await consumer.connect();
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topics: [...byPhysical.keys()], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic: physical, partition, message }) => {
        const topic = byPhysical.get(physical) ?? physical;
        received.get(topic)?.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers: headersToStrings(message.headers),
          timestamp: Number(message.timestamp),
        });
        await Promise.resolve();
      },
    });
    await joined;
    return {
      read: async (topic: string, timeoutMs = 30000): Promise<ProbedMessage[]> => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const written = await this.count(topic);
          const messages = received.get(topic) ?? [];
          if (messages.length >= written) {
            return [...messages].sort(
              (a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset),
            );
          }
          if (Date.now() > deadline)
            throw new Error(`follow(${topic}) has ${messages.length} of ${written} messages`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      stop: () => consumer.disconnect(),
    };
  }

  /**
   * Waits until every consumer group committed every message of its topics and `outboxRows()` (the service's outbox
   * backlog) is 0: the service has applied its input and published what it staged.
   */
  async waitUntilConsumed(
    consumers: ReadonlyArray<{ readonly group: string; readonly topics: readonly string[] }>,
    outboxRows: () => Promise<number>,
    timeoutMs = 30000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lags: number[] = [];
      for (const consumer of consumers) {
        for (const topic of consumer.topics) lags.push(await this.groupLag(consumer.group, topic));
      }
      const backlog = await outboxRows();
      if (lags.every((lag) => lag === 0) && backlog === 0) return;
      if (Date.now() > deadline)
        throw new Error(`not settled: lag ${lags.join('/')}, outbox ${String(backlog)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Committed lag of a consumer group on a topic: messages not yet committed, summed over partitions. */
  async groupLag(groupId: string, topic: string): Promise<number> {
    const physical = this.physical(topic);
    const ends = await this.topicOffsets(physical);
    const committed = await this.serialized(() => this.admin.fetchOffsets({ groupId, topics: [physical] }));
    const committedByPartition = new Map(
      (committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]),
    );
    return ends.reduce((sum, p) => {
      const done = committedByPartition.get(p.partition) ?? -1;
      return sum + Number(p.high) - (done < 0 ? Number(p.low) : done);
    }, 0);
  }

  /**
   * Moves a stopped consumer group back to the start of every partition of a topic (a full replay): joins the
   * group, commits the low watermarks, leaves. (Works on brokers without the DeleteGroups/DescribeGroups APIs.)
   */
  async rewindGroup(groupId: string, topic: string): Promise<void> {
    const physical = this.physical(topic);
    const ends = await this.topicOffsets(physical);
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 50,
      sessionTimeout: 6000,
      heartbeatInterval: 500,
    });
    await consumer.connect();
    try {
      const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
      await consumer.subscribe({ topic: physical, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: async () => Promise.resolve(),
      });
      await joined;
      await consumer.commitOffsets(
        ends.map((partition) => ({ topic: physical, partition: partition.partition, offset: partition.low })),
      );
    } finally {
      await consumer.disconnect();
    }
  }

  async disconnect(): Promise<void> {
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }
}

/**
 * kafkajs headers as strings. (libs/messaging has the same conversion, but the testing library must not depend
 * on messaging: messaging's own tests use this library.)
 */
function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) result[name] = Buffer.isBuffer(last) ? last.toString('utf8') : last;
  }
  return result;
}

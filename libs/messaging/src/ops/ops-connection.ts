import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { OPS_TOPICS } from '@care/contracts';
import { TopicNames } from '../kafka/topic-names';
import { KAFKA_CONNECTION_TIMEOUT_MS } from '../kafka/create-kafka';
import { stopKafkajsIdleLoop } from '../kafka/kafkajs-idle-loop';

/** The replay ledger and the reveal audit topics (catalog names, before the environment prefix): see OPS_TOPICS. */
export const OPS_REPLAY_LEDGER_TOPIC = OPS_TOPICS.dlqReplays.name;
export const OPS_AUDIT_TOPIC = OPS_TOPICS.audit.name;

/** Prefix of the throw-away consumer groups the ops tool reads with (never committed, filtered from reports). */
export const OPS_READER_GROUP_PREFIX = 'care-ops-reader-';

export interface OpsConnectionOptions {
  readonly brokers: readonly string[];
  /** `KAFKA_TOPIC_PREFIX` of the environment; default none. */
  readonly prefix?: string;
  /** kafkajs' own warnings; default silent. */
  readonly logger?: (line: string) => void;
}

const TOPIC_OFFSETS_ATTEMPTS = 8;

/**
 * An admin error worth another try: kafkajs marks protocol errors such as NOT_LEADER_FOR_PARTITION and
 * LEADER_NOT_AVAILABLE retriable; a TypeError is kafkajs' "Cannot destructure property 'partitions'" on a partial
 * offsets answer (tulios/kafkajs#461).
 */
function isTransientAdminError(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/** One Kafka client for an ops command: admin, a lazily connected producer, and the environment's names. */
export class OpsConnection {
  readonly names: TopicNames;
  private producerConnected: Promise<Producer> | undefined;

  private constructor(
    readonly kafka: Kafka,
    readonly admin: Admin,
    prefix: string,
  ) {
    this.names = new TopicNames(prefix);
  }

  static async connect(options: OpsConnectionOptions): Promise<OpsConnection> {
    const brokers = options.brokers.map((broker) => broker.trim()).filter((broker) => broker !== '');
    if (brokers.length === 0) throw new Error('no Kafka brokers given (KAFKA_BROKERS)');
    const log = options.logger;
    stopKafkajsIdleLoop(); // a long-lived connection (the console's) would otherwise spin (kafkajs-idle-loop.ts)
    const kafka = new Kafka({
      clientId: 'care-ops',
      brokers,
      logLevel: log ? logLevel.WARN : logLevel.NOTHING,
      ...(log ? { logCreator: () => (entry: { log: { message: string } }) => log(entry.log.message) } : {}),
      connectionTimeout: KAFKA_CONNECTION_TIMEOUT_MS,
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 3000 },
    });
    const admin = kafka.admin();
    await admin.connect();
    return new OpsConnection(kafka, admin, options.prefix ?? '');
  }

  /** A producer without idempotence (the local mock broker lacks it) and one request in flight (keeps order). */
  async producer(): Promise<Producer> {
    this.producerConnected ??= (async () => {
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
      await producer.connect();
      return producer;
    })();
    return this.producerConnected;
  }

  /**
   * Low and high offsets of every partition of a topic. kafkajs gives up at once when a partition's leader answers
   * NOT_LEADER_FOR_PARTITION (a leader moved, or a broker has not yet taken up a partition it was just given), and
   * keeps its cached leaders for minutes. Retriable errors are retried here with backoff for about 10 s, and from the
   * second attempt on, the admin client reconnects first so that it fetches the cluster's metadata afresh.
   */
  async topicOffsets(physical: string): ReturnType<Admin['fetchTopicOffsets']> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.admin.fetchTopicOffsets(physical);
      } catch (error) {
        if (!isTransientAdminError(error) || attempt >= TOPIC_OFFSETS_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** attempt)));
        if (attempt >= 2) {
          await this.admin.disconnect();
          await this.admin.connect();
        }
      }
    }
  }

  /** A consumer group id for one read that is never committed. */
  readerGroup(): string {
    return `${OPS_READER_GROUP_PREFIX}${randomUUID()}`;
  }

  async disconnect(): Promise<void> {
    const producer = this.producerConnected;
    this.producerConnected = undefined;
    if (producer !== undefined) await (await producer).disconnect();
    await this.admin.disconnect();
  }
}

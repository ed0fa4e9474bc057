import { createTopicsWithAdmin } from './kafka-admin-topics';
import { KAFKA_MOCK_CONTROL_ENV, sendKafkaControlCommand } from './kafka-control';
import { assertTopicName, type TopicSpec, topicPartitions } from './topic-spec';

/** Env variable with the cluster's comma-separated `host:port` list (set by the Jest global setup). */
export const KAFKA_BROKERS_ENV = 'KAFKA_BROKERS';
/** Env variable naming where the run's Kafka came from: `env`, `testcontainers` or `local-mock`. */
export const TEST_KAFKA_KIND_ENV = 'TEST_KAFKA_KIND';

/** Topic provisioning and fault injection for test code running in any process (Jest workers included). */
export interface KafkaFaults {
  /** The cluster from `KAFKA_BROKERS`. */
  readonly brokers: string[];
  /** `TEST_KAFKA_KIND` as set by the Jest global setup, if any. */
  readonly kind: string | undefined;
  /** True when a local mock broker's control server is reachable through `KAFKA_MOCK_CONTROL`. */
  readonly canInjectFaults: boolean;
  /** Pre-creates topics: through the mock's control server, or kafkajs admin against real Kafka. */
  createTopics(topics: TopicSpec[]): Promise<void>;
  /** Broker `id` (1..N) stops answering; leadership does not move. Mock broker only. */
  setBrokerDown(id: number): Promise<void>;
  /** Broker `id` accepts connections again. Mock broker only. */
  setBrokerUp(id: number): Promise<void>;
  /** The next `count` requests of API `apiKey` fail with the numeric error `codes`. Mock broker only. */
  pushRequestErrors(apiKey: number, count: number, codes: number[]): Promise<void>;
}

/** Splits a comma-separated `host:port` list, dropping blanks. */
export function parseBrokerList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}

/**
 * The test-side handle on the run's Kafka, read from `KAFKA_BROKERS` and `KAFKA_MOCK_CONTROL` (both set by the
 * Jest global setup), e.g. `await kafkaFaults().createTopics([{ name: 'orders-it.claims', partitions: 3 }])`
 * or `await kafkaFaults().setBrokerDown(1)`.
 */
export function kafkaFaults(env: NodeJS.ProcessEnv = process.env): KafkaFaults {
  const brokers = parseBrokerList(env[KAFKA_BROKERS_ENV]);
  const control = env[KAFKA_MOCK_CONTROL_ENV]?.trim() || undefined;
  const send = async (line: string): Promise<void> => {
    if (!control) {
      throw new Error(
        `Kafka fault injection needs the local mock broker: ${KAFKA_MOCK_CONTROL_ENV} is not set (real Kafka is in use)`,
      );
    }
    await sendKafkaControlCommand(control, line);
  };
  const integers = (...values: number[]): string => {
    if (!values.every(Number.isInteger)) throw new Error(`expected integers, got ${values.join(' ')}`);
    return values.join(' ');
  };
  return {
    brokers,
    kind: env[TEST_KAFKA_KIND_ENV] || undefined,
    canInjectFaults: control !== undefined,
    createTopics: async (topics) => {
      topics.forEach((topic) => assertTopicName(topic.name));
      if (control) {
        for (const topic of topics) await send(`create ${topic.name} ${topicPartitions(topic, env)}`);
        return;
      }
      if (brokers.length === 0)
        throw new Error(`${KAFKA_BROKERS_ENV} is not set: is the Jest global setup in use?`);
      await createTopicsWithAdmin(brokers, topics);
    },
    setBrokerDown: async (id) => send(`down ${integers(id)}`),
    setBrokerUp: async (id) => send(`up ${integers(id)}`),
    pushRequestErrors: async (apiKey, count, codes) => {
      if (codes.length === 0) throw new Error('pushRequestErrors needs at least one error code');
      await send(`errors ${integers(apiKey, count, ...codes)}`);
    },
  };
}

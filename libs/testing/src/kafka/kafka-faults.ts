import type { ApacheKafkaCluster } from './apache-kafka-cluster';
import { createTopicsWithAdmin } from './kafka-admin-topics';
import { KAFKA_TEST_CONTROL_ENV, sendKafkaControlCommand } from './kafka-control';
import { assertTopicName, type TopicSpec, topicPartitions } from './topic-spec';

/** Env variable with the cluster's comma-separated `host:port` list (set by the Jest global setup). */
export const KAFKA_BROKERS_ENV = 'KAFKA_BROKERS';
/** Env variable naming where the run's Kafka came from: `env`, `testcontainers`, `apache-kafka` or `local-mock`. */
export const TEST_KAFKA_KIND_ENV = 'TEST_KAFKA_KIND';

/** Topic provisioning and fault injection for test code running in any process (Jest workers included). */
export interface KafkaFaults {
  /** The cluster from `KAFKA_BROKERS`. */
  readonly brokers: string[];
  /** `TEST_KAFKA_KIND` as set by the Jest global setup, if any. */
  readonly kind: string | undefined;
  /** True when the run's broker can be stopped and started through `KAFKA_TEST_CONTROL`. */
  readonly canInjectFaults: boolean;
  /** True when protocol errors can be injected (the local mock broker only; a real broker takes none). */
  readonly canInjectRequestErrors: boolean;
  /** Pre-creates topics: through the control server, or kafkajs admin against an external cluster. */
  createTopics(topics: TopicSpec[]): Promise<void>;
  /**
   * Broker `id` (1..N, -1 for all) goes away: Apache Kafka's node process is killed (SIGKILL, its data kept);
   * the mock broker stops answering. Needs `canInjectFaults`.
   */
  setBrokerDown(id: number): Promise<void>;
  /** Broker `id` comes back (Apache Kafka: restarted on its ports and data, resolved once it serves). */
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
 * The test-side handle on the run's Kafka, read from `KAFKA_BROKERS` and `KAFKA_TEST_CONTROL` (both set by the
 * Jest global setup), e.g. `await kafkaFaults().createTopics([{ name: 'orders-it.claims', partitions: 3 }])`
 * or `await kafkaFaults().setBrokerDown(1)`.
 */
export function kafkaFaults(env: NodeJS.ProcessEnv = process.env): KafkaFaults {
  const brokers = parseBrokerList(env[KAFKA_BROKERS_ENV]);
  const control = env[KAFKA_TEST_CONTROL_ENV]?.trim() || undefined;
  const send = async (line: string): Promise<void> => {
    if (!control) {
      throw new Error(
        `Kafka fault injection needs a broker started by the test harness: ${KAFKA_TEST_CONTROL_ENV} is not set`,
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
    canInjectRequestErrors: control !== undefined && env[TEST_KAFKA_KIND_ENV] === 'local-mock',
    createTopics: async (topics) => {
      topics.forEach((topic) => assertTopicName(topic.name));
      // The mock broker creates topics only through its helper; every real broker through the admin API.
      if (control && env[TEST_KAFKA_KIND_ENV] === 'local-mock') {
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

/**
 * The same handle on an Apache Kafka cluster this process started itself (a test file's own broker, so that
 * stopping it disturbs no other test file): topics through the admin API, nodes stopped and started directly.
 */
export function apacheKafkaFaults(cluster: ApacheKafkaCluster): KafkaFaults {
  return {
    brokers: [...cluster.bootstrapServers],
    kind: 'apache-kafka',
    canInjectFaults: true,
    canInjectRequestErrors: false,
    createTopics: (topics) => cluster.createTopics(topics),
    setBrokerDown: (id) => cluster.stopNode(id),
    setBrokerUp: (id) => cluster.startNode(id),
    pushRequestErrors: () => Promise.reject(new Error('a real broker takes no injected protocol errors')),
  };
}

import { type ApacheKafkaCluster, isApacheKafkaAvailable, startApacheKafka } from './apache-kafka-cluster';
import { isDockerEngineAvailable } from './docker-engine';
import { findFreePort } from './free-port';
import { createTopicsWithAdmin } from './kafka-admin-topics';
import { KAFKA_BROKERS_ENV, kafkaFaults, parseBrokerList } from './kafka-faults';
import { type LocalKafkaBroker, startLocalKafkaBroker } from './local-kafka-broker';
import { assertTopicName, type TopicSpec } from './topic-spec';

/** Env variable that overrides the Apache Kafka image used with testcontainers. */
export const TEST_KAFKA_IMAGE_ENV = 'TEST_KAFKA_IMAGE';
/** Apache Kafka 3.9 (KRaft): the last line whose protocol versions kafkajs 2.2.4 fully speaks. */
const DEFAULT_KAFKA_IMAGE = 'apache/kafka:3.9.1';

/**
 * Where the broker came from: an external cluster, a Docker container, Apache Kafka from Maven Central run as
 * JVM processes, or the local kafka-mock helper (the fallback: not Kafka, see infra/kafka-mock/README.md).
 */
export type KafkaKind = 'env' | 'testcontainers' | 'apache-kafka' | 'local-mock';

/** Env variable forcing one kind (`apache-kafka` or `local-mock`) instead of the order of preference. */
export const TEST_KAFKA_ENV = 'TEST_KAFKA';

/** Options for {@link startKafka}. */
export interface StartKafkaOptions {
  /** Topics created before the promise resolves. */
  topics?: TopicSpec[];
  /** Broker count for Apache Kafka (default 1) or the local mock (default 3); a container is always one broker. */
  brokers?: number;
  /** Progress lines (Apache Kafka's first run downloads its jars). */
  log?: (line: string) => void;
}

/** A Kafka-protocol cluster for tests. Brokers can be stopped and started where this harness started them. */
export interface KafkaForTests {
  readonly brokers: string[];
  readonly kind: KafkaKind;
  /** Pre-creates topics; existing topics are left as they are. */
  createTopics(topics: TopicSpec[]): Promise<void>;
  setBrokerDown?(id: number): Promise<void>;
  setBrokerUp?(id: number): Promise<void>;
  pushRequestErrors?(apiKey: number, count: number, codes: number[]): Promise<void>;
  /** The helper process handle when `kind` is `local-mock`. */
  readonly localBroker?: LocalKafkaBroker;
  /** The cluster handle when `kind` is `apache-kafka`. */
  readonly apacheKafka?: ApacheKafkaCluster;
  /** What the test control server forwards to (both kinds this harness starts). */
  readonly control?: { command(line: string): Promise<string> };
  stop(): Promise<void>;
}

/**
 * Starts (or finds) Kafka for tests, in order of preference: `KAFKA_BROKERS` from the environment; a
 * testcontainers `apache/kafka` container when a Docker engine answers; Apache Kafka from Maven Central as JVM
 * processes when Java and Maven are present; else the local kafka-mock broker. `TEST_KAFKA=apache-kafka` or
 * `local-mock` forces one of the last two.
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<KafkaForTests> {
  const topics = options.topics ?? [];
  topics.forEach((topic) => assertTopicName(topic.name));
  const kafka = await chooseKafka(options);
  await kafka.createTopics(topics);
  return kafka;
}

/** Whether Apache Kafka from Maven is preferred over the mock without `TEST_KAFKA` (see chooseKafka). */
const APACHE_KAFKA_BY_DEFAULT = true;

async function chooseKafka(options: StartKafkaOptions): Promise<KafkaForTests> {
  const fromEnv = parseBrokerList(process.env[KAFKA_BROKERS_ENV]);
  if (fromEnv.length > 0) return externalKafka(fromEnv);
  const forced = process.env[TEST_KAFKA_ENV]?.trim();
  if (forced === 'local-mock') return startLocalMock(options.brokers);
  if (forced === 'apache-kafka') return startApacheKafkaForTests(options);
  if (forced) throw new Error(`${TEST_KAFKA_ENV} must be apache-kafka or local-mock, got ${forced}`);
  if (await isDockerEngineAvailable()) return startKafkaContainer();
  // The integration tier passes on Apache Kafka (issue 13); `TEST_KAFKA=local-mock` forces the fallback.
  if (APACHE_KAFKA_BY_DEFAULT && isApacheKafkaAvailable()) return startApacheKafkaForTests(options);
  return startLocalMock(options.brokers);
}

async function startApacheKafkaForTests(options: StartKafkaOptions): Promise<KafkaForTests> {
  const cluster = await startApacheKafka({
    nodes: options.brokers ?? 1,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    brokers: cluster.bootstrapServers,
    kind: 'apache-kafka',
    createTopics: (topics) => cluster.createTopics(topics),
    setBrokerDown: (id) => cluster.stopNode(id),
    setBrokerUp: (id) => cluster.startNode(id),
    apacheKafka: cluster,
    control: cluster,
    stop: () => cluster.stop(),
  };
}

/** An externally managed cluster; with `KAFKA_TEST_CONTROL` also set (a harness run elsewhere) faults work too. */
function externalKafka(brokers: string[]): KafkaForTests {
  const env = { ...process.env, [KAFKA_BROKERS_ENV]: brokers.join(',') };
  const faults = kafkaFaults(env);
  const base: KafkaForTests = {
    brokers,
    kind: 'env',
    createTopics: (topics) => faults.createTopics(topics),
    stop: () => Promise.resolve(),
  };
  if (!faults.canInjectFaults) return base;
  return {
    ...base,
    setBrokerDown: (id) => faults.setBrokerDown(id),
    setBrokerUp: (id) => faults.setBrokerUp(id),
    pushRequestErrors: (apiKey, count, codes) => faults.pushRequestErrors(apiKey, count, codes),
  };
}

async function startLocalMock(brokers: number | undefined): Promise<KafkaForTests> {
  const broker = await startLocalKafkaBroker({ brokers: brokers ?? 3 });
  return {
    brokers: broker.bootstrapServers,
    kind: 'local-mock',
    createTopics: (topics) => broker.createTopics(topics),
    setBrokerDown: (id) => broker.setBrokerDown(id),
    setBrokerUp: (id) => broker.setBrokerUp(id),
    pushRequestErrors: (apiKey, count, codes) => broker.pushRequestErrors(apiKey, count, codes),
    localBroker: broker,
    control: broker,
    stop: () => broker.stop(),
  };
}

/**
 * A single-node KRaft Apache Kafka in Docker. The advertised listener must name the host port, which is
 * chosen up front and bound explicitly so the broker can advertise it from its first start.
 */
async function startKafkaContainer(): Promise<KafkaForTests> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const runtime = await getContainerRuntimeClient();
  const host = runtime.info.containerRuntime.host;
  const hostPort = await findFreePort();
  const container = await new GenericContainer(process.env[TEST_KAFKA_IMAGE_ENV] || DEFAULT_KAFKA_IMAGE)
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      CLUSTER_ID: '4L6g3nShT-eMCtK--X86sw',
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort},BROKER://localhost:9093`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'BROKER:PLAINTEXT,PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9094',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '3',
    })
    .withWaitStrategy(Wait.forLogMessage(/Transitioning from RECOVERY to RUNNING/))
    .withStartupTimeout(120_000)
    .start();
  const brokers = [`${container.getHost()}:${container.getMappedPort(9092)}`];
  return {
    brokers,
    kind: 'testcontainers',
    createTopics: (topics) => createTopicsWithAdmin(brokers, topics),
    stop: async () => {
      await container.stop();
    },
  };
}

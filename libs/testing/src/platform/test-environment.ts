import { randomBytes } from 'node:crypto';
import { startDevIdentityProvider, type DevIdentityProvider, type TokenOverrides } from '@care/auth';
import { provisioningPlan } from '@care/contracts';
import { Client } from 'pg';
import { startApacheKafka, type ApacheKafkaCluster } from '../kafka/apache-kafka-cluster';
import { apacheKafkaFaults, kafkaFaults, type KafkaFaults } from '../kafka/kafka-faults';
import { TopicProbe } from '../topics/topic-probe';

/** An isolated slice of the run's real Postgres and broker for one test file. */
export interface TestEnvironment {
  /** Prefix of every topic and consumer group of this environment, e.g. `it3f9a2c.`. */
  readonly prefix: string;
  /** A database of its own on the run's Postgres server. */
  readonly databaseUrl: string;
  readonly brokers: string[];
  /** Environment variables that point a service at this slice. */
  readonly serviceEnv: Record<string, string>;
  readonly probe: TopicProbe;
  readonly faults: KafkaFaults;
  /**
   * The development identity provider of this environment (real HTTP, real signed tokens): every service started on
   * it trusts it (serviceEnv.OIDC_ISSUER), so tests call the services as a real client would, with a bearer token.
   */
  readonly identity: DevIdentityProvider;
  /** `{ authorization: 'Bearer <token>' }` for a seeded user or machine client (e.g. `claims-feed`). */
  bearer(username: string, overrides?: TokenOverrides): Promise<{ authorization: string }>;
  dispose(): Promise<void>;
}

/**
 * Creates every catalog topic (and its dead-letter topic) under a fresh prefix, and a fresh database, so test
 * files running in parallel never see each other's messages or rows. Needs the Jest global setup
 * (DATABASE_URL, KAFKA_BROKERS). Partition counts are capped (default 3) to keep the local broker light.
 */
export async function createTestEnvironment(
  options: {
    maxPartitions?: number;
    /**
     * Where the run's broker is Apache Kafka started by the harness: start a cluster of this many nodes for this
     * environment alone, so that the file can stop and start its brokers without disturbing the test files
     * running beside it (each costs a JVM and ~5 s). On the mock broker the shared one is used.
     */
    ownBrokers?: number;
  } = {},
): Promise<TestEnvironment> {
  const serverUrl = process.env['DATABASE_URL'];
  if (serverUrl === undefined || serverUrl === '')
    throw new Error('DATABASE_URL is not set: is the Jest global setup in use?');
  const id = randomBytes(4).toString('hex');
  const prefix = `it${id}.`;
  let own: ApacheKafkaCluster | undefined;
  if (options.ownBrokers !== undefined && process.env['TEST_KAFKA_KIND'] === 'apache-kafka') {
    own = await startApacheKafka({ nodes: options.ownBrokers });
  }
  const faults = own ? apacheKafkaFaults(own) : kafkaFaults();
  const maxPartitions = options.maxPartitions ?? 3;
  await faults.createTopics(
    provisioningPlan().map((topic) => ({
      name: `${prefix}${topic.name}`,
      partitions: Math.min(topic.partitions, maxPartitions),
    })),
  );

  const database = `it_${id}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();

  const probe = await TopicProbe.connect(faults.brokers, prefix);
  const identity = await startDevIdentityProvider({ port: 0, host: '127.0.0.1' });
  const tokens = new Map<string, Promise<string>>();
  return {
    prefix,
    databaseUrl,
    brokers: faults.brokers,
    probe,
    faults,
    identity,
    bearer: async (username, overrides) => {
      if (overrides !== undefined)
        return { authorization: `Bearer ${await identity.tokenFor(username, overrides)}` };
      const token = tokens.get(username) ?? identity.tokenFor(username);
      tokens.set(username, token);
      return { authorization: `Bearer ${await token}` };
    },
    serviceEnv: {
      OIDC_ISSUER: identity.issuer,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: faults.brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      // On wherever the broker supports it (every real Kafka), as in production; the mock broker cannot.
      KAFKA_IDEMPOTENT_PRODUCER: faults.kind === 'local-mock' ? 'false' : 'true',
      OUTBOX_RELAY_POLL_MS: '50',
      // An idle consumer's fetch returns within 100 ms (500 by default), so a test's consumers stop sooner.
      KAFKA_FETCH_MAX_WAIT_MS: '100',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    },
    dispose: async () => {
      await identity.close();
      await probe.disconnect();
      await own?.stop();
    },
  };
}

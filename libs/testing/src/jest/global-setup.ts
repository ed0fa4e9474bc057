import {
  type KafkaControlServer,
  KAFKA_TEST_CONTROL_ENV,
  startKafkaControlServer,
} from '../kafka/kafka-control';
import { KAFKA_BROKERS_ENV, TEST_KAFKA_KIND_ENV } from '../kafka/kafka-faults';
import { type KafkaForTests, startKafka } from '../kafka/start-kafka';
import { TEST_KAFKA_PARTITIONS_ENV } from '../kafka/topic-spec';
import { DATABASE_URL_ENV, type PostgresForTests, startPostgres } from '../postgres/start-postgres';

/** What the global setup started, kept on `globalThis` for the global teardown (same process). */
export interface TestInfraHandles {
  postgres: PostgresForTests;
  kafka: KafkaForTests;
  control?: KafkaControlServer;
  /** Env values before setup, restored by teardown (so watch-mode reruns start fresh). */
  previousEnv: Record<string, string | undefined>;
}

const HANDLES_KEY = '__careTestInfra';
const EXPORTED_ENV = [
  DATABASE_URL_ENV,
  KAFKA_BROKERS_ENV,
  KAFKA_TEST_CONTROL_ENV,
  TEST_KAFKA_PARTITIONS_ENV,
  TEST_KAFKA_KIND_ENV,
  'KAFKA_FETCH_MAX_WAIT_MS',
];

/** The handles stored by {@link globalSetup}, removing them from `globalThis`. */
export function takeTestInfraHandles(): TestInfraHandles | undefined {
  const store = globalThis as Record<string, unknown>;
  const handles = store[HANDLES_KEY] as TestInfraHandles | undefined;
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a fixed global key
  delete store[HANDLES_KEY];
  return handles;
}

/**
 * Jest global setup of the integration project: starts PostgreSQL and a Kafka-protocol broker once per run
 * and exports `DATABASE_URL`, `KAFKA_BROKERS`, `TEST_KAFKA_KIND` and, for a broker it started itself (Apache
 * Kafka or the local mock), `KAFKA_TEST_CONTROL` (see `kafkaFaults()`) to the test workers. Tests create their
 * own topics.
 */
export async function globalSetup(): Promise<void> {
  const previousEnv = Object.fromEntries(EXPORTED_ENV.map((name) => [name, process.env[name]]));
  const started = Date.now();
  const [postgres, kafka] = await Promise.allSettled([
    startPostgres(),
    startKafka({ topics: [], log: (line) => process.stderr.write(`[test infra] ${line}\n`) }),
  ]);
  if (postgres.status === 'rejected' || kafka.status === 'rejected') {
    if (postgres.status === 'fulfilled') await postgres.value.stop();
    if (kafka.status === 'fulfilled') await kafka.value.stop();
    throw postgres.status === 'rejected' ? postgres.reason : (kafka as PromiseRejectedResult).reason;
  }
  let control: KafkaControlServer | undefined;
  try {
    if (kafka.value.control) control = await startKafkaControlServer(kafka.value.control);
  } catch (error) {
    await Promise.allSettled([postgres.value.stop(), kafka.value.stop()]);
    throw error;
  }
  process.env[DATABASE_URL_ENV] = postgres.value.url;
  process.env[KAFKA_BROKERS_ENV] = kafka.value.brokers.join(',');
  process.env[TEST_KAFKA_KIND_ENV] = kafka.value.kind;
  process.env[TEST_KAFKA_PARTITIONS_ENV] ??= '3';
  // Services started in a test process stop sooner with an idle fetch held 100 ms (500 by default).
  process.env['KAFKA_FETCH_MAX_WAIT_MS'] ??= '100';
  if (control) process.env[KAFKA_TEST_CONTROL_ENV] = control.address;
  const handles: TestInfraHandles = { postgres: postgres.value, kafka: kafka.value, control, previousEnv };
  (globalThis as Record<string, unknown>)[HANDLES_KEY] = handles;
  process.stderr.write(
    `\n[test infra] postgres: ${postgres.value.kind}, kafka: ${kafka.value.kind} ` +
      `(${kafka.value.brokers.join(',')}), ready in ${Date.now() - started} ms\n`,
  );
}

// Jest loads a global setup module through its default export.
// eslint-disable-next-line no-restricted-syntax -- required by Jest
export default globalSetup;

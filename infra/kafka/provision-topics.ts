/**
 * Creates every catalog topic and its dead-letter topic on a real Kafka cluster (Apache Kafka, Redpanda),
 * with the catalog's partition counts and retention; existing topics are reported and never altered.
 *
 *   KAFKA_BROKERS=localhost:9094 node -r @swc-node/register infra/kafka/provision-topics.ts
 *
 * Environment:
 *   KAFKA_BROKERS             bootstrap servers, comma-separated host:port (required)
 *   KAFKA_TOPIC_PREFIX        prefix of every physical topic name (default: none)
 *   KAFKA_REPLICATION_FACTOR  replication factor of created topics (default 1; use 3 on a production cluster)
 *
 * Exits 0 when every topic exists with a leader, 1 on a bad setting or any failure. The docker-compose
 * `kafka-topics` service runs this once before the services start. Not for the local kafka-mock broker,
 * which cannot create topics through the admin API and pre-creates them itself (infra/kafka-mock/README.md).
 */
import { loadConfig, setting } from '@care/config';
import { provisionTopics } from '@care/messaging';

const SETTINGS = {
  brokers: setting.hostPortList('KAFKA_BROKERS', 'Kafka bootstrap servers, comma-separated host:port'),
  prefix: setting.string('KAFKA_TOPIC_PREFIX', 'prefix of every physical topic name', ''),
  replicationFactor: setting.integer('KAFKA_REPLICATION_FACTOR', 'replication factor of created topics', 1, {
    min: 1,
    max: 32,
  }),
};

async function main(): Promise<void> {
  const config = loadConfig(SETTINGS);
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  print(
    `provisioning catalog topics on ${config.brokers.join(',')} ` +
      `(prefix "${config.prefix}", replication factor ${config.replicationFactor})`,
  );
  const result = await provisionTopics({
    brokers: config.brokers,
    prefix: config.prefix,
    replicationFactor: config.replicationFactor,
    logger: print,
  });
  print(`done: ${result.created.length} created, ${result.existing.length} already existed`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `topic provisioning failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

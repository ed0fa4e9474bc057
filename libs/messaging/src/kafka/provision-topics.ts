import { provisioningPlan } from '@care/contracts';
import {
  ConfigResourceTypes,
  Kafka,
  logLevel,
  type Admin,
  type ITopicMetadata,
  type LogEntry,
} from 'kafkajs';
import { TopicNames } from './topic-names';
import { KAFKA_CONNECTION_TIMEOUT_MS } from './create-kafka';

/** Options of {@link provisionTopics}. */
export interface ProvisionTopicsOptions {
  /** Bootstrap servers, `host:port`. */
  brokers: string[];
  /** Environment prefix of every physical topic name (`KAFKA_TOPIC_PREFIX`); default none. */
  prefix?: string;
  /** Replication factor of created topics; default 1 (a one-broker development cluster). Use 3 in production. */
  replicationFactor?: number;
  /** Receives one human-readable line per created or existing topic, warnings and kafkajs warnings/errors. */
  logger?: (line: string) => void;
  /** How long to wait for every partition of every catalog topic to have a leader; default 30 s. */
  timeoutMs?: number;
}

/** Physical topic names, in catalog order: those this call created and those that were already there. */
export interface ProvisionTopicsResult {
  created: string[];
  existing: string[];
}

/** Kafka's legal topic names: ASCII letters, digits, `.`, `_`, `-`, at most 249 characters. */
const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates every topic of the catalog's provisioning plan (each topic and its `.dlq`, with the catalog's
 * partition count and `retention.ms`) that the cluster does not hold yet, through kafkajs admin, then waits
 * until every partition of every plan topic has a leader.
 *
 * Existing topics are never altered: a partition count or retention that differs from the catalog is
 * reported through `logger` as a warning (changing partitions would move keys between partitions and break
 * per-member ordering; that is an operator's decision). Safe to run repeatedly and concurrently.
 *
 * Needs a broker that supports CreateTopics (Apache Kafka, Redpanda); the local kafka-mock broker does not
 * (see infra/kafka-mock/README.md) and pre-creates topics itself.
 */
export async function provisionTopics(options: ProvisionTopicsOptions): Promise<ProvisionTopicsResult> {
  const brokers = options.brokers.map((broker) => broker.trim()).filter((broker) => broker !== '');
  if (brokers.length === 0) throw new Error('provisionTopics: no Kafka brokers given');
  const replicationFactor = options.replicationFactor ?? 1;
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
    throw new Error(
      `provisionTopics: replication factor must be a positive integer, got ${replicationFactor}`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  const log = options.logger ?? ((): void => undefined);
  const names = new TopicNames(options.prefix ?? '');
  const plan = provisioningPlan().map((topic) => ({ ...topic, physical: names.physical(topic.name) }));
  const illegal = plan
    .filter((topic) => !LEGAL_TOPIC_NAME.test(topic.physical))
    .map((topic) => topic.physical);
  if (illegal.length > 0) {
    throw new Error(
      `provisionTopics: illegal Kafka topic names (check the prefix "${names.prefix}"): ${illegal.join(', ')}`,
    );
  }

  const admin = adminClient(brokers, options.logger);
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    const missing = plan.filter((topic) => !present.has(topic.physical));
    if (missing.length > 0) {
      const brokerCount = (await admin.describeCluster()).brokers.length;
      if (replicationFactor > brokerCount) {
        throw new Error(
          `provisionTopics: replication factor ${replicationFactor} is larger than the cluster's ${brokerCount} broker(s)`,
        );
      }
    }

    // One CreateTopics call per topic, so each answer says precisely whether this call created it or another
    // provisioner got there first (kafkajs answers `false` for "already exists" without naming the topic).
    const outcomes = await Promise.allSettled(
      missing.map((topic) =>
        admin.createTopics({
          // Our own waitForLeaders below covers every plan topic; kafkajs' own wait fails the loser of two
          // concurrent provisioners with UNKNOWN_TOPIC_OR_PARTITION on Apache Kafka.
          waitForLeaders: false,
          timeout: timeoutMs,
          topics: [
            {
              topic: topic.physical,
              numPartitions: topic.partitions,
              replicationFactor,
              configEntries: [
                { name: 'retention.ms', value: String(topic.retentionMs) },
                { name: 'cleanup.policy', value: topic.cleanupPolicy },
              ],
            },
          ],
        }),
      ),
    );
    const createdNow = new Set<string>();
    const failures = new Map<string, string[]>(); // reason -> topics
    outcomes.forEach((outcome, index) => {
      const topic = missing[index];
      if (!topic) return;
      if (outcome.status === 'fulfilled') {
        if (outcome.value) createdNow.add(topic.physical);
        return;
      }
      const reason = describeError(outcome.reason);
      failures.set(reason, [...(failures.get(reason) ?? []), topic.physical]);
    });
    if (failures.size > 0) {
      const failed = [...failures.values()].reduce((sum, topics) => sum + topics.length, 0);
      const details = [...failures].map(([reason, topics]) => `${reason} (${topics.join(', ')})`);
      throw new Error(`provisionTopics: could not create ${failed} topic(s): ${details.join('; ')}`);
    }

    const metadata = await waitForLeaders(
      admin,
      plan.map((topic) => topic.physical),
      timeoutMs,
    );
    const retentions = await readRetentions(
      admin,
      plan.filter((topic) => !createdNow.has(topic.physical)).map((topic) => topic.physical),
      log,
    );

    const result: ProvisionTopicsResult = { created: [], existing: [] };
    for (const topic of plan) {
      const partitions = metadata.get(topic.physical)?.partitions.length ?? 0;
      if (createdNow.has(topic.physical)) {
        result.created.push(topic.physical);
        log(
          `created  ${topic.physical} (${partitions} partitions, retention ${formatMs(topic.retentionMs)})`,
        );
        continue;
      }
      result.existing.push(topic.physical);
      log(`existing ${topic.physical} (${partitions} partitions)`);
      if (partitions !== topic.partitions) {
        log(
          `WARNING: ${topic.physical} has ${partitions} partitions but the catalog says ${topic.partitions}; ` +
            'left as it is (changing the count moves keys between partitions and breaks per-member order)',
        );
      }
      const retention = retentions.get(topic.physical);
      if (retention !== undefined && retention !== String(topic.retentionMs)) {
        log(
          `WARNING: ${topic.physical} has retention.ms=${retention} but the catalog says ${topic.retentionMs} ` +
            `(${formatMs(topic.retentionMs)}); left as it is`,
        );
      }
    }
    return result;
  } finally {
    await admin.disconnect();
  }
}

/** A kafkajs admin whose own warnings and errors (connection retries, controller moves) go to `logger`. */
function adminClient(brokers: string[], logger: ((line: string) => void) | undefined): Admin {
  const logCreator =
    () =>
    ({ label, log }: LogEntry): void => {
      logger?.(`kafkajs ${label}: ${log.message}`);
    };
  return new Kafka({
    clientId: 'care-topic-provisioning',
    brokers,
    logLevel: logger ? logLevel.WARN : logLevel.NOTHING,
    logCreator,
    // Ride out a broker that is still starting (docker compose, CI) for roughly a minute.
    connectionTimeout: KAFKA_CONNECTION_TIMEOUT_MS,
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
  }).admin();
}

/**
 * Polls metadata until every partition of every topic has a leader; returns the metadata by topic name.
 * Covers topics created by another provisioner too, whose leaders kafkajs did not wait for.
 */
async function waitForLeaders(
  admin: Admin,
  topics: string[],
  timeoutMs: number,
): Promise<Map<string, ITopicMetadata>> {
  const deadline = Date.now() + timeoutMs;
  let problem = 'no metadata yet';
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const byName = new Map(metadata.map((topic) => [topic.name, topic]));
      const notReady = topics.filter((name) => {
        const partitions = byName.get(name)?.partitions ?? [];
        return (
          partitions.length === 0 ||
          partitions.some((partition) => partition.leader < 0 || partition.partitionErrorCode !== 0)
        );
      });
      if (notReady.length === 0) {
        // A leader named in the metadata may not serve its partition yet (NOT_LEADER_FOR_PARTITION for a moment).
        for (const name of topics) await admin.fetchTopicOffsets(name);
        return byName;
      }
      problem = `no leader yet for ${notReady.join(', ')}`;
    } catch (error) {
      problem = describeError(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `provisionTopics: timed out after ${timeoutMs} ms waiting for topic leaders: ${problem}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `retention.ms` of existing topics, for mismatch warnings; a cluster that refuses DescribeConfigs only warns. */
async function readRetentions(
  admin: Admin,
  topics: string[],
  log: (line: string) => void,
): Promise<Map<string, string>> {
  const retentions = new Map<string, string>();
  if (topics.length === 0) return retentions;
  try {
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['retention.ms'],
      })),
    });
    for (const resource of described.resources) {
      const entry = resource.configEntries.find((config) => config.configName === 'retention.ms');
      if (resource.errorCode === 0 && entry) retentions.set(resource.resourceName, entry.configValue);
    }
  } catch (error) {
    log(`WARNING: could not read retention.ms of existing topics (${describeError(error)}); not compared`);
  }
  return retentions;
}

/**
 * The physical names of catalog topics (and their dead-letter topics) that the cluster does not hold, in
 * catalog order: for a start-up that must not create topics and should stop at once naming what is missing.
 */
export async function findMissingTopics(options: {
  brokers: string[];
  prefix?: string;
  logger?: (line: string) => void;
}): Promise<string[]> {
  const names = new TopicNames(options.prefix ?? '');
  const admin = adminClient(options.brokers, options.logger);
  await admin.connect();
  try {
    const present = new Set(await admin.listTopics());
    return provisioningPlan()
      .map((topic) => names.physical(topic.name))
      .filter((name) => !present.has(name));
  } finally {
    await admin.disconnect();
  }
}

/** An error's message, with the per-topic errors of a kafkajs aggregate error. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested) && nested.length > 0) {
    return `${error.message} (${nested.map((item) => (item instanceof Error ? item.message : String(item))).join('; ')})`;
  }
  return error.message;
}

function formatMs(ms: number): string {
  return ms % DAY_MS === 0 ? `${ms / DAY_MS} d` : `${ms} ms`;
}

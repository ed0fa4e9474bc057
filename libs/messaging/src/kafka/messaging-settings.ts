import { INPUT_BOUNDS_SPEC, setting, type ConfigOf } from '@care/config';

/**
 * The broker answers a fetch as soon as a message waits, so this bounds only the polls of an idle consumer: 500 ms
 * (the Java consumer's fetch.max.wait.ms) instead of 100 ms took the idle stack from 0.43 to 0.28 cores here.
 */
export const FETCH_MAX_WAIT_MS = 500;

/** Environment settings every service shares for Kafka. */
export const MESSAGING_SETTINGS_SPEC = {
  // Every consumed message is held to the same input bounds as an HTTP body (see @care/config input-limits).
  ...INPUT_BOUNDS_SPEC,
  brokers: setting.hostPortList('KAFKA_BROKERS', 'Kafka bootstrap servers, comma-separated host:port'),
  topicPrefix: setting.string(
    'KAFKA_TOPIC_PREFIX',
    'prefix of every physical topic and consumer group name (environments sharing one cluster; tests)',
    '',
  ),
  idempotentProducer: setting.boolean(
    'KAFKA_IDEMPOTENT_PRODUCER',
    'idempotent producer; on for Apache Kafka, off for the local mock broker which does not support it',
    true,
  ),
  relayBatchSize: setting.integer('OUTBOX_RELAY_BATCH_SIZE', 'outbox rows published per relay round', 1000, {
    min: 1,
    max: 10000,
  }),
  relayPollMs: setting.integer('OUTBOX_RELAY_POLL_MS', 'outbox relay poll interval when idle', 250, {
    min: 10,
    max: 60000,
  }),
  partitionsConsumedConcurrently: setting.integer(
    'KAFKA_PARTITIONS_CONCURRENTLY',
    'partitions one consumer processes at once (each in its own database transaction)',
    4,
    { min: 1, max: 64 },
  ),
  maxEventsPerTransaction: setting.integer(
    'KAFKA_MAX_EVENTS_PER_TRANSACTION',
    'events of a fetched batch applied in one database transaction at most (each may hold a lock per member until commit)',
    250,
    { min: 1, max: 10000 },
  ),
  fetchMaxWaitMs: setting.integer(
    'KAFKA_FETCH_MAX_WAIT_MS',
    "how long the broker holds a consumer's fetch while no message waits (a message ends the wait at once)",
    FETCH_MAX_WAIT_MS,
    { min: 10, max: 10000 },
  ),
  sessionTimeoutMs: setting.integer(
    'KAFKA_SESSION_TIMEOUT_MS',
    'consumer group session timeout: how long a silent member keeps its partitions',
    30000,
    { min: 6000, max: 300000 },
  ),
  shutdownFlushMs: setting.integer(
    'SHUTDOWN_FLUSH_MS',
    'how long shutdown waits for the outbox to drain',
    10000,
    {
      min: 0,
      max: 600000,
    },
  ),
  readyMaxOutboxBacklog: setting.integer(
    'READY_MAX_OUTBOX_BACKLOG',
    'readiness fails while more outbox rows than this wait to be published (0 disables)',
    50000,
    { min: 0 },
  ),
  readyMaxOutboxAgeSeconds: setting.integer(
    'READY_MAX_OUTBOX_AGE_SECONDS',
    'readiness fails while the oldest waiting outbox row is older than this, in seconds (0 disables)',
    300,
    { min: 0 },
  ),
  maxSendBytes: setting.integer(
    'KAFKA_MAX_SEND_BYTES',
    "largest send of the outbox relay and the dead-letter publisher, in bytes; keep it under the topics' " +
      'max.message.bytes (broker default 1048588), which the broker enforces per partition batch',
    900_000,
    { min: 16_384, max: 100_000_000 },
  ),
  liveMaxConsumerDownSeconds: setting.integer(
    'LIVE_MAX_CONSUMER_DOWN_SECONDS',
    'liveness fails (so the supervisor restarts the process) once a consumer has stayed down this long after a crash ' +
      'that restarting it in process did not cure, in seconds (0 disables)',
    300,
    { min: 0 },
  ),
  readyMaxStalledSeconds: setting.integer(
    'READY_MAX_STALLED_SECONDS',
    'readiness fails while a consumer has been working on one fetched batch for longer than this, in seconds, ' +
      'without committing it (0 disables)',
    120,
    { min: 0 },
  ),
  unsafeDisableInbox: setting.boolean(
    'MESSAGING_UNSAFE_DISABLE_INBOX',
    'fault proof only: consumers apply every delivered event even when the inbox saw its id before, so a ' +
      're-delivery is applied again (npm run proof -- --unsafe-disable-inbox; see docs/fault-proof.md); refused ' +
      'when NODE_ENV=production',
    false,
  ),
  unsafeCommitBeforeApply: setting.boolean(
    'MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY',
    "fault proof only: consumers commit a fetched batch's offsets before they decode and apply it, so a process " +
      'killed between that commit and the database transaction loses the batch (npm run proof -- ' +
      '--unsafe-commit-before-apply; see docs/fault-proof.md); refused when NODE_ENV=production',
    false,
  ),
  readyMaxConsumerLag: setting.integer(
    'READY_MAX_CONSUMER_LAG',
    'readiness fails while a consumer group is more messages behind than this on a partition (0 disables)',
    100000,
    { min: 0 },
  ),
};

export type MessagingSettings = ConfigOf<typeof MESSAGING_SETTINGS_SPEC>;

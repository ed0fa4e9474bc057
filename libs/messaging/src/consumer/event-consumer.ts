import { decodeEvent, HEADERS, type InputBounds, type TopicDefinition } from '@care/contracts';
import { createHash } from 'node:crypto';
import { TimeSlices } from '@care/observability';
import type { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { EventProducer } from '../kafka/serial-producer';
import type { DataSource } from 'typeorm';
import { PermanentEventError } from '../errors/event-errors';
import { backoffDelayMs, sleep } from '../errors/backoff';
import { describeFailure, isTransientFailure } from '../errors/is-transient-failure';
import { FETCH_MAX_WAIT_MS } from '../kafka/messaging-settings';
import type { TopicNames } from '../kafka/topic-names';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import type { MessagingLogger } from '../messaging-logger';
import { stageEvents } from '../outbox/stage-events';
import { claimInbox } from './claim-inbox';
import { DeadLetterPublication, stringHeaders, type DeadLetter } from './dead-letter';
import type { EventConsumerDefinition } from './event-consumer-definition';
import type { ReceivedEvent } from './received-event';

/** Dead-letter code of a message that reuses an event id already applied (or earlier in its batch) with other content. */
export const EVENT_ID_CONFLICT = 'event-id-conflict';

export interface EventConsumerDependencies {
  readonly kafka: Kafka;
  readonly producer: EventProducer;
  readonly dataSource: DataSource;
  readonly topics: TopicNames;
  readonly metrics: MessagingMetrics;
  readonly logger: MessagingLogger;
  readonly service: string;
  /** Called after a transaction staged outbox rows, so the relay publishes them without waiting to poll. */
  readonly onStaged: () => void;
  readonly partitionsConsumedConcurrently: number;
  /** How long the broker holds a fetch while no message waits (KAFKA_FETCH_MAX_WAIT_MS; default 500 ms). */
  readonly fetchMaxWaitMs?: number;
  readonly sessionTimeoutMs: number;
  /** Largest send to a dead-letter topic (see DeadLetterPublication). */
  readonly deadLetterMaxBytes: number;
  /** Bounds every message is held to before it is validated (depth, array and string lengths). */
  readonly inputBounds?: InputBounds;
  /**
   * False only in the fault proof's inbox-disabled run (MESSAGING_UNSAFE_DISABLE_INBOX): every delivered event is
   * applied, re-deliveries included; the inbox still records each event, counting its applications, which the
   * proof checks (docs/fault-proof.md: what that run shows).
   */
  readonly inbox?: boolean;
  /**
   * True only in the fault proof's commit-before-apply run (MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY): a fetched batch's
   * offsets are committed before it is decoded and applied (at most once), so a crash between that commit and the
   * database transaction loses the batch (docs/fault-proof.md: what that run shows).
   */
  readonly commitBeforeApply?: boolean;
  /** Events applied in one transaction at most (default {@link MAX_EVENTS_PER_TRANSACTION}). */
  readonly maxEventsPerTransaction?: number;
}

/**
 * Events applied in one database transaction at most. A handler may hold a lock per member until commit (advisory
 * locks, lockKeys in libs/persistence), and PostgreSQL's lock table is shared by every transaction and bounded
 * (max_locks_per_transaction x max_connections: 12,800 entries on the local stack): a fetched batch of a roster
 * burst carries thousands of members, and growing a roster to a million exhausted it ("out of shared memory") in
 * four services at once. A batch is therefore applied in transactions of this many events, one after the other;
 * its offset is still committed only after the last one, and a redelivery after a crash between them finds the
 * applied ones in the inbox.
 */
export const MAX_EVENTS_PER_TRANSACTION = 250;

/** A fetched batch this member has not committed yet. */
export interface BatchInProgress {
  readonly topic: string;
  readonly partition: number;
  /** Messages waiting on the partition when the batch was fetched, this batch included. */
  readonly waiting: number;
  readonly sinceMs: number;
}

/**
 * Runs one consumer group: fetch a batch per partition, decode and validate every message, apply the new ones
 * and record their ids in one database transaction (inbox), dead-letter what can never be applied, and only then
 * commit the offset. Transient failures are retried with backoff, in place, for as long as they last.
 */
export class EventConsumer {
  readonly group: string;
  private consumer: Consumer | undefined;
  private crashed = false;
  private stopping = false;
  private joined = false;
  /** Since when the consumer is down after a crash kafkajs does not recover from (undefined: it is not). */
  private downSinceMs: number | undefined;
  private restartAttempts = 0;
  /** When the broker last answered this consumer (joined, fetched, heartbeat). */
  private lastBrokerContactMs = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  /** Partitions (`<physical topic>\u0000<partition>`) whose lag this member has reported. */
  private readonly lagReported = new Set<string>();
  /** Batches fetched and not yet committed, by `<physical topic>\u0000<partition>`. */
  private readonly inProgress = new Map<string, BatchInProgress>();

  constructor(
    private readonly deps: EventConsumerDependencies,
    private readonly definition: EventConsumerDefinition,
  ) {
    this.group = deps.topics.consumerGroup(deps.service, definition.name);
  }

  private get heartbeatIntervalMs(): number {
    return Math.max(500, Math.floor(this.deps.sessionTimeoutMs / 10));
  }

  /**
   * How long the consumer may go without hearing from the broker (a fetch, a heartbeat answered) before it counts
   * as down: three heartbeat intervals. Heartbeats go on during long batches too, so only a broker that stopped
   * answering makes this silent, and readiness then reports it within seconds rather than when a send fails.
   */
  private get brokerSilenceMs(): number {
    return Math.max(5000, 3 * this.heartbeatIntervalMs);
  }

  /**
   * True once the consumer joined its group and while it runs (not crashed, not stopping) and hears from the
   * broker.
   */
  get healthy(): boolean {
    return (
      this.joined &&
      !this.crashed &&
      !this.stopping &&
      Date.now() - this.lastBrokerContactMs <= this.brokerSilenceMs
    );
  }

  /** How long the consumer has been down after a crash it does not recover from by itself (0: it is not). */
  downForMs(now = Date.now()): number {
    return this.downSinceMs === undefined ? 0 : now - this.downSinceMs;
  }

  /** Batches this member has been working on, without committing, for longer than `maxSeconds`. */
  stalledBatches(maxSeconds: number, now = Date.now()): BatchInProgress[] {
    return [...this.inProgress.values()].filter((batch) => now - batch.sinceMs > maxSeconds * 1000);
  }

  async start(): Promise<void> {
    const consumer = this.deps.kafka.consumer({
      groupId: this.group,
      allowAutoTopicCreation: false,
      sessionTimeout: this.deps.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      maxWaitTimeInMs: this.deps.fetchMaxWaitMs ?? FETCH_MAX_WAIT_MS,
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxBytes: 32 * 1024 * 1024,
      retry: {
        retries: 10,
        initialRetryTime: 200,
        maxRetryTime: 10000,
        // kafkajs restarts a crashed consumer on a timer; a crash of a restart that was under way when stop() ran
        // would schedule another one that nothing clears, and the process would retry a gone broker for ever.
        restartOnFailure: () => Promise.resolve(!this.stopping),
      },
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.crashed = !event.payload.restart;
      this.deps.logger.error(
        { group: this.group, restart: event.payload.restart, error: describeFailure(event.payload.error) },
        'consumer crashed',
      );
      // kafkajs gives up on an error it deems non-retriable (a refused join, a protocol mismatch): restart the
      // consumer here, with backoff, rather than leave it stopped while the process looks alive.
      if (this.crashed && !this.stopping) {
        this.downSinceMs ??= Date.now();
        this.scheduleRestart();
      }
    });
    const heard = (): void => {
      this.lastBrokerContactMs = Date.now();
    };
    consumer.on(consumer.events.HEARTBEAT, heard);
    consumer.on(consumer.events.FETCH, heard);
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      heard();
      this.joined = true;
      this.crashed = false;
      this.downSinceMs = undefined;
      this.restartAttempts = 0;
      this.forgetLagOfPartitionsNotIn(event.payload.memberAssignment);
    });
    // stop() may run while this is still connecting (broker unreachable) or joining; it cannot stop a consumer
    // it does not know yet, so each step checks, and whatever was started is disconnected again.
    try {
      await consumer.connect();
      if (!this.stopping) {
        await consumer.subscribe({
          topics: this.definition.topics.map((topic) => this.deps.topics.physical(topic)),
          fromBeginning: this.definition.fromBeginning ?? true,
        });
      }
      if (!this.stopping) {
        this.consumer = consumer;
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: this.deps.partitionsConsumedConcurrently,
          eachBatch: (payload) => this.handleBatch(payload),
        });
      }
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    if (this.stopping) await consumer.disconnect();
  }

  /** Restarts after a crash kafkajs gave up on: 0.5 s, 1 s, 2 s ... up to 30 s between attempts. */
  private scheduleRestart(): void {
    if (this.restartTimer !== undefined) return;
    const delayMs = Math.min(30_000, 500 * 2 ** Math.min(this.restartAttempts, 6));
    this.restartAttempts += 1;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopping) return;
      this.deps.metrics.consumerRestarts.inc({ group: this.group });
      this.deps.logger.warn(
        { group: this.group, attempt: this.restartAttempts },
        'restarting a crashed consumer',
      );
      this.start().catch((error: unknown) => {
        this.deps.logger.error(
          { group: this.group, error: describeFailure(error) },
          'consumer restart failed',
        );
        if (!this.stopping) this.scheduleRestart();
      });
    }, delayMs);
  }

  /** Stops fetching, lets the batch in progress finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    if (this.consumer !== undefined) await this.consumer.disconnect();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const started = process.hrtime.bigint();
    const topic = this.topicOf(batch.topic);
    const labels = { topic: topic.name, group: this.group };
    // Until this batch is committed, the lag is what waits from its first message on, and how long it has been
    // in progress is what readiness watches: a partition stuck on one batch shows as stuck, not as lag 0.
    const partitionKey = `${batch.topic}\u0000${batch.partition}`;
    const waiting = BigInt(batch.highWatermark) - BigInt(batch.firstOffset() ?? batch.highWatermark);
    this.deps.metrics.consumerLag.set(
      { ...labels, partition: String(batch.partition) },
      Number(waiting < 0n ? 0n : waiting),
    );
    this.lagReported.add(partitionKey);
    this.inProgress.set(partitionKey, {
      topic: topic.name,
      partition: batch.partition,
      waiting: Number(waiting),
      sinceMs: Date.now(),
    });
    // A batch can take longer than the session timeout (a large transaction on a busy database): heartbeats go on
    // meanwhile, so the group does not drop this member in the middle of it.
    const heartbeats = setInterval(
      () => void payload.heartbeat().catch(() => undefined),
      this.heartbeatIntervalMs,
    );
    try {
      await this.handleFetched(payload, topic, labels, started);
    } finally {
      clearInterval(heartbeats);
      this.inProgress.delete(partitionKey);
    }
  }

  private async handleFetched(
    payload: EachBatchPayload,
    topic: TopicDefinition,
    labels: { topic: string; group: string },
    started: bigint,
  ): Promise<void> {
    const { batch } = payload;
    const last = batch.messages[batch.messages.length - 1];
    const next = (BigInt(last.offset) + 1n).toString();
    const commit = async (): Promise<void> => {
      payload.resolveOffset(last.offset);
      await this.retryTransient(
        // Through the batch payload: kafkajs' consumer.commitOffsets() silently skips the commit once disconnect()
        // has begun, which would leave the batch that a graceful stop waits for applied but never committed.
        () =>
          payload.commitOffsetsIfNecessary({
            topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }],
          }),
        payload,
        labels,
      );
    };
    // The at-most-once defect the fault proof must catch (MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY): committed first,
    // the batch is not fetched again if the process dies before its transaction commits.
    if (this.deps.commitBeforeApply === true) await commit();
    const { events, deadLetters } = await this.decode(batch, topic);

    const rejected = await this.apply(events, payload);
    if (rejected === undefined) return; // stopping mid-retry: nothing committed, the batch will be redelivered
    deadLetters.push(...rejected);

    // Dead-lettered once: offsets this group already dead-lettered (a batch redelivered after a crash or a
    // rebalance between the dead letter and the commit) are not sent again. The record is written once the
    // dead-letter topic acknowledged, and before the offset is committed.
    const pending =
      deadLetters.length === 0
        ? []
        : await this.retryTransient(() => this.notYetDeadLettered(batch, deadLetters), payload, labels);
    if (pending.length > 0) {
      const publication = new DeadLetterPublication(
        {
          physicalTopic: batch.topic,
          deadLetterTopic: this.deps.topics.deadLetter(topic),
          partition: batch.partition,
          group: this.group,
        },
        pending,
        this.deps.deadLetterMaxBytes,
      );
      await this.retryTransient(() => publication.publish(this.deps.producer), payload, labels);
      await this.retryTransient(() => this.recordDeadLettered(batch, pending), payload, labels);
    }
    for (const deadLetter of pending) {
      this.deps.metrics.deadLettered.inc({ ...labels, code: deadLetter.code });
      this.deps.logger.warn(
        {
          group: this.group,
          topic: topic.name,
          partition: batch.partition,
          offset: deadLetter.message.offset,
          eventId: deadLetter.eventId,
          code: deadLetter.code,
        },
        'message dead-lettered',
      );
    }

    if (this.deps.commitBeforeApply !== true) await commit();

    const now = Date.now();
    this.deps.metrics.consumed.inc(labels, batch.messages.length);
    this.deps.metrics.handlerDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    for (const message of batch.messages)
      this.deps.metrics.eventAge.observe(labels, (now - Number(message.timestamp)) / 1000);
    const lag = BigInt(batch.highWatermark) - BigInt(next);
    this.deps.metrics.consumerLag.set(
      { ...labels, partition: String(batch.partition) },
      Number(lag < 0n ? 0n : lag),
    );
    this.lagReported.add(`${batch.topic}\u0000${batch.partition}`);
    await payload.heartbeat();
  }

  /** Latency from each applied event's originating fact (origin-time header) to now, its effect committed. */
  private observeEndToEndLatency(
    applied: readonly ReceivedEvent[],
    rejected: readonly DeadLetter[],
    labels: { topic: string; group: string },
  ): void {
    const now = Date.now();
    const rejectedIds = new Set(rejected.map((deadLetter) => deadLetter.eventId));
    for (const event of applied) {
      const origin = Date.parse(event.headers[HEADERS.originTime] ?? '');
      if (!Number.isNaN(origin) && !rejectedIds.has(event.envelope.id)) {
        this.deps.metrics.endToEndLatency.observe(labels, Math.max(0, now - origin) / 1000);
      }
    }
  }

  /**
   * After a rebalance, drops the lag gauge of partitions this member no longer owns: their last value would
   * otherwise stay on the dashboard, and in readiness, although another instance now consumes them.
   */
  private forgetLagOfPartitionsNotIn(assignment: Record<string, number[]>): void {
    for (const reported of [...this.lagReported]) {
      const [physical = '', partition = ''] = reported.split('\u0000');
      if ((assignment[physical] ?? []).includes(Number(partition))) continue;
      const topic = this.definition.topics.find(
        (candidate) => this.deps.topics.physical(candidate) === physical,
      );
      this.deps.metrics.consumerLag.remove({ topic: topic?.name ?? physical, group: this.group, partition });
      this.lagReported.delete(reported);
    }
  }

  private topicOf(physical: string): TopicDefinition {
    const definition = this.definition.topics.find((topic) => this.deps.topics.physical(topic) === physical);
    if (definition === undefined)
      throw new Error(`consumer ${this.group} received unexpected topic ${physical}`);
    return definition;
  }

  /** Decodes and validates the batch, giving the event loop a turn every 10 ms (a batch may hold 4 MB of claims). */
  private async decode(
    batch: Batch,
    topic: TopicDefinition,
  ): Promise<{ events: ReceivedEvent[]; deadLetters: DeadLetter[] }> {
    const events: ReceivedEvent[] = [];
    const deadLetters: DeadLetter[] = [];
    // The first message with an event id in the batch decides; a later one is a re-delivery when its value is the
    // same, and a different event under a reused id (dead-lettered) when it is not.
    const seen = new Map<string, Buffer>();
    const slices = new TimeSlices();
    for (const message of batch.messages) {
      await slices.maybeYield();
      const result = decodeEvent(message.value, [topic.name], this.deps.inputBounds);
      if (!result.ok) {
        deadLetters.push({
          message,
          code: result.code,
          reason: result.reason,
          ...(result.eventId === undefined ? {} : { eventId: result.eventId }),
        });
        continue;
      }
      const id = result.envelope.id.toLowerCase();
      const contentHash = createHash('sha256')
        .update(message.value ?? Buffer.alloc(0))
        .digest();
      const first = seen.get(id);
      if (first !== undefined) {
        if (!first.equals(contentHash)) {
          deadLetters.push({
            message,
            code: EVENT_ID_CONFLICT,
            reason: `event id ${id} is used earlier in this batch by a message with other content`,
            eventId: id,
          });
        }
        continue;
      }
      seen.set(id, contentHash);
      events.push({
        envelope: { ...result.envelope, id },
        definition: result.definition,
        topic: topic.name,
        partition: batch.partition,
        offset: message.offset,
        key: message.key === null ? null : message.key.toString('utf8'),
        headers: stringHeaders(message.headers),
        timestamp: Number(message.timestamp),
        contentHash,
      });
    }
    return { events, deadLetters };
  }

  /**
   * Applies the batch in transactions of at most {@link MAX_EVENTS_PER_TRANSACTION} events, in order. Returns the
   * events to dead-letter, or undefined when stopping (nothing is committed then; the inbox makes the redelivery
   * of the transactions already applied harmless).
   */
  private async apply(events: ReceivedEvent[], payload: EachBatchPayload): Promise<DeadLetter[] | undefined> {
    const size = Math.max(1, this.deps.maxEventsPerTransaction ?? MAX_EVENTS_PER_TRANSACTION);
    const rejected: DeadLetter[] = [];
    for (let start = 0; start < events.length; start += size) {
      const part = await this.applyInOneTransaction(events.slice(start, start + size), payload);
      if (part === undefined) return undefined;
      rejected.push(...part);
    }
    return rejected;
  }

  /**
   * Applies events in one transaction. If that fails permanently, applies each event alone so that only the
   * events that fail by themselves are dead-lettered. Returns them, or undefined when stopping.
   */
  private async applyInOneTransaction(
    events: ReceivedEvent[],
    payload: EachBatchPayload,
  ): Promise<DeadLetter[] | undefined> {
    if (events.length === 0) return [];
    const labels = { topic: events[0]?.topic ?? '', group: this.group };
    const whole = await this.attempt(events, payload, labels);
    if (whole === 'stopped') return undefined;
    if ('rejected' in whole) return whole.rejected;
    if (events.length === 1) return [this.toDeadLetter(events[0], whole.error, payload.batch)];
    const rejected: DeadLetter[] = [];
    for (const event of events) {
      const single = await this.attempt([event], payload, labels);
      if (single === 'stopped') return undefined;
      if ('rejected' in single) rejected.push(...single.rejected);
      else rejected.push(this.toDeadLetter(event, single.error, payload.batch));
    }
    return rejected;
  }

  /** One transaction, retried while failures are transient. */
  private async attempt(
    events: ReceivedEvent[],
    payload: EachBatchPayload,
    labels: { topic: string; group: string },
  ): Promise<{ rejected: DeadLetter[] } | 'stopped' | { error: unknown }> {
    for (let attempt = 1; ; attempt += 1) {
      let staged = false;
      const rejected: DeadLetter[] = [];
      // Reused ids: dead-lettered, but the inbox row is the earlier event's and stays.
      const conflicted: DeadLetter[] = [];
      const afterCommit: Array<() => void> = [];
      let applied: ReceivedEvent[] = [];
      try {
        await this.deps.dataSource.transaction(async (manager) => {
          const { fresh, duplicates, conflicts } = await claimInbox(manager, this.group, events, {
            reapplyDuplicates: this.deps.inbox === false,
          });
          applied = fresh;
          if (duplicates > 0) this.deps.metrics.duplicates.inc(labels, duplicates);
          for (const event of conflicts) {
            conflicted.push(
              this.toDeadLetter(
                event,
                new PermanentEventError(
                  EVENT_ID_CONFLICT,
                  `event id ${event.envelope.id} was applied before with other content`,
                ),
                payload.batch,
              ),
            );
          }
          if (fresh.length === 0) return;
          await this.definition.handle(fresh, {
            manager,
            stage: async (outgoing) => {
              staged = staged || outgoing.length > 0;
              await stageEvents(manager, outgoing);
            },
            reject: (event, code, reason) => {
              rejected.push({
                ...this.toDeadLetter(event, new PermanentEventError(code, reason), payload.batch),
              });
            },
            afterCommit: (callback) => afterCommit.push(callback),
          });
          if (rejected.length > 0) {
            await manager.query(
              'DELETE FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])',
              [this.group, rejected.map((deadLetter) => deadLetter.eventId)],
            );
          }
        });
        if (staged) this.deps.onStaged();
        this.observeEndToEndLatency(applied, rejected, labels);
        for (const callback of afterCommit) callback();
        return { rejected: [...conflicted, ...rejected] };
      } catch (error) {
        if (!isTransientFailure(error)) {
          this.deps.metrics.failed.inc({ ...labels, kind: 'permanent' });
          return { error };
        }
        this.deps.metrics.failed.inc({ ...labels, kind: 'transient' });
        if (attempt === 1 || attempt % 10 === 0) {
          this.deps.logger.warn(
            { group: this.group, attempt, error: describeFailure(error) },
            'transient failure; retrying',
          );
        }
        if (!(await this.pause(attempt, payload))) return 'stopped';
      }
    }
  }

  /** The dead letters whose source offsets this group has not dead-lettered before. */
  private async notYetDeadLettered(batch: Batch, deadLetters: readonly DeadLetter[]): Promise<DeadLetter[]> {
    const sent = await this.deps.dataSource.query<Array<{ offset: string }>>(
      `SELECT "offset"::text AS "offset" FROM dead_letters_sent
       WHERE consumer_group = $1 AND topic = $2 AND partition = $3 AND "offset" = ANY($4::bigint[])`,
      [this.group, batch.topic, batch.partition, deadLetters.map((deadLetter) => deadLetter.message.offset)],
    );
    const done = new Set(sent.map((row) => row.offset));
    return deadLetters.filter((deadLetter) => !done.has(deadLetter.message.offset));
  }

  private async recordDeadLettered(batch: Batch, deadLetters: readonly DeadLetter[]): Promise<void> {
    await this.deps.dataSource.query(
      `INSERT INTO dead_letters_sent (consumer_group, topic, partition, "offset", code)
       SELECT $1, $2, $3, * FROM unnest($4::bigint[], $5::text[])
       ON CONFLICT DO NOTHING`,
      [
        this.group,
        batch.topic,
        batch.partition,
        deadLetters.map((deadLetter) => deadLetter.message.offset),
        deadLetters.map((deadLetter) => deadLetter.code),
      ],
    );
  }

  private async retryTransient<T>(
    action: () => Promise<T>,
    payload: EachBatchPayload,
    labels: { topic: string; group: string },
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await action();
      } catch (error) {
        this.deps.metrics.failed.inc({ ...labels, kind: 'transient' });
        // This member lost the partition (removed from the group, or a rebalance began): retrying the commit for
        // an old generation fails forever. Give the batch up; kafkajs rejoins and the partition's owner gets the
        // batch again, which the inbox and dead_letters_sent make harmless.
        if (lostMembership(error)) throw error;
        if (attempt === 1 || attempt % 10 === 0) {
          this.deps.logger.warn(
            { group: this.group, attempt, error: describeFailure(error) },
            'broker operation failed; retrying',
          );
        }
        if (!(await this.pause(attempt, payload))) throw error;
      }
    }
  }

  /** Waits before the next attempt, heartbeating so the group keeps the partition. False when stopping. */
  private async pause(attempt: number, payload: EachBatchPayload): Promise<boolean> {
    const until = Date.now() + backoffDelayMs(attempt, 200, 15000);
    while (Date.now() < until) {
      if (this.stopping || !payload.isRunning() || payload.isStale()) return false;
      await sleep(Math.min(1000, until - Date.now()));
      try {
        await payload.heartbeat();
      } catch {
        // a failed heartbeat (broker down) is not fatal here; the next attempt finds out
      }
    }
    return !this.stopping && payload.isRunning() && !payload.isStale();
  }

  private toDeadLetter(event: ReceivedEvent, error: unknown, batch: Batch): DeadLetter {
    const message = batch.messages.find((candidate) => candidate.offset === event.offset) as KafkaMessage;
    if (error instanceof PermanentEventError) {
      return { message, code: error.code, reason: error.reason, eventId: event.envelope.id };
    }
    return { message, code: 'handler-failed', reason: describeFailure(error), eventId: event.envelope.id };
  }
}

/** Kafka's answers to a member that no longer belongs to the group's current generation. */
const LOST_MEMBERSHIP = new Set([
  'UNKNOWN_MEMBER_ID',
  'ILLEGAL_GENERATION',
  'REBALANCE_IN_PROGRESS',
  'FENCED_INSTANCE_ID',
]);

function lostMembership(error: unknown): boolean {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  return typeof type === 'string' && LOST_MEMBERSHIP.has(type);
}

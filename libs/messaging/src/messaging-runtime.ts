import type { Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { inputBoundsOf } from '@care/config';
import { consumerDeclarationProblem } from '@care/contracts';
import { EventConsumer } from './consumer/event-consumer';
import type { EventConsumerDefinition } from './consumer/event-consumer-definition';
import { backoffDelayMs, sleep } from './errors/backoff';
import { describeFailure } from './errors/is-transient-failure';
import { createKafka } from './kafka/create-kafka';
import type { MessagingSettings } from './kafka/messaging-settings';
import { SerialProducer } from './kafka/serial-producer';
import { TopicNames } from './kafka/topic-names';
import { InboxSizeSampler } from './metrics/inbox-size';
import { MessagingMetrics } from './metrics/messaging-metrics';
import { lagBoundViolations, maxLagByGroup, outboxBoundViolations } from './metrics/readiness-bounds';
import type { MessagingLogger } from './messaging-logger';
import { EventFactory } from './outbox/outgoing-event';
import { OutboxRelay } from './outbox/outbox-relay';

export interface MessagingRuntimeOptions {
  readonly service: string;
  readonly settings: MessagingSettings;
  readonly dataSource: DataSource;
  readonly registry: Registry;
  readonly logger: MessagingLogger;
}

/**
 * Everything one service needs from Kafka, without NestJS: the producer, the outbox relay, the consumers,
 * their metrics, and an orderly start and stop. The Nest module wraps this class.
 */
export class MessagingRuntime {
  readonly topics: TopicNames;
  readonly events: EventFactory;
  readonly metrics: MessagingMetrics;
  readonly relay: OutboxRelay;
  private readonly kafka: Kafka;
  private readonly producer: SerialProducer;
  private readonly consumers: EventConsumer[] = [];
  private readonly definitions: EventConsumerDefinition[] = [];
  private producerConnected = false;
  private started = false;

  constructor(private readonly options: MessagingRuntimeOptions) {
    const { settings, service } = options;
    if (settings.unsafeDisableInbox) {
      if (process.env['NODE_ENV'] === 'production') {
        throw new Error('MESSAGING_UNSAFE_DISABLE_INBOX=true is refused when NODE_ENV=production');
      }
      options.logger.warn(
        {},
        'MESSAGING_UNSAFE_DISABLE_INBOX=true: re-delivered events are applied again (fault proof only)',
      );
    }
    if (settings.unsafeCommitBeforeApply) {
      if (process.env['NODE_ENV'] === 'production') {
        throw new Error('MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY=true is refused when NODE_ENV=production');
      }
      options.logger.warn(
        {},
        'MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY=true: offsets are committed before a batch is applied, so a crash ' +
          'loses it (fault proof only)',
      );
    }
    this.topics = new TopicNames(settings.topicPrefix);
    this.events = new EventFactory(service);
    this.metrics = new MessagingMetrics(options.registry);
    this.kafka = createKafka({ clientId: service, brokers: settings.brokers, logger: options.logger });
    // One producer for the relay and every consumer's dead letters, one send at a time, replaced after a failed
    // send when idempotent (see SerialProducer for the kafkajs sequence-number defect this avoids).
    this.producer = new SerialProducer({
      idempotent: settings.idempotentProducer,
      create: (createPartitioner) =>
        this.kafka.producer({
          allowAutoTopicCreation: false,
          createPartitioner,
          idempotent: settings.idempotentProducer,
          // One request in flight: kafkajs serializes idempotent requests per broker anyway, and without
          // idempotence it is what keeps per-partition order across retries.
          maxInFlightRequests: 1,
          retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 3000 },
        }),
      onConnectionChange: (connected) => (this.producerConnected = connected),
      onRetired: (error) => {
        this.metrics.producerReplaced.inc();
        options.logger.warn(
          { error: describeFailure(error) },
          'send failed; the idempotent producer is replaced before the next send',
        );
      },
    });
    const inboxSize = new InboxSizeSampler(options.dataSource, this.metrics.inboxRows, (error) =>
      options.logger.warn({ error: describeFailure(error) }, 'inbox size sample failed'),
    );
    this.metrics.sampleInboxRowsWith(() => inboxSize.refresh());
    this.relay = new OutboxRelay(
      options.dataSource,
      this.producer,
      this.topics,
      this.metrics,
      options.logger,
      {
        lockName: `outbox-relay:${service}:${settings.topicPrefix}`,
        batchSize: settings.relayBatchSize,
        pollIntervalMs: settings.relayPollMs,
        maxSendBytes: settings.maxSendBytes,
      },
    );
  }

  /** Registers a consumer; call before start(). */
  registerConsumer(definition: EventConsumerDefinition): void {
    if (this.started) throw new Error('register consumers before the messaging runtime starts');
    // A platform service subscribes only as the catalog declares (CONSUMER_GROUPS): the ops tooling reads the same.
    const problem = consumerDeclarationProblem(this.options.service, definition);
    if (problem !== undefined) throw new Error(problem);
    this.definitions.push(definition);
  }

  /**
   * Starts the relay at once (it retries until the broker answers, so a service can accept work while the
   * broker is away) and connects the producer and consumers.
   */
  async start(): Promise<void> {
    this.started = true;
    this.relay.start();
    await this.connectProducer();
    for (const definition of this.definitions) {
      const consumer = new EventConsumer(
        {
          kafka: this.kafka,
          producer: this.producer,
          dataSource: this.options.dataSource,
          topics: this.topics,
          metrics: this.metrics,
          logger: this.options.logger,
          service: this.options.service,
          onStaged: () => this.relay.wake(),
          partitionsConsumedConcurrently: this.options.settings.partitionsConsumedConcurrently,
          fetchMaxWaitMs: this.options.settings.fetchMaxWaitMs,
          sessionTimeoutMs: this.options.settings.sessionTimeoutMs,
          deadLetterMaxBytes: this.options.settings.maxSendBytes,
          inputBounds: inputBoundsOf(this.options.settings),
          inbox: !this.options.settings.unsafeDisableInbox,
          commitBeforeApply: this.options.settings.unsafeCommitBeforeApply,
          maxEventsPerTransaction: this.options.settings.maxEventsPerTransaction,
        },
        definition,
      );
      this.consumers.push(consumer);
      void this.startConsumer(consumer);
    }
  }

  /** Resolves once every consumer joined its group (tests and start-up scripts wait on it). */
  async waitForConsumers(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.consumers.every((consumer) => consumer.healthy)) {
      if (Date.now() > deadline) throw new Error('consumers did not join their groups in time');
      await sleep(50);
    }
  }

  /** Connects a consumer, retrying while the broker is unreachable, so start-up never waits on Kafka. */
  private async startConsumer(consumer: EventConsumer): Promise<void> {
    for (let attempt = 1; this.started; attempt += 1) {
      try {
        await consumer.start();
        return;
      } catch (error) {
        this.options.logger.warn(
          { group: consumer.group, attempt, error: describeFailure(error) },
          'consumer start failed; retrying',
        );
        await sleep(backoffDelayMs(attempt, 500, 10000));
      }
    }
  }

  /** Graceful stop: stop fetching and finish the current batches, flush the outbox, disconnect. */
  async stop(): Promise<void> {
    this.started = false;
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    const left = await this.relay.drain(this.options.settings.shutdownFlushMs);
    if (left > 0)
      this.options.logger.warn({ rows: left }, 'outbox not empty at shutdown; the next start publishes it');
    await this.relay.stop();
    await this.producer.disconnect();
  }

  /**
   * Liveness of the consumers: the groups whose consumer has stayed down past LIVE_MAX_CONSUMER_DOWN_SECONDS after a
   * crash that restarting it in process did not cure, or undefined when none has.
   */
  consumersDownTooLong(now = Date.now()): string | undefined {
    const maxSeconds = this.options.settings.liveMaxConsumerDownSeconds;
    if (maxSeconds <= 0) return undefined;
    const down = this.consumers.filter((consumer) => consumer.downForMs(now) > maxSeconds * 1000);
    return down.length === 0
      ? undefined
      : `consumers down for more than ${maxSeconds} s: ${down.map((consumer) => consumer.group).join(', ')}`;
  }

  /** Readiness of the Kafka side: producer connected and every consumer running. */
  health(): { producer: boolean; consumers: Record<string, boolean> } {
    return {
      producer: this.producerConnected,
      consumers: Object.fromEntries(this.consumers.map((consumer) => [consumer.group, consumer.healthy])),
    };
  }

  /**
   * The largest lag of any partition per consumer group of this instance, as the consumers last recorded it
   * (`care_consumer_lag_messages`, after each committed batch); 0 for a group with no batch yet.
   */
  async consumerLag(): Promise<Record<string, number>> {
    const { values } = await this.metrics.consumerLag.get();
    return maxLagByGroup(
      values,
      this.consumers.map((consumer) => consumer.group),
    );
  }

  /**
   * Readiness of the consumers' progress: throws naming READY_MAX_CONSUMER_LAG when a group is too far behind,
   * or READY_MAX_STALLED_SECONDS when a consumer has held one batch that long without committing it (retrying a
   * failure that does not pass, while messages wait behind it).
   */
  async checkConsumerLag(): Promise<Record<string, number>> {
    const lag = await this.consumerLag();
    const violations = lagBoundViolations(lag, this.options.settings.readyMaxConsumerLag);
    const maxStalled = this.options.settings.readyMaxStalledSeconds;
    if (maxStalled > 0) {
      const now = Date.now();
      for (const consumer of this.consumers) {
        for (const batch of consumer.stalledBatches(maxStalled, now)) {
          violations.push(
            `consumer group ${consumer.group} has not committed ${batch.topic} partition ${batch.partition} ` +
              `for ${Math.round((now - batch.sinceMs) / 1000)} s with ${batch.waiting} message(s) waiting ` +
              `(READY_MAX_STALLED_SECONDS=${maxStalled})`,
          );
        }
      }
    }
    if (violations.length > 0) throw new Error(violations.join('; '));
    return lag;
  }

  /** True when READY_MAX_OUTBOX_BACKLOG or READY_MAX_OUTBOX_AGE_SECONDS is set (not 0). */
  get outboxBounded(): boolean {
    const { readyMaxOutboxBacklog, readyMaxOutboxAgeSeconds } = this.options.settings;
    return readyMaxOutboxBacklog > 0 || readyMaxOutboxAgeSeconds > 0;
  }

  /** Readiness of the outbox: throws naming the bound when the backlog or its oldest row's age exceeds it. */
  async checkOutbox(): Promise<{ rows: number; oldestAgeSeconds: number }> {
    const backlog = await this.relay.recentBacklog(2000);
    const violations = outboxBoundViolations(backlog, {
      maxOutboxBacklog: this.options.settings.readyMaxOutboxBacklog,
      maxOutboxAgeSeconds: this.options.settings.readyMaxOutboxAgeSeconds,
    });
    if (violations.length > 0) throw new Error(violations.join('; '));
    return backlog;
  }

  /** Wakes the relay after the caller committed a transaction that staged events. */
  published(): void {
    this.relay.wake();
  }

  private async connectProducer(): Promise<void> {
    try {
      await this.producer.connect();
    } catch (error) {
      // The relay keeps retrying (kafkajs reconnects on send); the service still accepts work into the outbox.
      this.options.logger.warn(
        { error: describeFailure(error) },
        'producer could not connect yet; will retry',
      );
    }
  }
}

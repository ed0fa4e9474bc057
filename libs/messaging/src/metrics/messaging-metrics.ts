import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Prometheus metrics of the messaging layer. Labels are topic, consumer group, partition and error code only:
 * never member ids or payload values.
 */
export class MessagingMetrics {
  readonly consumed: Counter<'topic' | 'group'>;
  readonly duplicates: Counter<'topic' | 'group'>;
  readonly produced: Counter<'topic'>;
  readonly failed: Counter<'topic' | 'group' | 'kind'>;
  readonly deadLettered: Counter<'topic' | 'group' | 'code'>;
  readonly handlerDuration: Histogram<'topic' | 'group'>;
  readonly eventAge: Histogram<'topic' | 'group'>;
  readonly consumerLag: Gauge<'topic' | 'partition' | 'group'>;
  readonly endToEndLatency: Histogram<'topic' | 'group'>;
  readonly outboxBacklog: Gauge;
  readonly outboxOldestAge: Gauge;
  readonly outboxPublishDelay: Histogram<'topic'>;
  readonly relayFailures: Counter;
  readonly producerReplaced: Counter;
  readonly consumerRestarts: Counter<'group'>;
  readonly inboxRows: Gauge;
  private refreshInboxRows: (() => Promise<void>) | undefined;

  constructor(registry: Registry) {
    const registers = [registry];
    this.consumed = new Counter({
      name: 'care_messages_consumed_total',
      help: 'Messages read from Kafka and handled (applied, duplicate or dead-lettered)',
      labelNames: ['topic', 'group'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'care_messages_duplicate_total',
      help: 'Messages whose event id the consumer group had already applied (acknowledged without effect)',
      labelNames: ['topic', 'group'],
      registers,
    });
    this.produced = new Counter({
      name: 'care_messages_produced_total',
      help: 'Events published to Kafka by the outbox relay',
      labelNames: ['topic'],
      registers,
    });
    this.failed = new Counter({
      name: 'care_messages_failed_total',
      help: 'Handling attempts that failed; kind=transient is retried, kind=permanent is dead-lettered',
      labelNames: ['topic', 'group', 'kind'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'care_messages_dead_lettered_total',
      help: 'Messages sent to a dead-letter topic, by reason code',
      labelNames: ['topic', 'group', 'code'],
      registers,
    });
    this.consumerRestarts = new Counter({
      name: 'care_consumer_restarts_total',
      help: 'Consumers restarted in process after a crash kafkajs does not recover from by itself (with backoff)',
      labelNames: ['group'],
      registers,
    });
    this.handlerDuration = new Histogram({
      name: 'care_message_batch_duration_seconds',
      help: 'Time to decode, apply and commit one fetched batch',
      labelNames: ['topic', 'group'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.eventAge = new Histogram({
      name: 'care_message_age_seconds',
      help: 'Time from the broker timestamp of a message to the commit of its effect',
      labelNames: ['topic', 'group'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.endToEndLatency = new Histogram({
      name: 'care_end_to_end_latency_seconds',
      help: 'Time from the originating fact (origin-time header, e.g. a claim received) to the commit of this effect',
      labelNames: ['topic', 'group'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'care_consumer_lag_messages',
      help: 'Messages behind the high watermark after the last committed batch',
      labelNames: ['topic', 'partition', 'group'],
      registers,
    });
    this.outboxBacklog = new Gauge({
      name: 'care_outbox_backlog_rows',
      help: 'Outbox rows waiting to be published',
      registers,
    });
    this.outboxOldestAge = new Gauge({
      name: 'care_outbox_oldest_age_seconds',
      help: 'Age of the oldest outbox row waiting to be published (0 when empty)',
      registers,
    });
    this.outboxPublishDelay = new Histogram({
      name: 'care_outbox_publish_delay_seconds',
      help: 'Time from the transaction that staged an event (its outbox row) to the broker acknowledging it',
      labelNames: ['topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.relayFailures = new Counter({
      name: 'care_outbox_relay_failures_total',
      help: 'Relay rounds that failed (broker or database unavailable) and will be retried',
      registers,
    });
    this.producerReplaced = new Counter({
      name: 'care_producer_replaced_total',
      help: 'Idempotent producers retired after a failed send and replaced (new producer id) before the next send',
      registers,
    });
    this.inboxRows = new Gauge({
      name: 'care_inbox_rows',
      help: 'Rows in the consumer inbox (applied event ids kept for de-duplication); planner estimate, sampled at most every 30 s',
      registers,
      collect: async () => {
        await this.refreshInboxRows?.();
      },
    });
  }

  /** Sets how `care_inbox_rows` is refreshed when the registry is scraped (see InboxSizeSampler). */
  sampleInboxRowsWith(refresh: () => Promise<void>): void {
    this.refreshInboxRows = refresh;
  }
}

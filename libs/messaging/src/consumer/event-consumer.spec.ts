import { randomUUID } from 'node:crypto';
import { loadConfig } from '@care/config';
import { aValidProfessionalClaim, TOPICS } from '@care/contracts';
import type {
  Consumer,
  ConsumerConfig,
  ConsumerRunConfig,
  EachBatchPayload,
  Kafka,
  KafkaMessage,
} from 'kafkajs';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { MESSAGING_SETTINGS_SPEC } from '../kafka/messaging-settings';
import type { EventProducer } from '../kafka/serial-producer';
import { TopicNames } from '../kafka/topic-names';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { EventConsumer, type EventConsumerDependencies } from './event-consumer';

/**
 * An EventConsumer for the claims-inbound topic on a fake kafkajs client (these specs are about what the consumer asks
 * of kafkajs, not about a broker): `onConsumer` sees the config the consumer is created with, `onRun` its run config.
 */
function aConsumerOnAFakeBroker(options: {
  readonly service: string;
  readonly dataSource?: unknown;
  readonly onConsumer?: (config: ConsumerConfig) => void;
  readonly onRun?: (config: ConsumerRunConfig) => void;
  readonly settings?: Partial<Pick<EventConsumerDependencies, 'commitBeforeApply' | 'fetchMaxWaitMs'>>;
}): EventConsumer {
  const fakeConsumer = {
    events: { CRASH: 'crash', HEARTBEAT: 'heartbeat', FETCH: 'fetch', GROUP_JOIN: 'join' },
    on: () => undefined,
    connect: () => Promise.resolve(),
    subscribe: () => Promise.resolve(),
    run: (config: ConsumerRunConfig) => {
      options.onRun?.(config);
      return Promise.resolve();
    },
    disconnect: () => Promise.resolve(),
  };
  return new EventConsumer(
    {
      kafka: {
        consumer: (config: ConsumerConfig) => {
          options.onConsumer?.(config);
          return fakeConsumer as unknown as Consumer;
        },
      } as unknown as Kafka,
      producer: {} as EventProducer,
      dataSource: (options.dataSource ?? {}) as DataSource,
      topics: new TopicNames(''),
      metrics: new MessagingMetrics(new Registry()),
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      service: options.service,
      onStaged: () => undefined,
      partitionsConsumedConcurrently: 1,
      sessionTimeoutMs: 30_000,
      deadLetterMaxBytes: 900_000,
      ...options.settings,
    },
    { name: 'claims', topics: [TOPICS.claimsInbound], handle: () => Promise.resolve() },
  );
}

/**
 * When a fetched batch's offsets are committed against its database transaction: after it (at least once, the
 * inbox making re-deliveries harmless), or, with the fault proof's MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY, before it
 * (at most once: a process that dies in between has lost the batch).
 */
describe('the event consumer: offset commit and transaction', () => {
  const TOPIC = TOPICS.claimsInbound;

  /** A consumer on a fake broker and data source; every step the batch takes is written to `steps`. */
  async function consumerWith(options: { commitBeforeApply?: boolean; transaction?: () => Promise<void> }) {
    const steps: string[] = [];
    let eachBatch: ConsumerRunConfig['eachBatch'];
    const dataSource = {
      transaction: async () => {
        steps.push('transaction begins');
        await (options.transaction ?? (() => Promise.resolve()))();
        steps.push('transaction commits');
      },
    };
    const consumer = aConsumerOnAFakeBroker({
      service: 'commit-order',
      dataSource,
      onRun: (config) => {
        eachBatch = config.eachBatch;
      },
      ...(options.commitBeforeApply === undefined
        ? {}
        : { settings: { commitBeforeApply: options.commitBeforeApply } }),
    });
    await consumer.start();
    const messages: KafkaMessage[] = [7, 8].map((offset) => {
      const claim = aValidProfessionalClaim({ claimId: `CLM-COMMIT-${offset}` });
      return {
        offset: String(offset),
        key: Buffer.from(claim.claimId),
        value: Buffer.from(
          JSON.stringify({
            id: randomUUID(),
            type: TOPIC.name,
            version: 1,
            occurredAt: new Date().toISOString(),
            source: 'test-claims-system',
            subject: claim.memberId,
            correlationId: claim.claimId,
            causationId: null,
            data: claim,
          }),
        ),
        headers: {},
        timestamp: String(Date.now()),
        attributes: 0,
      };
    });
    const payload = {
      batch: {
        topic: TOPIC.name,
        partition: 3,
        highWatermark: '9',
        messages,
        firstOffset: () => '7',
      },
      resolveOffset: (offset: string) => steps.push(`offset ${offset} resolved`),
      commitOffsetsIfNecessary: (offsets: unknown) => {
        steps.push(`committed ${JSON.stringify(offsets)}`);
        return Promise.resolve();
      },
      heartbeat: () => Promise.resolve(),
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload;
    const handleBatch = (): Promise<void> => {
      if (eachBatch === undefined) throw new Error('the consumer did not run');
      return eachBatch(payload);
    };
    return { steps, handleBatch };
  }

  const COMMITTED = `committed ${JSON.stringify({
    topics: [{ topic: TOPIC.name, partitions: [{ partition: 3, offset: '9' }] }],
  })}`;

  it.each([{}, { commitBeforeApply: false }])(
    'commits after the transaction by default (%j)',
    async (options) => {
      const { steps, handleBatch } = await consumerWith(options);
      await handleBatch();
      expect(steps).toEqual(['transaction begins', 'transaction commits', 'offset 8 resolved', COMMITTED]);
    },
  );

  it('commits before the transaction with commitBeforeApply, once', async () => {
    const { steps, handleBatch } = await consumerWith({ commitBeforeApply: true });
    await handleBatch();
    expect(steps).toEqual(['offset 8 resolved', COMMITTED, 'transaction begins', 'transaction commits']);
  });

  it('with commitBeforeApply, a process that dies during the transaction has already committed the batch', async () => {
    let die: () => void = () => undefined;
    const dying = new Promise<void>((resolve) => (die = resolve));
    const { steps, handleBatch } = await consumerWith({ commitBeforeApply: true, transaction: () => dying });
    const handled = handleBatch();
    while (!steps.includes('transaction begins')) await new Promise((resolve) => setImmediate(resolve));
    // The moment a SIGKILL would land: the offsets are past the batch, its effects not in the database.
    expect(steps).toEqual(['offset 8 resolved', COMMITTED, 'transaction begins']);
    die();
    await handled;
  });

  it('without it, nothing is committed while the transaction is under way', async () => {
    let finish: () => void = () => undefined;
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    const { steps, handleBatch } = await consumerWith({ transaction: () => finishing });
    const handled = handleBatch();
    while (!steps.includes('transaction begins')) await new Promise((resolve) => setImmediate(resolve));
    expect(steps).toEqual(['transaction begins']);
    finish();
    await handled;
    expect(steps).toEqual(['transaction begins', 'transaction commits', 'offset 8 resolved', COMMITTED]);
  });
});

/** How long the broker may hold a fetch while nothing waits: KAFKA_FETCH_MAX_WAIT_MS, 500 ms by default. */
describe('the event consumer: the idle fetch', () => {
  async function maxWaitOf(fetchMaxWaitMs: number | undefined): Promise<number | undefined> {
    let config: ConsumerConfig | undefined;
    const consumer = aConsumerOnAFakeBroker({
      service: 'idle-fetch',
      onConsumer: (given) => {
        config = given;
      },
      ...(fetchMaxWaitMs === undefined ? {} : { settings: { fetchMaxWaitMs } }),
    });
    await consumer.start();
    await consumer.stop();
    return config?.maxWaitTimeInMs;
  }

  it('is held 500 ms by default, as the setting says, and as long as KAFKA_FETCH_MAX_WAIT_MS asks', async () => {
    expect(await maxWaitOf(undefined)).toBe(500);
    expect(loadConfig(MESSAGING_SETTINGS_SPEC, { KAFKA_BROKERS: 'localhost:9092' }).fetchMaxWaitMs).toBe(500);
    const asked = loadConfig(MESSAGING_SETTINGS_SPEC, {
      KAFKA_BROKERS: 'localhost:9092',
      KAFKA_FETCH_MAX_WAIT_MS: '100',
    }).fetchMaxWaitMs;
    expect(await maxWaitOf(asked)).toBe(100);
    expect(() =>
      loadConfig(MESSAGING_SETTINGS_SPEC, { KAFKA_BROKERS: 'localhost:9092', KAFKA_FETCH_MAX_WAIT_MS: '5' }),
    ).toThrow(/KAFKA_FETCH_MAX_WAIT_MS/);
  });
});

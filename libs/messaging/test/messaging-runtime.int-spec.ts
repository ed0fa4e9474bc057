/**
 * The delivery guarantees of ARCHITECTURE.md, proven on a real `MessagingRuntime` against the run's PostgreSQL and
 * Kafka-protocol broker. A toy consumer reads the `claims-inbound` catalog topic: per event it writes one row to
 * `applied` and stages one `claim-received` event, unless a per-claim script makes it fail, reject or stall.
 *
 * The tests run in order and share one environment (topics, database, consumer group); each uses its own claim
 * ids and message key, and starts a fresh runtime where it needs one. The relay's poll interval is a minute, so
 * the outbox is published only when something wakes the relay (a consumer commit, `published()`) or by `stop()`.
 */
import { randomUUID } from 'node:crypto';
import {
  aValidProfessionalClaim,
  ClaimReceived,
  ClaimsInbound,
  deadLetterTopicOf,
  TOPICS,
  type ClaimSubmission,
} from '@care/contracts';
import { loadConfig } from '@care/config';
import { createTestEnvironment, inboundClaimMessage, type TestEnvironment } from '@care/testing';
import { Client } from 'pg';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import {
  isEventOf,
  MESSAGING_SETTINGS_SPEC,
  MessagingRuntime,
  sleep,
  stageEvents,
  TransientEventError,
  type EventFactory,
  type HandlerContext,
  type MessagingLogger,
  type MessagingSettings,
  type OutgoingEvent,
  type ReceivedEvent,
} from '../src';
import { openMessagingSchema } from './support/messaging-schema';

jest.setTimeout(60_000);

const SERVICE = 'messaging-it';
const SCHEMA = 'messaging_it';
const CONSUMER = 'toy-claims';
const INBOUND = TOPICS.claimsInbound.name;
const INBOUND_DLQ = deadLetterTopicOf(INBOUND);
const RECEIVED = TOPICS.claimReceived.name;

/** What the toy handler does with one claim before applying it; `call` counts the handler's attempts at it. */
type Script = (
  event: ReceivedEvent<ClaimSubmission>,
  context: HandlerContext,
  call: number,
) => Promise<'apply' | 'rejected'>;

interface RunningRuntime {
  readonly runtime: MessagingRuntime;
  readonly registry: Registry;
}

interface InboundMessage {
  readonly key: string;
  readonly value: string;
  readonly eventId: string;
  readonly claimId: string;
}

describe('messaging runtime', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;
  let database: Client;
  let settings: MessagingSettings;
  let group: string;
  let running: RunningRuntime | undefined;

  const scripts = new Map<string, Script>();
  const attempts = new Map<string, number>();
  /** Claim ids of every handler invocation, in order: shows how batches were split. */
  const invocations: string[][] = [];
  /** Where each claim's event was read. */
  const positions = new Map<string, { partition: number; offset: string }>();
  const logged: Array<{
    level: 'info' | 'warn' | 'error';
    message: string;
    fields: Record<string, unknown>;
  }> = [];
  const logger: MessagingLogger = {
    info: (fields, message) => logged.push({ level: 'info', message, fields }),
    warn: (fields, message) => logged.push({ level: 'warn', message, fields }),
    error: (fields, message) => logged.push({ level: 'error', message, fields }),
  };

  async function applyClaims(
    factory: EventFactory,
    events: readonly ReceivedEvent[],
    context: HandlerContext,
  ): Promise<void> {
    const outgoing: OutgoingEvent[] = [];
    const claims = events.filter((event) => isEventOf(event, ClaimsInbound.V1));
    invocations.push(claims.map((event) => event.envelope.data.claimId));
    for (const event of claims) {
      const claim = event.envelope.data;
      const call = (attempts.get(claim.claimId) ?? 0) + 1;
      attempts.set(claim.claimId, call);
      positions.set(claim.claimId, { partition: event.partition, offset: event.offset });
      const script = scripts.get(claim.claimId);
      if (script !== undefined && (await script(event, context, call)) === 'rejected') continue;
      await context.manager.query('INSERT INTO applied (event_id, claim_id) VALUES ($1, $2)', [
        event.envelope.id,
        claim.claimId,
      ]);
      outgoing.push(
        factory.create(ClaimReceived.V1, {
          subject: claim.memberId,
          causedBy: event,
          data: { claim, intakeChannel: 'kafka', receivedAt: new Date().toISOString() },
        }),
      );
    }
    await context.stage(outgoing);
  }

  async function startRuntime(options: { consumer?: boolean } = {}): Promise<RunningRuntime> {
    const registry = new Registry();
    const runtime = new MessagingRuntime({ service: SERVICE, settings, dataSource, registry, logger });
    if (options.consumer !== false) {
      runtime.registerConsumer({
        name: CONSUMER,
        topics: [TOPICS.claimsInbound],
        handle: (events, context) => applyClaims(runtime.events, events, context),
      });
    }
    await runtime.start();
    await runtime.waitForConsumers();
    return { runtime, registry };
  }

  async function stopRuntime(): Promise<void> {
    const current = running;
    running = undefined;
    if (current !== undefined) await current.runtime.stop();
  }

  const claimMessage = (claimId: string, key: string): InboundMessage => {
    const eventId = randomUUID();
    const claim = aValidProfessionalClaim({ claimId, memberId: `M-${claimId}` });
    return { ...inboundClaimMessage(claim, eventId), key, eventId, claimId };
  };

  const produce = (messages: ReadonlyArray<{ key: string; value: string }>): Promise<void> =>
    environment.probe.produce(INBOUND, messages);

  const count = async (sql: string, parameters: unknown[] = []): Promise<number> => {
    const result = await database.query<{ n: number }>(sql, parameters);
    return result.rows[0]?.n ?? 0;
  };

  /** How often each claim with the prefix was applied. */
  const appliedCounts = async (prefix: string): Promise<Record<string, number>> => {
    const result = await database.query<{ claim_id: string; n: number }>(
      'SELECT claim_id, count(*)::int AS n FROM applied WHERE claim_id LIKE $1 GROUP BY claim_id',
      [`${prefix}%`],
    );
    return Object.fromEntries(result.rows.map((row) => [row.claim_id, row.n]));
  };

  const inboxHas = async (eventIds: readonly string[]): Promise<string[]> => {
    const result = await database.query<{ event_id: string }>(
      'SELECT event_id FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])',
      [group, eventIds],
    );
    return result.rows.map((row) => row.event_id);
  };

  /** Waits until the group committed everything on claims-inbound and the outbox is empty. */
  async function settled(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = await environment.probe.groupLag(group, INBOUND);
      const outbox = await count('SELECT count(*)::int AS n FROM outbox');
      if (lag === 0 && outbox === 0) return;
      if (Date.now() > deadline)
        throw new Error(`not settled after ${timeoutMs} ms: lag ${lag}, outbox ${outbox}`);
      await sleep(100);
    }
  }

  const deadLettersWithKey = async (key: string) =>
    (await environment.probe.readAll(INBOUND_DLQ)).filter((message) => message.key === key);

  beforeAll(async () => {
    environment = await createTestEnvironment({ ownBrokers: 1 }); // its broker is stopped and started
    settings = {
      ...loadConfig(MESSAGING_SETTINGS_SPEC, environment.serviceEnv),
      sessionTimeoutMs: 6000,
      relayPollMs: 60_000,
      relayBatchSize: 40,
      shutdownFlushMs: 20_000,
    };
    dataSource = await openMessagingSchema({
      databaseUrl: environment.databaseUrl,
      schema: SCHEMA,
      applicationName: SERVICE,
      poolSize: 6,
    });
    await dataSource.query(
      'CREATE TABLE applied (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, claim_id text NOT NULL)',
    );
    database = new Client({
      connectionString: environment.databaseUrl,
      application_name: 'messaging-it-assertions',
      options: `-c search_path=${SCHEMA}`,
    });
    await database.connect();
    running = await startRuntime();
    group = running.runtime.topics.consumerGroup(SERVICE, CONSUMER);
  });

  afterAll(async () => {
    await stopRuntime();
    await database?.end();
    if (dataSource?.isInitialized) await dataSource.destroy();
    await environment?.dispose();
  });

  describe('idempotent consumer', () => {
    it('dead-letters only the event whose handler throws, and applies every other event of its batch once', async () => {
      const key = 'BATCH-TYPEERROR';
      const messages = Array.from({ length: 8 }, (_, index) => claimMessage(`TE-${index}`, key));
      const bad = messages[3];
      scripts.set(bad.claimId, () => {
        throw new TypeError("Cannot read properties of undefined (reading 'npi')");
      });
      const outgoingBefore = await environment.probe.count(RECEIVED);

      await produce(messages);
      await settled();

      // one fetched batch held all eight events; after it failed, each event was applied on its own
      const seen = invocations.filter((claims) => claims.some((claimId) => claimId.startsWith('TE-')));
      expect(seen[0]).toEqual(messages.map((message) => message.claimId));
      expect(seen.slice(1)).toEqual(messages.map((message) => [message.claimId]));

      const good = messages.filter((message) => message !== bad);
      expect(await appliedCounts('TE-')).toEqual(Object.fromEntries(good.map((m) => [m.claimId, 1])));
      expect((await environment.probe.count(RECEIVED)) - outgoingBefore).toBe(good.length);
      expect((await inboxHas(messages.map((m) => m.eventId))).sort()).toEqual(
        good.map((m) => m.eventId).sort(),
      );

      const deadLetters = await deadLettersWithKey(key);
      expect(deadLetters).toHaveLength(1);
      const [deadLetter] = deadLetters;
      expect(deadLetter?.value).toBe(bad.value);
      expect(deadLetter?.headers).toMatchObject({
        'dlq-error-code': 'handler-failed',
        'dlq-error': "TypeError: Cannot read properties of undefined (reading 'npi')",
        'dlq-source-topic': environment.probe.physical(INBOUND),
        'dlq-source-partition': String(positions.get(bad.claimId)?.partition),
        'dlq-source-offset': positions.get(bad.claimId)?.offset,
        'dlq-consumer-group': group,
      });
      expect(Date.parse(deadLetter?.headers['dlq-failed-at'] ?? '')).not.toBeNaN();
    });

    it('dead-letters a rejected event with its code, commits the rest, and applies it when replayed after a fix', async () => {
      const key = 'BATCH-REJECT';
      const messages = Array.from({ length: 5 }, (_, index) => claimMessage(`RJ-${index}`, key));
      const rejected = messages[2];
      const reason = `claim ${rejected.claimId} version 1 was already received with different content`;
      scripts.set(rejected.claimId, (event, context) => {
        context.reject(event, 'claim-conflict', reason);
        return Promise.resolve('rejected');
      });
      const outgoingBefore = await environment.probe.count(RECEIVED);

      await produce(messages);
      await settled();

      const others = messages.filter((message) => message !== rejected);
      expect(invocations.filter((claims) => claims.some((id) => id.startsWith('RJ-')))).toHaveLength(1);
      expect(await appliedCounts('RJ-')).toEqual(Object.fromEntries(others.map((m) => [m.claimId, 1])));
      expect((await environment.probe.count(RECEIVED)) - outgoingBefore).toBe(others.length);
      expect(await inboxHas([rejected.eventId])).toEqual([]);
      expect((await inboxHas(others.map((m) => m.eventId))).sort()).toEqual(
        others.map((m) => m.eventId).sort(),
      );
      const deadLetters = await deadLettersWithKey(key);
      expect(deadLetters.map((message) => message.headers)).toEqual([
        expect.objectContaining({
          'dlq-error-code': 'claim-conflict',
          'dlq-error': reason,
          'dlq-source-offset': positions.get(rejected.claimId)?.offset,
        }),
      ]);

      // the fix ships; the ops team republishes the dead letter (same event id): it is applied, once
      scripts.delete(rejected.claimId);
      await produce([{ key, value: rejected.value }]);
      await settled();
      expect(await appliedCounts(rejected.claimId)).toEqual({ [rejected.claimId]: 1 });
      expect(await inboxHas([rejected.eventId])).toEqual([rejected.eventId]);
      expect((await environment.probe.count(RECEIVED)) - outgoingBefore).toBe(messages.length);
    });

    it('retries transient failures of one event until they pass, never dead-letters it, and applies its batch once', async () => {
      const key = 'BATCH-TRANSIENT';
      const messages = Array.from({ length: 4 }, (_, index) => claimMessage(`TR-${index}`, key));
      const flaky = messages[1];
      // a dependency error, then real SQLSTATEs raised by the server: serialization failure, deadlock
      scripts.set(flaky.claimId, async (_event, { manager }, call) => {
        if (call === 1) throw new TransientEventError('eligibility cache briefly unavailable');
        if (call === 2)
          await manager.query(
            "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure', MESSAGE = 'could not serialize access'; END $$",
          );
        if (call === 3)
          await manager.query(
            "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'deadlock_detected', MESSAGE = 'deadlock detected'; END $$",
          );
        return 'apply';
      });
      const deadLettersBefore = await environment.probe.count(INBOUND_DLQ);
      const outgoingBefore = await environment.probe.count(RECEIVED);

      await produce(messages);
      await settled();

      expect(attempts.get(flaky.claimId)).toBe(4);
      // the whole batch was retried as one transaction: never split, nothing applied twice
      expect(invocations.filter((claims) => claims.some((id) => id.startsWith('TR-')))).toEqual(
        Array.from({ length: 4 }, () => messages.map((m) => m.claimId)),
      );
      expect(await appliedCounts('TR-')).toEqual(Object.fromEntries(messages.map((m) => [m.claimId, 1])));
      expect((await environment.probe.count(RECEIVED)) - outgoingBefore).toBe(messages.length);
      expect(await environment.probe.count(INBOUND_DLQ)).toBe(deadLettersBefore);
      expect(
        logged
          .filter((entry) => entry.message === 'transient failure; retrying')
          .map((entry) => String(entry.fields['error'])),
      ).toEqual(expect.arrayContaining(['TransientEventError: eligibility cache briefly unavailable']));
    });

    it("retries when the database terminates the runtime's connections mid-batch, applying each event once", async () => {
      const key = 'BATCH-TERMINATED';
      const messages = Array.from({ length: 4 }, (_, index) => claimMessage(`PT-${index}`, key));
      const stalled = messages[0];
      scripts.set(stalled.claimId, async (_event, { manager }, call) => {
        if (call === 1) await manager.query('SELECT pg_sleep(30)');
        return 'apply';
      });
      const deadLettersBefore = await environment.probe.count(INBOUND_DLQ);
      const outgoingBefore = await environment.probe.count(RECEIVED);
      const warningsBefore = logged.length;

      await produce(messages);
      // once the batch's transaction is inside pg_sleep, terminate every connection of the runtime's pool
      const deadline = Date.now() + 20_000;
      while (
        (await count(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = $1 AND query LIKE 'SELECT pg_sleep%' AND state = 'active'`,
          [SERVICE],
        )) === 0
      ) {
        if (Date.now() > deadline) throw new Error('the handler never reached pg_sleep');
        await sleep(25);
      }
      const terminated = await count(
        `SELECT count(*)::int AS n FROM pg_stat_activity, pg_terminate_backend(pid) AS done
         WHERE datname = current_database() AND application_name = $1 AND done`,
        [SERVICE],
      );
      expect(terminated).toBeGreaterThanOrEqual(1);
      await settled();

      expect(attempts.get(stalled.claimId)).toBeGreaterThanOrEqual(2);
      expect(await appliedCounts('PT-')).toEqual(Object.fromEntries(messages.map((m) => [m.claimId, 1])));
      expect((await environment.probe.count(RECEIVED)) - outgoingBefore).toBe(messages.length);
      expect(await environment.probe.count(INBOUND_DLQ)).toBe(deadLettersBefore);
      // the failure the consumer retried was the termination itself
      expect(
        logged
          .slice(warningsBefore)
          .filter((entry) => entry.message === 'transient failure; retrying')
          .map((entry) => String(entry.fields['error']))[0],
      ).toMatch(/terminating connection due to administrator command|Connection terminated/);
    });

    it('applies nothing twice when the group is rewound and the whole topic is delivered again', async () => {
      await settled();
      const before = {
        applied: await count('SELECT count(*)::int AS n FROM applied'),
        inbox: await count('SELECT count(*)::int AS n FROM inbox WHERE consumer_group = $1', [group]),
        outgoing: await environment.probe.count(RECEIVED),
        deadLetters: await environment.probe.count(INBOUND_DLQ),
        inbound: await environment.probe.count(INBOUND),
      };
      const invocationsBefore = invocations.length;
      expect(before.applied).toBeGreaterThan(0);

      await stopRuntime();
      await environment.probe.rewindGroup(group, INBOUND);
      expect(await environment.probe.groupLag(group, INBOUND)).toBe(before.inbound);
      running = await startRuntime();
      await settled(60_000);

      expect(await count('SELECT count(*)::int AS n FROM applied')).toBe(before.applied);
      expect(
        await count(
          'SELECT count(*)::int AS n FROM (SELECT event_id FROM applied GROUP BY event_id HAVING count(*) > 1) d',
        ),
      ).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM inbox WHERE consumer_group = $1', [group])).toBe(
        before.inbox,
      );
      expect(await environment.probe.count(RECEIVED)).toBe(before.outgoing);
      // the one event that still fails (TE-3) was never applied, so it is tried again (and fails again), but it
      // was dead-lettered already at that offset: no second dead letter
      expect((await environment.probe.count(INBOUND_DLQ)) - before.deadLetters).toBe(0);
      expect(invocations.slice(invocationsBefore).flat()).toEqual(['TE-3', 'TE-3']);
    });

    it('applies a fetched batch in transactions of at most KAFKA_MAX_EVENTS_PER_TRANSACTION events, each once', async () => {
      await settled();
      await stopRuntime();
      // Waiting before the consumer starts, on one key (one partition): fetched as one batch of 180.
      const messages = Array.from({ length: 180 }, (_, index) => claimMessage(`TX-${index}`, 'tx-member'));
      await produce(messages);
      const original = settings;
      settings = { ...settings, maxEventsPerTransaction: 50 };
      const invocationsBefore = invocations.length;
      try {
        running = await startRuntime();
        await settled(60_000);
      } finally {
        await stopRuntime();
        settings = original;
        running = await startRuntime();
      }
      const sizes = invocations
        .slice(invocationsBefore)
        .map((claims) => claims.filter((claimId) => claimId.startsWith('TX-')).length)
        .filter((size) => size > 0);
      expect(Math.max(...sizes)).toBe(50);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(180);
      const applied = await appliedCounts('TX-');
      expect(Object.keys(applied)).toHaveLength(180);
      expect(Object.values(applied).every((n) => n === 1)).toBe(true);
    });
  });

  describe('graceful shutdown', () => {
    it('finishes and commits the batch in progress and publishes everything staged before stop() resolves', async () => {
      const current = running;
      if (current === undefined) throw new Error('the previous test leaves a runtime running');
      const key = 'BATCH-SHUTDOWN';
      const messages = Array.from({ length: 5 }, (_, index) => claimMessage(`GS-${index}`, key));
      let entered: () => void = () => undefined;
      const inHandler = new Promise<void>((resolve) => (entered = resolve));
      scripts.set(messages[0].claimId, async (_event, _context, call) => {
        if (call === 1) {
          entered();
          await sleep(1500);
        }
        return 'apply';
      });
      const outgoingBefore = await environment.probe.count(RECEIVED);

      await produce(messages);
      await inHandler;
      // another transaction of the service stages events and does not wake the relay
      const direct = Array.from({ length: 10 }, (_, index) =>
        current.runtime.events.create(ClaimReceived.V1, {
          subject: 'M-SHUTDOWN',
          data: {
            claim: aValidProfessionalClaim({ claimId: `GS-DIRECT-${index}`, memberId: 'M-SHUTDOWN' }),
            intakeChannel: 'http',
            receivedAt: new Date().toISOString(),
          },
        }),
      );
      await dataSource.transaction((manager) => stageEvents(manager, direct));
      await stopRuntime();

      expect(await count('SELECT count(*)::int AS n FROM outbox')).toBe(0);
      expect(await environment.probe.groupLag(group, INBOUND)).toBe(0);
      expect(await appliedCounts('GS-')).toEqual(Object.fromEntries(messages.map((m) => [m.claimId, 1])));
      expect((await environment.probe.count(RECEIVED)) - outgoingBefore).toBe(
        messages.length + direct.length,
      );
      expect(attempts.get(messages[0].claimId)).toBe(1);
    });
  });

  describe('outbox relay', () => {
    it('publishes events of one key in the order they were staged, across transactions and relay rounds', async () => {
      const relayOnly = await startRuntime({ consumer: false });
      const stagedOrder = new Map<string, string[]>([
        ['M-ORDER-A', []],
        ['M-ORDER-B', []],
      ]);
      try {
        // 8 transactions of 25 events for each of two keys, interleaved; the relay publishes 40 rows a round
        for (let transaction = 0; transaction < 8; transaction += 1) {
          const events: OutgoingEvent[] = [];
          for (let index = 0; index < 25; index += 1) {
            for (const [memberId, order] of stagedOrder) {
              const claimId = `${memberId}-${String(transaction * 25 + index).padStart(3, '0')}`;
              order.push(claimId);
              events.push(
                relayOnly.runtime.events.create(ClaimReceived.V1, {
                  subject: memberId,
                  data: {
                    claim: aValidProfessionalClaim({ claimId, memberId }),
                    intakeChannel: 'file',
                    receivedAt: new Date().toISOString(),
                  },
                }),
              );
            }
          }
          await dataSource.transaction((manager) => stageEvents(manager, events));
          relayOnly.runtime.published();
        }
        const deadline = Date.now() + 30_000;
        while ((await count('SELECT count(*)::int AS n FROM outbox')) > 0 && Date.now() < deadline)
          await sleep(50);
      } finally {
        await relayOnly.runtime.stop();
      }

      const published = await environment.probe.readAll(RECEIVED);
      for (const [memberId, order] of stagedOrder) {
        const ofKey = published.filter((message) => message.key === memberId);
        expect(ofKey).toHaveLength(200);
        expect(new Set(ofKey.map((message) => message.partition)).size).toBe(1);
        expect(
          ofKey.map(
            (message) =>
              (JSON.parse(message.value ?? '{}') as { data: { claim: { claimId: string } } }).data.claim
                .claimId,
          ),
        ).toEqual(order);
      }
    });
  });

  describe('dead letters past the broker message size', () => {
    /** Just under the broker's default max.message.bytes (1,048,588): the dead-letter headers push it over. */
    const NEARLY_TOO_LARGE = 1_048_400;

    it('dead-letters a message that no longer fits with its dead-letter headers once, without its value, and goes on', async () => {
      const key = 'BATCH-HUGE';
      const huge = 'x'.repeat(NEARLY_TOO_LARGE); // not JSON: dead-lettered as unparseable
      const after = claimMessage('HG-0', key);
      running ??= await startRuntime(); // the tests before leave it stopped
      await produce([{ key, value: huge }]);
      await produce([after]);
      await settled();

      const deadLetters = await deadLettersWithKey(key);
      expect(deadLetters).toHaveLength(1);
      expect(deadLetters[0]?.value).toBeNull();
      expect(deadLetters[0]?.headers).toMatchObject({
        'dlq-error-code': 'unparseable',
        'dlq-source-offset': expect.stringMatching(/^\d+$/),
      });
      expect(Number(deadLetters[0]?.headers['dlq-value-omitted'])).toBeGreaterThan(NEARLY_TOO_LARGE);
      // the partition did not stop behind it
      expect(await appliedCounts('HG-')).toEqual({ 'HG-0': 1 });
    });

    it('splits the dead letters of one fetched batch that add up past the broker limit into sends that fit', async () => {
      const key = 'BATCH-HEAVY';
      // Produced while no consumer runs, so that one fetch (up to 4 MB a partition) takes all four at once.
      await stopRuntime();
      const heavy = Array.from({ length: 4 }, (_, index) => `${index}${'y'.repeat(400_000)}`);
      for (const value of heavy) await produce([{ key, value }]);
      const after = claimMessage('HV-0', key);
      await produce([after]);
      running = await startRuntime();
      await settled();

      const deadLetters = await deadLettersWithKey(key);
      // each once, each whole: 1.6 MB in one send would be refused by the broker (MESSAGE_TOO_LARGE) for ever
      expect(deadLetters.map((message) => message.value)).toEqual(heavy);
      expect(new Set(deadLetters.map((message) => message.headers['dlq-source-offset'])).size).toBe(4);
      expect(await appliedCounts('HV-')).toEqual({ 'HV-0': 1 });
    });
  });

  describe('readiness of a consumer that does not advance', () => {
    it('fails readiness naming the group and partition while one batch is retried past READY_MAX_STALLED_SECONDS, with the real lag', async () => {
      await stopRuntime();
      const original = settings;
      settings = { ...settings, readyMaxStalledSeconds: 1 };
      let released = false;
      try {
        running = await startRuntime();
        const { runtime, registry } = running;
        const key = 'BATCH-STALLED';
        const messages = Array.from({ length: 3 }, (_, index) => claimMessage(`ST-${index}`, key));
        scripts.set(messages[0].claimId, () => {
          if (!released) throw new TransientEventError('claims history service unavailable');
          return Promise.resolve('apply');
        });
        await runtime.checkConsumerLag(); // ready before

        await produce(messages);
        let failure: unknown;
        const deadline = Date.now() + 20_000;
        while (failure === undefined && Date.now() < deadline) {
          await sleep(200);
          failure = await runtime.checkConsumerLag().then(
            () => undefined,
            (error: unknown) => error,
          );
        }
        const partition = positions.get(messages[0].claimId)?.partition;
        expect(String(failure)).toMatch(
          new RegExp(
            `consumer group ${group} has not committed \\S*${INBOUND} partition ${partition} for \\d+ s ` +
              'with 3 message\\(s\\) waiting \\(READY_MAX_STALLED_SECONDS=1\\)',
          ),
        );
        const lag = sample(await registry.metrics(), 'care_consumer_lag_messages', {
          topic: INBOUND,
          group,
          partition: String(partition),
        });
        expect(lag).toBeGreaterThanOrEqual(3);

        released = true;
        await settled();
        await expect(runtime.checkConsumerLag()).resolves.toEqual(expect.any(Object));
        expect(await appliedCounts('ST-')).toEqual({ 'ST-0': 1, 'ST-1': 1, 'ST-2': 1 });
      } finally {
        released = true;
        await stopRuntime();
        settings = original;
      }
    });
  });

  describe('metrics', () => {
    it('counts consumed and dead-lettered messages by code, and reports zero lag once caught up', async () => {
      running = await startRuntime();
      const { registry } = running;
      // counts start from here, whatever earlier tests left for this group to read
      await settled();
      registry.resetMetrics();
      const key = 'BATCH-METRICS';
      const messages = Array.from({ length: 7 }, (_, index) => claimMessage(`MX-${index}`, key));
      scripts.set(messages[5].claimId, (event, context) => {
        context.reject(event, 'claim-conflict', 'different content');
        return Promise.resolve('rejected');
      });
      scripts.set(messages[6].claimId, () => {
        throw new TypeError('x is not a function');
      });

      await produce([...messages, { key, value: 'this is not json' }]);
      await settled();

      const exposition = await registry.metrics();
      const partition = String(positions.get(messages[0].claimId)?.partition);
      const labels = { topic: INBOUND, group };
      expect(sample(exposition, 'care_messages_consumed_total', labels)).toBe(8);
      expect(
        sample(exposition, 'care_messages_dead_lettered_total', { ...labels, code: 'unparseable' }),
      ).toBe(1);
      expect(
        sample(exposition, 'care_messages_dead_lettered_total', { ...labels, code: 'claim-conflict' }),
      ).toBe(1);
      expect(
        sample(exposition, 'care_messages_dead_lettered_total', { ...labels, code: 'handler-failed' }),
      ).toBe(1);
      expect(sample(exposition, 'care_consumer_lag_messages', { ...labels, partition })).toBe(0);
      expect(sample(exposition, 'care_messages_produced_total', { topic: RECEIVED })).toBe(5);
      expect(sample(exposition, 'care_messages_duplicate_total', labels)).toBeUndefined();
    });
  });
  describe('start and stop while the broker is unreachable', () => {
    // this file's own Apache Kafka node, or the mock through KAFKA_TEST_CONTROL; not an external cluster
    const canStopBrokers =
      process.env['TEST_KAFKA_KIND'] === 'apache-kafka' || process.env['KAFKA_TEST_CONTROL'] !== undefined;
    const withFaults = canStopBrokers ? it : it.skip;
    const setAllBrokers = async (up: boolean): Promise<void> => {
      await (up ? environment.faults.setBrokerUp(-1) : environment.faults.setBrokerDown(-1));
    };

    withFaults('never lets a consumer that was still connecting at stop() consume afterwards', async () => {
      await stopRuntime();
      const message = claimMessage('ZB-0', 'BATCH-ZOMBIE');
      await setAllBrokers(false);
      try {
        const stopped = new MessagingRuntime({
          service: SERVICE,
          settings,
          dataSource,
          registry: new Registry(),
          logger,
        });
        stopped.registerConsumer({
          name: CONSUMER,
          topics: [TOPICS.claimsInbound],
          handle: (events, context) => applyClaims(stopped.events, events, context),
        });
        await stopped.start(); // the producer gives up connecting; the consumer keeps trying in the background
        await stopped.stop();
      } finally {
        await setAllBrokers(true);
      }
      await produce([message]);
      // long enough for a consumer still retrying its connection to connect, join the group and fetch
      await sleep(12_000);
      expect(attempts.get(message.claimId)).toBeUndefined();

      // the message waits for the next instance
      running = await startRuntime();
      await settled();
      expect(await appliedCounts(message.claimId)).toEqual({ [message.claimId]: 1 });
    });
  });
});

/** The value of one sample of the Prometheus text exposition, matched on exactly these labels. */
function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [
        pair[1],
        pair[2],
      ]),
    );
    const wanted = Object.entries(labels);
    if (
      wanted.length === Object.keys(found).length &&
      wanted.every(([label, value]) => found[label] === value)
    )
      return Number(match[3]);
  }
  return undefined;
}

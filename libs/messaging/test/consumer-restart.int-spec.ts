import { TOPICS } from '@care/contracts';
import { loadConfig } from '@care/config';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { MESSAGING_SETTINGS_SPEC, MessagingRuntime, sleep, type MessagingLogger } from '../src';
import { openMessagingSchema } from './support/messaging-schema';

const SERVICE = 'restart-it';
const SCHEMA = 'restart_it';

/**
 * A consumer that kafkajs gives up on (a crash it does not restart by itself) is restarted in the process with
 * backoff, and once it has stayed down past LIVE_MAX_CONSUMER_DOWN_SECONDS liveness fails, so the supervisor restarts
 * the process: never a stopped consumer behind a live process. The crash is real: the broker refuses the group's
 * session timeout (1 s, under its group.min.session.timeout.ms of 6 s) with INVALID_SESSION_TIMEOUT, which kafkajs
 * does not retry.
 */
describe('a consumer that crashes for good', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;
  const logged: Array<{ level: string; message: string }> = [];
  const logger: MessagingLogger = {
    info: (_fields, message) => logged.push({ level: 'info', message }),
    warn: (_fields, message) => logged.push({ level: 'warn', message }),
    error: (_fields, message) => logged.push({ level: 'error', message }),
  };

  beforeAll(async () => {
    environment = await createTestEnvironment();
    dataSource = await openMessagingSchema({
      databaseUrl: environment.databaseUrl,
      schema: SCHEMA,
      applicationName: SERVICE,
      poolSize: 2,
    });
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await environment?.dispose();
  });

  it('is restarted in process with backoff, then fails liveness, and stops restarting once the runtime stops', async () => {
    const settings = {
      ...loadConfig(MESSAGING_SETTINGS_SPEC, environment.serviceEnv),
      sessionTimeoutMs: 1000,
      liveMaxConsumerDownSeconds: 2,
    };
    const registry = new Registry();
    const runtime = new MessagingRuntime({ service: SERVICE, settings, dataSource, registry, logger });
    runtime.registerConsumer({
      name: 'doomed',
      topics: [TOPICS.claimsInbound],
      handle: () => Promise.resolve(),
    });
    const group = runtime.topics.consumerGroup(SERVICE, 'doomed');
    const restarts = async (): Promise<number> => {
      const metric = (await registry.getMetricsAsJSON()).find(
        (entry) => entry.name === 'care_consumer_restarts_total',
      );
      const values = (metric?.values ?? []) as Array<{ labels: Record<string, string>; value: number }>;
      return values.find((value) => value.labels['group'] === group)?.value ?? 0;
    };
    await runtime.start();
    try {
      const deadline = Date.now() + 30_000;
      while ((await restarts()) < 2 && Date.now() < deadline) await sleep(200);
      expect(await restarts()).toBeGreaterThanOrEqual(2);
      expect(runtime.health().consumers[group]).toBe(false);
      while (runtime.consumersDownTooLong() === undefined && Date.now() < deadline) await sleep(200);
      expect(runtime.consumersDownTooLong()).toBe(`consumers down for more than 2 s: ${group}`);
      expect(
        logged.filter((entry) => entry.message === 'restarting a crashed consumer').length,
      ).toBeGreaterThanOrEqual(2);
    } finally {
      await runtime.stop();
    }
    const afterStop = await restarts();
    await sleep(3000); // longer than the backoff reached so far
    expect(await restarts()).toBe(afterStop);
  });
});

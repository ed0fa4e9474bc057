import { provisioningPlan } from '@care/contracts';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

import { startStackKafka } from './platform-stack';

jest.setTimeout(120_000);

/**
 * The stack on an external cluster (`KAFKA_BROKERS`), here the run's broker with a topic prefix no one has
 * used, i.e. a fresh cluster as far as the stack can tell. Before, the stack provisioned nothing there and
 * claims-intake retried "This server does not host this topic-partition" until the stack gave up after 120 s.
 * Real Kafka only: the librdkafka mock cannot create topics through the admin API.
 */
const kind = process.env['TEST_KAFKA_KIND'];
const realKafka = kind !== undefined && kind !== 'local-mock';
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter((broker) => broker !== '');
const runId = `${process.pid}-${Date.now()}`;
const plan = provisioningPlan();

(realKafka ? describe : describe.skip)('the stack on an external cluster (real Kafka only)', () => {
  let admin: Admin;
  const prefixes: string[] = [];
  const freshPrefix = (label: string): string => {
    const prefix = `stack-it-${label}-${runId}.`;
    prefixes.push(prefix);
    return prefix;
  };
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
  };
  const unused = join(tmpdir(), 'stack-kafka-it-unused');

  beforeAll(async () => {
    admin = new Kafka({ clientId: 'stack-kafka-it', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    const ours = (await admin.listTopics()).filter((topic) =>
      prefixes.some((prefix) => topic.startsWith(prefix)),
    );
    if (ours.length > 0) await admin.deleteTopics({ topics: ours }).catch(() => undefined);
    await admin.disconnect();
  });

  it('provisions the whole catalog on a fresh cluster, and finds it all there on the next start', async () => {
    const prefix = freshPrefix('fresh');
    const env = { KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix };

    const first = await startStackKafka(unused, log, env);
    expect(first.brokers).toEqual(brokers);
    expect(first.idempotent).toBe(true);
    expect(lines).toContain(`topics on KAFKA_BROKERS: ${plan.length} created, 0 already there`);
    const present = new Set((await admin.listTopics()).filter((topic) => topic.startsWith(prefix)));
    expect([...present].sort()).toEqual(plan.map((topic) => `${prefix}${topic.name}`).sort());
    // Every partition has a leader that serves, so a service's first produce does not meet an unknown
    // topic-partition.
    const { topics } = await admin.fetchTopicMetadata({ topics: [...present] });
    expect(topics.flatMap((topic) => topic.partitions).every((partition) => partition.leader >= 0)).toBe(
      true,
    );
    await first.stop();

    lines.length = 0;
    await startStackKafka(unused, log, env);
    expect(lines).toContain(`topics on KAFKA_BROKERS: 0 created, ${plan.length} already there`);
  });

  it('with KAFKA_PROVISION_TOPICS=false, stops at once naming every missing topic and creates none', async () => {
    const prefix = freshPrefix('noprovision');
    const env = {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PROVISION_TOPICS: 'false',
    };
    const started = Date.now();
    const failure = await startStackKafka(unused, log, env).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain(`lacks ${plan.length} catalog topic(s)`);
    for (const topic of plan) expect(message).toContain(`${prefix}${topic.name}`);
    expect((await admin.listTopics()).filter((topic) => topic.startsWith(prefix))).toEqual([]);

    // Once the topics are there (an operator provisioned them), the same start-up goes on.
    await startStackKafka(unused, log, { ...env, KAFKA_PROVISION_TOPICS: 'true' });
    await expect(startStackKafka(unused, log, env)).resolves.toMatchObject({ brokers });
  });
});

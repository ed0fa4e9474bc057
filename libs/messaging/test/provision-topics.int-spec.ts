/**
 * provisionTopics against a real Kafka cluster: creates the catalog's topics with their partitions and
 * retention, leaves existing topics alone (warning about partition mismatches), and is safe to run twice
 * or concurrently.
 *
 * Runs on every real Kafka (the integration tier's default Apache Kafka, `KAFKA_BROKERS`, testcontainers);
 * SKIPPED on the librdkafka mock (`TEST_KAFKA=local-mock`), which does not support the CreateTopics admin API
 * (infra/kafka-mock/README.md).
 */
import { provisioningPlan } from '@care/contracts';
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';

import { provisionTopics } from '../src/kafka/provision-topics';

jest.setTimeout(120_000);

const kind = process.env['TEST_KAFKA_KIND'];
// Every kind but the librdkafka mock is Apache Kafka (or a compatible broker given through KAFKA_BROKERS).
const realKafka = kind !== undefined && kind !== 'local-mock';
const brokers = (process.env['KAFKA_BROKERS'] ?? '')
  .split(',')
  .map((broker) => broker.trim())
  .filter((broker) => broker !== '');
const plan = provisioningPlan();
const runId = `${process.pid}-${Date.now()}`;

(realKafka ? describe : describe.skip)('provisionTopics (real Kafka only)', () => {
  let admin: Admin;
  const prefixes: string[] = [];
  const newPrefix = (label: string): string => {
    const prefix = `provision-it-${label}-${runId}.`;
    prefixes.push(prefix);
    return prefix;
  };

  beforeAll(async () => {
    admin = new Kafka({ clientId: 'provision-topics-it', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    const ours = (await admin.listTopics()).filter((topic) =>
      prefixes.some((prefix) => topic.startsWith(prefix)),
    );
    if (ours.length > 0) await admin.deleteTopics({ topics: ours }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates every catalog topic and dead-letter topic with its partitions and retention, then finds them all', async () => {
    const prefix = newPrefix('fresh');
    const first = await provisionTopics({ brokers, prefix });
    expect(first.created).toEqual(plan.map((topic) => `${prefix}${topic.name}`));
    expect(first.existing).toEqual([]);

    const { topics } = await admin.fetchTopicMetadata({ topics: first.created });
    const partitionsByName = new Map(topics.map((topic) => [topic.name, topic.partitions]));
    for (const topic of plan) {
      const partitions = partitionsByName.get(`${prefix}${topic.name}`) ?? [];
      expect({ topic: topic.name, partitions: partitions.length }).toEqual({
        topic: topic.name,
        partitions: topic.partitions,
      });
      expect(partitions.every((partition) => partition.leader >= 0)).toBe(true);
    }

    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: plan.map((topic) => ({
        type: ConfigResourceTypes.TOPIC,
        name: `${prefix}${topic.name}`,
        configNames: ['retention.ms'],
      })),
    });
    const retention = new Map(
      described.resources.map((resource) => [
        resource.resourceName,
        resource.configEntries.find((entry) => entry.configName === 'retention.ms')?.configValue,
      ]),
    );
    for (const topic of plan) expect(retention.get(`${prefix}${topic.name}`)).toBe(String(topic.retentionMs));

    const lines: string[] = [];
    const second = await provisionTopics({ brokers, prefix, logger: (line) => lines.push(line) });
    expect(second.created).toEqual([]);
    expect(second.existing).toEqual(first.created);
    expect(lines.filter((line) => line.startsWith('WARNING'))).toEqual([]);
  });

  it('leaves an existing topic with another partition count as it is and warns about it', async () => {
    const prefix = newPrefix('mismatch');
    const [source] = plan;
    if (!source) throw new Error('empty provisioning plan');
    const name = `${prefix}${source.name}`;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: 2 }] });

    const lines: string[] = [];
    const result = await provisionTopics({ brokers, prefix, logger: (line) => lines.push(line) });

    expect(result.existing).toEqual([name]);
    expect(result.created).toHaveLength(plan.length - 1);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^WARNING: ${escape(name)} has 2 partitions`)),
    );
    const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
    expect(topics[0]?.partitions).toHaveLength(2);
  });

  it('creates each topic exactly once when two provisioners race', async () => {
    const prefix = newPrefix('race');
    const [a, b] = await Promise.all([
      provisionTopics({ brokers, prefix }),
      provisionTopics({ brokers, prefix }),
    ]);
    const all = plan.map((topic) => `${prefix}${topic.name}`);
    expect([...a.created, ...b.created].sort()).toEqual([...all].sort());
    expect([...a.created, ...a.existing].sort()).toEqual([...all].sort());
    expect([...b.created, ...b.existing].sort()).toEqual([...all].sort());
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

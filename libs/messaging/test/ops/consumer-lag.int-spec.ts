import { TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { Kafka, logLevel } from 'kafkajs';
import { measureConsumerLag, OpsConnection, type PartitionLag } from '../../src';

const INBOUND = TOPICS.claimsInbound.name;

/** `measureConsumerLag` against the run's real broker: committed offsets of a stopped group, then caught up. */
describe('consumer lag', () => {
  let environment: TestEnvironment;
  let connection: OpsConnection;
  let kafka: Kafka;
  let group: string;
  let physical: string;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    connection = await OpsConnection.connect({ brokers: environment.brokers, prefix: environment.prefix });
    kafka = new Kafka({ clientId: 'lag-spec', brokers: environment.brokers, logLevel: logLevel.NOTHING });
    // the conventional name of claims-intake's consumer, so it is found with or without the ListGroups API
    group = `${environment.prefix}claims-intake.claims-inbound`;
    physical = environment.probe.physical(INBOUND);
  });

  afterAll(async () => {
    await connection.disconnect();
    await environment.dispose();
  });

  const rowsOf = (partitions: readonly PartitionLag[]): PartitionLag[] =>
    partitions.filter((row) => row.group === group && row.topic === INBOUND);

  it('reports the exact lag per partition, and the time lag from message timestamps, for a stopped group', async () => {
    await environment.probe.rewindGroup(group, INBOUND); // the group exists, committed at the start, and is stopped
    const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
    await producer.connect();
    const t0 = Date.now() - 60_000;
    // 7 messages on partition 0 written over 9 s (broker CreateTime), 3 on partition 1, none on partition 2
    await producer.send({
      topic: physical,
      acks: -1,
      messages: [
        ...Array.from({ length: 7 }, (_, i) => ({
          partition: 0,
          value: `p0-${i}`,
          timestamp: String(t0 + i * 1500),
        })),
        ...Array.from({ length: 3 }, (_, i) => ({
          partition: 1,
          value: `p1-${i}`,
          timestamp: String(t0 + i * 1000),
        })),
      ],
    });
    await producer.disconnect();

    const report = await measureConsumerLag(connection, { timeLag: true });

    expect(report.groups).toContain(group);
    const rows = rowsOf(report.partitions);
    expect(rows.map((row) => [row.partition, row.committed, row.endOffset, row.lag])).toEqual([
      [0, '0', '7', 7],
      [1, '0', '3', 3],
      [2, '0', '0', 0],
    ]);
    expect(rows.map((row) => row.timeLagMs)).toEqual([9000, 2000, 0]);
    // worst first across the whole report
    const timeLags = report.partitions.map((row) => row.timeLagMs ?? 0);
    expect(timeLags).toEqual([...timeLags].sort((a, b) => b - a));
  });

  it('reports zero lag once the group has caught up', async () => {
    const consumer = kafka.consumer({
      groupId: group,
      maxWaitTimeInMs: 50,
      sessionTimeout: 6000,
      heartbeatInterval: 500,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: physical, fromBeginning: true });
    let consumed = 0;
    await consumer.run({
      eachMessage: async () => {
        consumed += 1;
        await Promise.resolve();
      },
    });
    const deadline = Date.now() + 30_000;
    while ((await environment.probe.groupLag(group, INBOUND)) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await consumer.disconnect();

    const rows = rowsOf((await measureConsumerLag(connection)).partitions);

    expect(consumed).toBe(10);
    expect(rows.map((row) => [row.partition, row.committed, row.lag, row.timeLagMs])).toEqual([
      [0, '7', 0, 0],
      [1, '3', 0, 0],
      [2, '0', 0, 0],
    ]);
  });

  it('reports a group named explicitly even when nothing discovers it', async () => {
    const other = `${environment.prefix}ad-hoc.reader`;
    await environment.probe.rewindGroup(other, INBOUND);

    const report = await measureConsumerLag(connection, { groups: [other] });

    expect(report.partitions.filter((row) => row.group === other).map((row) => row.lag)).toEqual(
      expect.arrayContaining([7, 3, 0]),
    );
  });

  it('reports every group the catalog declares on every topic it declares, and says which committed nothing', async () => {
    const started = Date.now();
    const report = await measureConsumerLag(connection);
    const elapsed = Date.now() - started;
    const casework = `${environment.prefix}casework.task-inputs`;
    expect(report.groups).toEqual(
      expect.arrayContaining([
        casework,
        `${environment.prefix}care-gaps.gap-inputs`,
        `${environment.prefix}condition-identification.evidence`,
        `${environment.prefix}survey-trigger.members`,
        `${environment.prefix}survey-trigger.visits`,
        `${environment.prefix}behavioral-screening.members`,
      ]),
    );
    expect(report.committedNothing).toContain(casework);
    expect(report.committedNothing).not.toContain(group);
    const caseworkTopics = [
      ...new Set(report.partitions.filter((row) => row.group === casework).map((row) => row.topic)),
    ];
    expect(caseworkTopics.sort()).toEqual([
      'care-gap-closed',
      'care-gap-detected',
      'member-eligibility-changed',
      'member-identification-retracted',
      'member-identified',
      'screening-completed',
      'screening-safety-signal',
    ]);
    expect(
      report.partitions.filter((row) => row.group === casework).every((row) => row.committed === null),
    ).toBe(true);
    // Never a committed offset past the end shown, and no time lag read unless asked for.
    for (const row of report.partitions) {
      if (row.committed !== null) expect(BigInt(row.committed) <= BigInt(row.endOffset)).toBe(true);
      if (row.lag > 0) expect(row.timeLagMs).toBeNull();
    }
    process.stdout.write(`consumer lag without time lag: ${report.groups.length} groups in ${elapsed} ms\n`);
  });
});

import type { ConsumerLagReport, TopicReportRow } from '@care/messaging';
import type { OpsHistoryPoint, OpsSample } from './ops-sampler';
import { lagView, topicsView } from './ops-views';

const topicRow = (
  topic: string,
  endOffset: number,
  kind: TopicReportRow['kind'] = 'catalog',
): TopicReportRow => ({
  topic,
  physical: topic,
  kind,
  present: true,
  partitions: 3,
  expectedPartitions: 3,
  endOffset,
  messagesPerSecond: 0,
});
const lagReport = (
  rows: Array<[group: string, topic: string, partition: number, lag: number]>,
): ConsumerLagReport => ({
  discovery: 'list-groups',
  groups: [...new Set(rows.map(([group]) => group)), 'idle-group'],
  committedNothing: ['idle-group'],
  partitions: rows.map(([group, topic, partition, lag]) => ({
    group,
    topic,
    partition,
    committed: '0',
    endOffset: String(lag),
    lag,
    timeLagMs: null,
  })),
});
const point = (
  at: number,
  ends: Record<string, number>,
  lags: Record<string, number> = {},
): OpsHistoryPoint => ({
  at,
  endOffsets: new Map(Object.entries(ends)),
  lagByGroup: new Map(Object.entries(lags)),
});

describe('ops topics view', () => {
  const sample: OpsSample = {
    at: 20_000,
    topics: [
      topicRow('claims-inbound', 130),
      topicRow('claims-inbound.dlq', 2, 'dead-letter'),
      topicRow('ops.audit', 1, 'ops'),
    ],
    lag: lagReport([]),
  };

  it('has no rate before a second sample', () => {
    const view = topicsView(sample, [point(20_000, { 'claims-inbound': 130 })], 15_000);

    expect(view.rateWindowSeconds).toBeNull();
    expect(view.topics.map((row) => row.messagesPerSecond)).toEqual([null, null, null]);
  });

  it('rates a topic by the growth of its end offset between the two latest samples', () => {
    const history = [
      point(0, { 'claims-inbound': 0 }),
      point(10_000, { 'claims-inbound': 30, 'claims-inbound.dlq': 2, 'ops.audit': 1 }),
      point(20_000, { 'claims-inbound': 130, 'claims-inbound.dlq': 2, 'ops.audit': 1 }),
    ];

    const view = topicsView(sample, history, 15_000);

    expect(view.rateWindowSeconds).toBe(10);
    expect(view.topics.find((row) => row.topic === 'claims-inbound')?.messagesPerSecond).toBe(10);
    expect(view.topics.find((row) => row.topic === 'claims-inbound.dlq')?.messagesPerSecond).toBe(0);
  });

  it("gives a catalog topic its dead-letter topic's count, and no count to other topics", () => {
    const view = topicsView(sample, [point(20_000, {})], 15_000);

    expect(view.topics.map((row) => [row.topic, row.deadLetters])).toEqual([
      ['claims-inbound', 2],
      ['claims-inbound.dlq', null],
      ['ops.audit', null],
    ]);
  });

  it('never shows a negative rate (a topic recreated with lower offsets)', () => {
    const view = topicsView(sample, [point(10_000, { 'claims-inbound': 500 }), point(20_000, {})], 15_000);

    expect(view.topics[0]?.messagesPerSecond).toBe(0);
  });
});

describe('ops lag view', () => {
  const sample: OpsSample = {
    at: 30_000,
    topics: [],
    lag: lagReport([
      ['intake', 'claims-inbound', 0, 4],
      ['intake', 'claims-inbound', 1, 6],
      ['gaps', 'claim-received', 0, 0],
    ]),
  };

  it("sums each group's lag over its partitions, worst first, with groups that committed nothing at 0", () => {
    const view = lagView(sample, [], 15_000);

    expect(view.groups).toEqual([
      { group: 'intake', lag: 10 },
      { group: 'gaps', lag: 0 },
      { group: 'idle-group', lag: 0 },
    ]);
    expect(view.committedNothing).toEqual(['idle-group']);
  });

  it('lists only the partitions that lag', () => {
    const view = lagView(sample, [], 15_000);

    expect(view.lagging.map((row) => [row.group, row.partition, row.lag])).toEqual([
      ['intake', 0, 4],
      ['intake', 1, 6],
    ]);
  });

  it('gives the history oldest first with each group total lag per sample', () => {
    const view = lagView(
      sample,
      [point(0, {}, { intake: 2 }), point(15_000, {}, { intake: 10, gaps: 0 })],
      15_000,
    );

    expect(view.history).toEqual([
      { at: new Date(0).toISOString(), lags: { intake: 2 } },
      { at: new Date(15_000).toISOString(), lags: { intake: 10, gaps: 0 } },
    ]);
  });
});

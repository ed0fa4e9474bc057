import { deadLetterTopicOf } from '@care/contracts';
import type { PartitionLag, TopicKind } from '@care/messaging';
import type { OpsHistoryPoint, OpsSample } from './ops-sampler';

/** A topic as the ops page lists it (care-ops `topics`), with its rate over the last two samples. */
export interface TopicView {
  readonly topic: string;
  readonly kind: TopicKind;
  readonly present: boolean;
  readonly partitions: number;
  readonly expectedPartitions: number | null;
  readonly endOffset: number;
  /** Messages written per second between the two latest samples; null until there are two. */
  readonly messagesPerSecond: number | null;
  /** For a catalog topic, its dead-letter topic's end offset (dead letters ever written). */
  readonly deadLetters: number | null;
}

export interface TopicsView {
  readonly sampledAt: string;
  readonly intervalSeconds: number;
  /** Seconds between the two samples the rates come from; null until there are two. */
  readonly rateWindowSeconds: number | null;
  readonly topics: readonly TopicView[];
}

/** Topics with partitions, end offsets and rates from the latest sample and the one before it. */
export function topicsView(
  sample: OpsSample,
  history: readonly OpsHistoryPoint[],
  intervalMs: number,
): TopicsView {
  const latest = history.at(-1);
  const previous = history.at(-2);
  const seconds =
    latest !== undefined && previous !== undefined && latest.at === sample.at
      ? (latest.at - previous.at) / 1000
      : null;
  const ends = new Map(sample.topics.map((row) => [row.topic, row.endOffset]));
  return {
    sampledAt: new Date(sample.at).toISOString(),
    intervalSeconds: intervalMs / 1000,
    rateWindowSeconds: seconds,
    topics: sample.topics.map((row) => {
      const before = previous?.endOffsets.get(row.topic);
      return {
        topic: row.topic,
        kind: row.kind,
        present: row.present,
        partitions: row.partitions,
        expectedPartitions: row.expectedPartitions,
        endOffset: row.endOffset,
        messagesPerSecond:
          seconds === null || seconds <= 0 || before === undefined
            ? null
            : Math.round((Math.max(0, row.endOffset - before) / seconds) * 10) / 10,
        deadLetters: row.kind === 'catalog' ? (ends.get(deadLetterTopicOf(row.topic)) ?? 0) : null,
      };
    }),
  };
}

export interface LagView {
  readonly sampledAt: string;
  readonly intervalSeconds: number;
  readonly discovery: string;
  readonly committedNothing: readonly string[];
  /** Each group's total lag now, worst first. */
  readonly groups: ReadonlyArray<{ readonly group: string; readonly lag: number }>;
  /** The partitions that lag now, worst first (at most 200). */
  readonly lagging: readonly PartitionLag[];
  /** Each group's total lag per sample, oldest first. */
  readonly history: ReadonlyArray<{ readonly at: string; readonly lags: Record<string, number> }>;
}

const MAX_LAGGING_ROWS = 200;

/** Consumer lag per group now and over the samples kept. */
export function lagView(sample: OpsSample, history: readonly OpsHistoryPoint[], intervalMs: number): LagView {
  const totals = new Map<string, number>(sample.lag.groups.map((group) => [group, 0]));
  for (const row of sample.lag.partitions) totals.set(row.group, (totals.get(row.group) ?? 0) + row.lag);
  return {
    sampledAt: new Date(sample.at).toISOString(),
    intervalSeconds: intervalMs / 1000,
    discovery: sample.lag.discovery,
    committedNothing: sample.lag.committedNothing,
    groups: [...totals]
      .map(([group, lag]) => ({ group, lag }))
      .sort((a, b) => b.lag - a.lag || a.group.localeCompare(b.group)),
    lagging: sample.lag.partitions.filter((row) => row.lag > 0).slice(0, MAX_LAGGING_ROWS),
    history: history.map((point) => ({
      at: new Date(point.at).toISOString(),
      lags: Object.fromEntries(point.lagByGroup),
    })),
  };
}

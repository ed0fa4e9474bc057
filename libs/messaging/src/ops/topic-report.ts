import { ALL_TOPICS, deadLetterTopicOf } from '@care/contracts';
import { OPS_AUDIT_TOPIC, OPS_REPLAY_LEDGER_TOPIC, type OpsConnection } from './ops-connection';

/** How the catalog knows a topic: a catalog topic, its dead-letter topic, an ops-tool topic, or not at all. */
export type TopicKind = 'catalog' | 'dead-letter' | 'ops' | 'unknown';

export interface TopicReportRow {
  /** Name without the environment prefix. */
  readonly topic: string;
  readonly physical: string;
  readonly kind: TopicKind;
  /** False for a catalog topic the broker does not hold. */
  readonly present: boolean;
  readonly partitions: number;
  /** Catalog partition count, for catalog and dead-letter topics. */
  readonly expectedPartitions: number | null;
  /** Sum of the partitions' high watermarks: messages ever written. */
  readonly endOffset: number;
  /** Messages written per second during the sample. */
  readonly messagesPerSecond: number;
}

export interface TopicReportOptions {
  /** How long to sample end offsets for the rate; default 2000 ms. */
  readonly sampleMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Every catalog topic and dead-letter topic of the environment with its partitions, end offset and write rate
 * over a short sample, followed by the environment's topics the catalog does not know (kind `unknown`).
 */
export async function reportTopics(
  connection: OpsConnection,
  options: TopicReportOptions = {},
): Promise<TopicReportRow[]> {
  const { names } = connection;
  const sampleMs = options.sampleMs ?? 2000;
  const onBroker = new Set(
    (await connection.admin.listTopics()).filter(
      (topic) => !topic.startsWith('__') && (names.prefix === '' || topic.startsWith(names.prefix)),
    ),
  );
  const known = new Map<string, { kind: TopicKind; partitions: number | null }>();
  for (const topic of ALL_TOPICS) {
    known.set(topic.name, { kind: 'catalog', partitions: topic.partitions });
    known.set(deadLetterTopicOf(topic.name), { kind: 'dead-letter', partitions: topic.partitions });
  }
  known.set(OPS_REPLAY_LEDGER_TOPIC, { kind: 'ops', partitions: null });
  known.set(OPS_AUDIT_TOPIC, { kind: 'ops', partitions: null });
  const unknown = [...onBroker]
    .map((physical) => names.logical(physical))
    .filter((topic) => !known.has(topic));
  const rows = [
    ...[...known].map(([topic, entry]) => ({ topic, ...entry })),
    ...unknown.sort().map((topic) => ({ topic, kind: 'unknown' as const, partitions: null })),
  ].filter((row) => row.kind !== 'ops' || onBroker.has(names.physical(row.topic)));

  const present = rows.map((row) => names.physical(row.topic)).filter((physical) => onBroker.has(physical));
  const total = present.length * 2;
  let done = 0;
  const endOffsets = async (): Promise<Map<string, { partitions: number; end: number }>> => {
    const result = new Map<string, { partitions: number; end: number }>();
    for (const physical of present) {
      const offsets = await connection.topicOffsets(physical);
      result.set(physical, {
        partitions: offsets.length,
        end: offsets.reduce((sum, partition) => sum + Number(partition.high), 0),
      });
      done += 1;
      options.onProgress?.(done, total);
    }
    return result;
  };
  const started = Date.now();
  const first = await endOffsets();
  const wait = sampleMs - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const elapsedMs = Math.max(1, Date.now() - started);
  const second = await endOffsets();

  return rows.map((row): TopicReportRow => {
    const physical = names.physical(row.topic);
    const before = first.get(physical);
    const after = second.get(physical);
    return {
      topic: row.topic,
      physical,
      kind: row.kind,
      present: after !== undefined,
      partitions: after?.partitions ?? 0,
      expectedPartitions: row.partitions,
      endOffset: after?.end ?? 0,
      messagesPerSecond:
        before && after ? Math.round(((after.end - before.end) * 1000 * 10) / elapsedMs) / 10 : 0,
    };
  });
}

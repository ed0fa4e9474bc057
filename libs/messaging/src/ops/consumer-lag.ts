import { ALL_TOPICS } from '@care/contracts';
import { OPS_READER_GROUP_PREFIX, type OpsConnection } from './ops-connection';

export interface PartitionLag {
  readonly group: string;
  /** Topic name without the environment prefix. */
  readonly topic: string;
  readonly partition: number;
  /** Committed offset (next message to read), or null when the group never committed on this partition. */
  readonly committed: string | null;
  readonly endOffset: string;
  /** Messages after the committed offset (from the low watermark when nothing is committed). */
  readonly lag: number;
  /**
   * Time lag in ms: timestamp of the newest message minus timestamp of the first unread message (read with a
   * short-lived consumer). 0 when caught up; null when the messages could not be read in time.
   */
  readonly timeLagMs: number | null;
}

export interface ConsumerLagOptions {
  /** Groups to report in addition to those discovered (full physical names). */
  readonly groups?: readonly string[];
  /** Time to read the timestamps of the lagging partitions; default 5000 ms. */
  readonly timestampTimeoutMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ConsumerLagReport {
  /** How groups were found: `list-groups` (broker ListGroups) or `convention` (catalog consumers' names). */
  readonly discovery: 'list-groups' | 'convention';
  readonly groups: readonly string[];
  /** One row per group, topic and partition the group committed on, worst first. */
  readonly partitions: readonly PartitionLag[];
}

/**
 * Lag of every consumer group of the environment: committed offsets (OffsetFetch) against end offsets
 * (ListOffsets), per topic and partition, with the time lag estimated from message timestamps, worst first
 * (by time lag, then by message lag). Groups come from ListGroups when the broker has it, otherwise from the
 * platform's naming convention `<prefix><service>.<topic>` for each catalog topic's consumers; `groups` adds
 * names explicitly. A group is reported on the catalog topics it committed offsets for.
 */
export async function measureConsumerLag(
  connection: OpsConnection,
  options: ConsumerLagOptions = {},
): Promise<ConsumerLagReport> {
  const { names, admin } = connection;
  const { discovery, groups: discovered } = await discoverGroups(connection);
  const groups = [...new Set([...discovered, ...(options.groups ?? [])])].sort();

  const existing = new Set(await admin.listTopics());
  const topics = ALL_TOPICS.map((topic) => names.physical(topic)).filter((physical) =>
    existing.has(physical),
  );
  const ends = new Map<string, Map<number, { low: string; high: string }>>();
  for (const physical of topics) {
    const offsets = await connection.topicOffsets(physical);
    ends.set(physical, new Map(offsets.map((p) => [p.partition, { low: p.low, high: p.high }])));
  }

  const rows: Array<Omit<PartitionLag, 'timeLagMs'> & { physical: string; from: string }> = [];
  let done = 0;
  const total = groups.length + 1;
  for (const group of groups) {
    const committed = await admin.fetchOffsets({ groupId: group, topics });
    for (const topic of committed) {
      if (!topic.partitions.some((partition) => Number(partition.offset) >= 0)) continue;
      const topicEnds = ends.get(topic.topic);
      for (const partition of topic.partitions) {
        const end = topicEnds?.get(partition.partition);
        if (end === undefined) continue;
        const offset = Number(partition.offset) >= 0 ? partition.offset : null;
        const from = offset === null || BigInt(offset) < BigInt(end.low) ? end.low : offset;
        const lag = BigInt(end.high) - BigInt(offset ?? end.low);
        rows.push({
          group,
          topic: names.logical(topic.topic),
          physical: topic.topic,
          partition: partition.partition,
          committed: offset,
          endOffset: end.high,
          lag: Number(lag < 0n ? 0n : lag),
          from,
        });
      }
    }
    done += 1;
    options.onProgress?.(done, total);
  }

  const timestamps = await readTimestamps(
    connection,
    rows.filter((row) => row.lag > 0 && BigInt(row.endOffset) > BigInt(row.from)),
    options.timestampTimeoutMs ?? 5000,
  );
  options.onProgress?.(total, total);
  const partitions = rows
    .map(({ physical, from, ...row }): PartitionLag => {
      if (row.lag === 0) return { ...row, timeLagMs: 0 };
      const first = timestamps.get(`${physical}/${row.partition}/${from}`);
      const newest = timestamps.get(`${physical}/${row.partition}/${BigInt(row.endOffset) - 1n}`);
      return {
        ...row,
        timeLagMs: first === undefined || newest === undefined ? null : Math.max(0, newest - first),
      };
    })
    .sort(
      (a, b) =>
        (b.timeLagMs ?? 0) - (a.timeLagMs ?? 0) ||
        b.lag - a.lag ||
        a.group.localeCompare(b.group) ||
        a.topic.localeCompare(b.topic) ||
        a.partition - b.partition,
    );
  return { discovery, groups, partitions };
}

/** Groups of the environment: ListGroups filtered by prefix, or the catalog's conventional group names. */
async function discoverGroups(
  connection: OpsConnection,
): Promise<{ discovery: ConsumerLagReport['discovery']; groups: string[] }> {
  const { names } = connection;
  try {
    const listed = await connection.admin.listGroups();
    return {
      discovery: 'list-groups',
      groups: listed.groups
        .map((group) => group.groupId)
        .filter((group) => group.startsWith(names.prefix) && !group.startsWith(OPS_READER_GROUP_PREFIX)),
    };
  } catch {
    return {
      discovery: 'convention',
      groups: ALL_TOPICS.flatMap((topic) =>
        topic.consumers.map((service) => names.consumerGroup(service, topic.name)),
      ),
    };
  }
}

/**
 * Broker timestamps of the first unread and the newest message of each lagging partition, keyed
 * `<physical topic>/<partition>/<offset>`. One short-lived reader per topic seeks to the first unread offset,
 * then to the newest; what is not read within the timeout is left out.
 */
async function readTimestamps(
  connection: OpsConnection,
  lagging: ReadonlyArray<{ physical: string; partition: number; from: string; endOffset: string }>,
  timeoutMs: number,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const byTopic = new Map<string, Map<number, bigint[]>>();
  for (const row of lagging) {
    const partitions = byTopic.get(row.physical) ?? new Map<number, bigint[]>();
    const wanted = new Set([
      ...(partitions.get(row.partition) ?? []),
      BigInt(row.from),
      BigInt(row.endOffset) - 1n,
    ]);
    partitions.set(
      row.partition,
      [...wanted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    byTopic.set(row.physical, partitions);
  }
  await Promise.all(
    [...byTopic].map(([physical, partitions]) =>
      readTopicTimestamps(connection, physical, partitions, timeoutMs, found),
    ),
  );
  return found;
}

async function readTopicTimestamps(
  connection: OpsConnection,
  physical: string,
  wanted: Map<number, bigint[]>,
  timeoutMs: number,
  found: Map<string, number>,
): Promise<void> {
  const consumer = connection.kafka.consumer({
    groupId: connection.readerGroup(),
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 50,
    maxBytesPerPartition: 64 * 1024,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
  });
  const pending = new Map([...wanted].map(([partition, offsets]) => [partition, [...offsets]]));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: physical, fromBeginning: false });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, timeoutMs); // partial answers are fine: the rest is reported unknown
      const finishIfDone = (): void => {
        if ([...pending.values()].every((offsets) => offsets.length === 0)) {
          clearTimeout(timer);
          resolve();
        }
      };
      consumer
        .run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          eachBatch: async ({ batch }) => {
            const offsets = pending.get(batch.partition);
            if (offsets === undefined || offsets.length === 0) return;
            for (const message of batch.messages) {
              const offset = BigInt(message.offset);
              // a message at or after the wanted offset (the wanted one may be gone: truncated or compacted)
              while (offsets.length > 0 && (offsets[0] ?? offset) <= offset) {
                const want = offsets.shift() ?? offset;
                found.set(`${physical}/${batch.partition}/${want}`, Number(message.timestamp));
              }
              if (offsets.length === 0) break;
            }
            const next = offsets[0];
            if (next !== undefined)
              consumer.seek({ topic: physical, partition: batch.partition, offset: next.toString() });
            finishIfDone();
            await Promise.resolve();
          },
        })
        .then(() => {
          for (const [partition, offsets] of pending) {
            const first = offsets[0];
            if (first !== undefined) consumer.seek({ topic: physical, partition, offset: first.toString() });
          }
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    await consumer.disconnect();
  }
}

import { ALL_CONSUMER_GROUPS, ALL_TOPICS } from '@care/contracts';
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
   * short-lived consumer, when asked for: `timeLag`). 0 when caught up; null when not measured or not read in time.
   */
  readonly timeLagMs: number | null;
}

export interface ConsumerLagOptions {
  /** Groups to report in addition to the declared and discovered ones (full physical names). */
  readonly groups?: readonly string[];
  /**
   * Also estimate each lagging partition's time lag from message timestamps (reads two messages per partition with
   * a short-lived consumer: seconds, not milliseconds). Default false: `timeLagMs` is null on lagging partitions.
   */
  readonly timeLag?: boolean;
  /** Time to read the timestamps of the lagging partitions; default 5000 ms. */
  readonly timestampTimeoutMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ConsumerLagReport {
  /**
   * How groups were found: every group declared in the catalog (CONSUMER_GROUPS), plus those the broker lists
   * (`list-groups`) when it can, or the declared ones alone (`catalog`) when it cannot.
   */
  readonly discovery: 'list-groups' | 'catalog';
  readonly groups: readonly string[];
  /** Groups that have committed no offset yet on any topic they read (a new service, or a stuck one). */
  readonly committedNothing: readonly string[];
  /**
   * One row per group, topic and partition, worst first: every partition of a declared group's topics (committed
   * or not), and the partitions another group committed on.
   */
  readonly partitions: readonly PartitionLag[];
}

/**
 * Lag of every consumer group of the environment: committed offsets (OffsetFetch), then end offsets (ListOffsets,
 * read after the commits so a committed offset is never past the end shown), per topic and partition, worst first
 * (by time lag when measured, then by message lag). Groups: every group the catalog declares (CONSUMER_GROUPS, with
 * the topics it declares, even before it commits), those ListGroups finds under the prefix, and `groups`.
 */
export async function measureConsumerLag(
  connection: OpsConnection,
  options: ConsumerLagOptions = {},
): Promise<ConsumerLagReport> {
  const { names, admin } = connection;
  const existing = new Set(await admin.listTopics());
  const catalogTopics = ALL_TOPICS.map((topic) => names.physical(topic)).filter((physical) =>
    existing.has(physical),
  );
  const declared = new Map(
    ALL_CONSUMER_GROUPS.map((group) => [
      names.consumerGroup(group.service, group.name),
      group.topics.map((topic) => names.physical(topic)).filter((physical) => existing.has(physical)),
    ]),
  );
  const { discovery, groups: listed } = await listGroups(connection);
  const groups = [...new Set([...declared.keys(), ...listed, ...(options.groups ?? [])])].sort();

  let done = 0;
  const total = groups.length + 1;
  const committedByGroup = await Promise.all(
    groups.map(async (group) => {
      const topics = declared.get(group) ?? catalogTopics;
      const fetched = topics.length === 0 ? [] : await admin.fetchOffsets({ groupId: group, topics });
      done += 1;
      options.onProgress?.(done, total);
      return { group, declared: declared.has(group), fetched };
    }),
  );
  // End offsets after the commits: a group commits only what was written, so the end read now is at or past it.
  const ends = new Map<string, Map<number, { low: string; high: string }>>();
  await Promise.all(
    catalogTopics.map(async (physical) => {
      const offsets = await connection.topicOffsets(physical);
      ends.set(physical, new Map(offsets.map((p) => [p.partition, { low: p.low, high: p.high }])));
    }),
  );

  const rows: Array<Omit<PartitionLag, 'timeLagMs'> & { physical: string; from: string }> = [];
  const committedNothing: string[] = [];
  for (const { group, declared: isDeclared, fetched } of committedByGroup) {
    let committedAny = false;
    for (const topic of fetched) {
      const committedHere = topic.partitions.some((partition) => Number(partition.offset) >= 0);
      committedAny ||= committedHere;
      if (!committedHere && !isDeclared) continue;
      const topicEnds = ends.get(topic.topic);
      for (const partition of topic.partitions) {
        const end = topicEnds?.get(partition.partition);
        if (end === undefined) continue;
        const offset = Number(partition.offset) >= 0 ? partition.offset : null;
        // Never show a committed offset past the end: were the end read stale, the committed offset is the end.
        const high = offset !== null && BigInt(offset) > BigInt(end.high) ? offset : end.high;
        const from = offset === null || BigInt(offset) < BigInt(end.low) ? end.low : offset;
        const lag = BigInt(high) - BigInt(from);
        rows.push({
          group,
          topic: names.logical(topic.topic),
          physical: topic.topic,
          partition: partition.partition,
          committed: offset,
          endOffset: high,
          lag: Number(lag < 0n ? 0n : lag),
          from,
        });
      }
    }
    if (!committedAny) committedNothing.push(group);
  }

  const timestamps =
    options.timeLag === true
      ? await readTimestamps(
          connection,
          rows.filter((row) => row.lag > 0 && BigInt(row.endOffset) > BigInt(row.from)),
          options.timestampTimeoutMs ?? 5000,
        )
      : new Map<string, number>();
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
  return { discovery, groups, committedNothing, partitions };
}

/** Groups the broker lists under the environment's prefix (not the ops readers), when it can list them. */
async function listGroups(
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
    return { discovery: 'catalog', groups: [] };
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

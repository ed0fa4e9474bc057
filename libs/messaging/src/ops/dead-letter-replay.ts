import { HEADERS } from '@care/contracts';
import { stringHeaders } from '../consumer/dead-letter';
import { resolveDeadLetterTopic, toDeadLetterRecord, type DeadLetterRecord } from './dead-letters';
import { OPS_REPLAY_LEDGER_TOPIC, type OpsConnection } from './ops-connection';
import { readTopic } from './read-topic';

/** A dead letter picked by `<partition>:<offset>`, or by offset alone when it is unique across partitions. */
export interface DeadLetterPosition {
  readonly partition?: number;
  readonly offset: string;
}

export interface ReplayOptions {
  /** Which dead letters: all of them, or these positions. */
  readonly select: 'all' | readonly DeadLetterPosition[];
  /** Report what would be replayed; publish and record nothing. */
  readonly dryRun?: boolean;
  /** Upper bound on republished messages per second; default 100. */
  readonly ratePerSecond?: number;
  /** Who replays (recorded in the ledger). */
  readonly operator: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What the ledger holds for one replayed dead letter (`ops.dlq-replays`, key = replay id). */
export interface ReplayLedgerEntry {
  readonly replayOf: string;
  readonly replayedAt: string;
  readonly operator: string;
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  readonly newOffset: string;
}

export interface ReplayItem {
  /** `<dlq topic>/<partition>/<offset>` with the physical dead-letter topic: the replay marker and ledger key. */
  readonly replayOf: string;
  readonly partition: number;
  readonly offset: string;
  readonly sourceTopic: string | null;
  readonly errorCode: string | null;
  /** replayed (or would be, in a dry run), skipped (already in the ledger), or unreplayable (no source topic). */
  readonly outcome: 'replayed' | 'would-replay' | 'already-replayed' | 'no-source';
  /** Offset of the republished message on the source topic; of the earlier replay when already replayed. */
  readonly newOffset: string | null;
}

export interface ReplayReport {
  readonly topic: string;
  readonly dryRun: boolean;
  readonly items: readonly ReplayItem[];
}

/** The replay marker / ledger key of a dead letter. */
export function replayIdOf(physicalDeadLetterTopic: string, partition: number, offset: string): string {
  return `${physicalDeadLetterTopic}/${partition}/${offset}`;
}

/**
 * Republishes dead letters to their source topic (header `dlq-source-topic`) with their original key, value
 * and headers minus the `dlq-*` headers, plus `replay-of: <dlq topic>/<partition>/<offset>`, at most
 * `ratePerSecond` messages per second. Each replay is recorded in the compacted ledger topic `ops.dlq-replays`
 * right after the broker acknowledged it, and dead letters already in the ledger are skipped: running a replay
 * twice republishes nothing the second time. (A crash between the republish and the ledger write would
 * republish that one message again; consumers' inboxes make that harmless.)
 */
export async function replayDeadLetters(
  connection: OpsConnection,
  topic: string,
  options: ReplayOptions,
): Promise<ReplayReport> {
  const physical = resolveDeadLetterTopic(connection, topic);
  const ledgerTopic = connection.names.physical(OPS_REPLAY_LEDGER_TOPIC);
  const ledger = await readLedger(connection, ledgerTopic);
  const messages = await readTopic(connection, physical);
  const raw = new Map(
    messages.map((read) => [replayIdOf(physical, read.partition, read.message.offset), read.message]),
  );
  const deadLetters = messages.map((read) =>
    toDeadLetterRecord(connection, physical, read.partition, read.message),
  );
  const selected = selectDeadLetters(deadLetters, options.select);
  const dryRun = options.dryRun ?? false;
  const rate = options.ratePerSecond ?? 100;
  if (!(rate > 0)) throw new Error(`replay rate must be positive, got ${rate}`);
  const intervalMs = 1000 / rate;

  const items: ReplayItem[] = [];
  const producer = dryRun ? undefined : await connection.producer();
  let lastSend = 0;
  options.onProgress?.(0, selected.length);
  for (const record of selected) {
    const replayOf = replayIdOf(physical, record.partition, record.offset);
    const base = {
      replayOf,
      partition: record.partition,
      offset: record.offset,
      sourceTopic: record.sourceTopic,
      errorCode: record.errorCode,
    };
    const earlier = ledger.get(replayOf);
    const message = raw.get(replayOf);
    if (earlier !== undefined) {
      items.push({ ...base, outcome: 'already-replayed', newOffset: earlier.newOffset });
    } else if (record.sourceTopic === null || message === undefined) {
      items.push({ ...base, outcome: 'no-source', newOffset: null });
    } else if (producer === undefined) {
      items.push({ ...base, outcome: 'would-replay', newOffset: null });
    } else {
      const wait = lastSend + intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastSend = Date.now();
      const headers = Object.fromEntries(
        Object.entries(stringHeaders(message.headers)).filter(([name]) => !name.startsWith('dlq-')),
      );
      const [written] = await producer.send({
        topic: record.sourceTopic,
        acks: -1,
        messages: [
          { key: message.key, value: message.value, headers: { ...headers, [HEADERS.replayOf]: replayOf } },
        ],
      });
      const newOffset = written?.baseOffset ?? written?.offset ?? null;
      const entry: ReplayLedgerEntry = {
        replayOf,
        replayedAt: new Date().toISOString(),
        operator: options.operator,
        sourceTopic: record.sourceTopic,
        sourcePartition: written?.partition ?? -1,
        newOffset: newOffset ?? '',
      };
      await producer.send({
        topic: ledgerTopic,
        acks: -1,
        messages: [{ key: replayOf, value: JSON.stringify(entry) }],
      });
      items.push({ ...base, outcome: 'replayed', newOffset });
    }
    options.onProgress?.(items.length, selected.length);
  }
  return { topic: connection.names.logical(physical), dryRun, items };
}

/** The replay ledger: latest entry per replay id (a tombstone forgets a replay). */
export async function readLedger(
  connection: OpsConnection,
  ledgerTopic = connection.names.physical(OPS_REPLAY_LEDGER_TOPIC),
): Promise<Map<string, ReplayLedgerEntry>> {
  const entries = new Map<string, ReplayLedgerEntry>();
  for (const { message } of await readTopic(connection, ledgerTopic)) {
    const key = message.key?.toString('utf8');
    if (key === undefined) continue;
    if (message.value === null) entries.delete(key);
    else entries.set(key, JSON.parse(message.value.toString('utf8')) as ReplayLedgerEntry);
  }
  return entries;
}

function selectDeadLetters(
  deadLetters: readonly DeadLetterRecord[],
  select: ReplayOptions['select'],
): DeadLetterRecord[] {
  if (select === 'all') return [...deadLetters];
  return select.map((position) => {
    const matches = deadLetters.filter(
      (record) =>
        record.offset === position.offset &&
        (position.partition === undefined || record.partition === position.partition),
    );
    const where =
      position.partition === undefined ? position.offset : `${position.partition}:${position.offset}`;
    if (matches.length === 0) throw new Error(`no dead letter at ${where}`);
    if (matches.length > 1) {
      throw new Error(
        `offset ${position.offset} exists on partitions ${matches.map((m) => m.partition).join(', ')}; give <partition>:<offset>`,
      );
    }
    return matches[0];
  });
}

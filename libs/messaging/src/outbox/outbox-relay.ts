import type { Message } from 'kafkajs';
import type { EventProducer } from '../kafka/serial-producer';
import type { DataSource } from 'typeorm';
import { backoffDelayMs, sleep } from '../errors/backoff';
import { describeFailure } from '../errors/is-transient-failure';
import type { TopicNames } from '../kafka/topic-names';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import type { MessagingLogger } from '../messaging-logger';

interface OutboxRow {
  position: string;
  topic: string;
  message_key: string;
  value: string;
  headers: Record<string, string>;
  /** Seconds since the staging transaction began, by the database's clock, when the row was read. */
  waited: number;
}

export interface OutboxRelayOptions {
  /** Names the advisory lock: one relay per service schema publishes at a time, so order per key holds. */
  readonly lockName: string;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  /**
   * Largest send in bytes (keys, values and headers): a broker refuses a partition batch over the topic's
   * `max.message.bytes` (1 MB by default), so a round publishes the rows that fit and leaves the rest for the
   * next round, which starts at once.
   */
  readonly maxSendBytes: number;
}

/** Bytes a record adds beyond its key, value and header text. */
const RECORD_OVERHEAD_BYTES = 64;

/**
 * Publishes outbox rows in position order and deletes them after the broker acknowledged them (acks=all).
 * A crash between the acknowledgement and the delete republishes those rows: delivery is at least once and
 * consumers de-duplicate by event id. Only the instance holding the advisory lock publishes in a round.
 */
export class OutboxRelay {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private pendingWake = false;
  private lastBacklogSample = 0;
  private lastBacklog: { rows: number; oldestAgeSeconds: number; sampledAt: number } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
    private readonly topics: TopicNames,
    private readonly metrics: MessagingMetrics,
    private readonly logger: MessagingLogger,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Asks the relay to look at the outbox now (called after a transaction staged events). */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /** Publishes until the outbox is empty or the deadline passes; returns rows still waiting. */
  async drain(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let attempt = 0;
    while (Date.now() < deadline) {
      try {
        const { published } = await this.publishRound();
        if (published === 0 && (await this.backlog()).rows === 0) return 0;
        attempt = 0;
      } catch {
        attempt += 1;
        await sleep(Math.min(backoffDelayMs(attempt, 100, 2000), Math.max(0, deadline - Date.now())));
      }
    }
    return (await this.backlog()).rows;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loopDone;
  }

  /** Rows waiting and the age of the oldest, for metrics and readiness. */
  async backlog(): Promise<{ rows: number; oldestAgeSeconds: number }> {
    const [row] = await this.dataSource.query<Array<{ rows: number; age: number }>>(
      `SELECT count(*)::int AS rows, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM outbox`,
    );
    const result = { rows: row?.rows ?? 0, oldestAgeSeconds: row?.age ?? 0 };
    this.metrics.outboxBacklog.set(result.rows);
    this.metrics.outboxOldestAge.set(result.oldestAgeSeconds);
    this.lastBacklog = { ...result, sampledAt: Date.now() };
    return result;
  }

  /** The last backlog sample when younger than `maxAgeMs`, else a fresh one (readiness probes call this). */
  async recentBacklog(maxAgeMs: number): Promise<{ rows: number; oldestAgeSeconds: number }> {
    const last = this.lastBacklog;
    if (last !== undefined && Date.now() - last.sampledAt < maxAgeMs)
      return { rows: last.rows, oldestAgeSeconds: last.oldestAgeSeconds };
    return this.backlog();
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.pendingWake = false;
        const { published, more } = await this.publishRound();
        failures = 0;
        await this.sampleBacklog();
        if (published > 0 && more) continue;
        await this.waitForWork();
      } catch (error) {
        failures += 1;
        this.metrics.relayFailures.inc();
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            { failures, error: describeFailure(error) },
            'outbox relay round failed; retrying',
          );
        }
        // Keep the backlog gauges current while publishing fails (the broker away): that is when they matter.
        await this.sampleBacklog().catch(() => undefined);
        await sleep(backoffDelayMs(failures, 100, 5000));
      }
    }
  }

  private async waitForWork(): Promise<void> {
    if (this.pendingWake || !this.running) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
    this.wakeUp = undefined;
  }

  private async sampleBacklog(): Promise<void> {
    const now = Date.now();
    if (now - this.lastBacklogSample < 5000) return;
    this.lastBacklogSample = now;
    await this.backlog();
  }

  /**
   * One round: take the lock, read a batch in order, publish the rows that fit in one send, delete them.
   * Returns the rows published and whether more were waiting.
   */
  private async publishRound(): Promise<{ published: number; more: boolean }> {
    const round = await this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [this.options.lockName],
      );
      if (!lock?.locked) return { published: [], more: false, acknowledgedAfter: 0 };
      const read = await manager.query<OutboxRow[]>(
        `SELECT position, topic, message_key, value, headers,
                EXTRACT(EPOCH FROM clock_timestamp() - created_at)::float8 AS waited
           FROM outbox ORDER BY position LIMIT $1`,
        [this.options.batchSize],
      );
      const readAt = performance.now();
      if (read.length === 0) return { published: [], more: false, acknowledgedAfter: 0 };
      const rows = this.rowsThatFit(read);
      const byTopic = new Map<string, Message[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.message_key, value: row.value, headers: row.headers });
        byTopic.set(row.topic, messages);
      }
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({
          topic: this.topics.physical(topic),
          messages,
        })),
      });
      const acknowledgedAfter = (performance.now() - readAt) / 1000;
      await manager.query('DELETE FROM outbox WHERE position = ANY($1::bigint[])', [
        rows.map((row) => row.position),
      ]);
      return {
        published: rows,
        more: rows.length < read.length || read.length >= this.options.batchSize,
        acknowledgedAfter,
      };
    });
    // Counted once the rows' deletion committed (a round that fails is published again, and counted then). The delay
    // is the row's wait by the database's clock plus the send by this process's: no clock is compared with another.
    const perTopic = new Map<string, number>();
    for (const row of round.published) {
      perTopic.set(row.topic, (perTopic.get(row.topic) ?? 0) + 1);
      this.metrics.outboxPublishDelay.observe({ topic: row.topic }, row.waited + round.acknowledgedAfter);
    }
    for (const [topic, count] of perTopic) this.metrics.produced.inc({ topic }, count);
    return { published: round.published.length, more: round.more };
  }

  /** The longest prefix of `rows` within maxSendBytes (always the first row: alone it may still be refused). */
  private rowsThatFit(rows: OutboxRow[]): OutboxRow[] {
    let bytes = 0;
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index];
      bytes += rowBytes(row);
      if (bytes > this.options.maxSendBytes) {
        if (index === 0) {
          this.logger.error(
            { position: row.position, topic: row.topic, bytes: rowBytes(row) },
            'outbox row is larger than KAFKA_MAX_SEND_BYTES; the broker may refuse it',
          );
          return [row];
        }
        return rows.slice(0, index);
      }
    }
    return rows;
  }
}

function rowBytes(row: OutboxRow): number {
  let bytes = RECORD_OVERHEAD_BYTES + Buffer.byteLength(row.message_key) + Buffer.byteLength(row.value);
  for (const [name, value] of Object.entries(row.headers ?? {}))
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value) + 8;
  return bytes;
}

import type { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';

/** The planner statistics of one table, as read from `pg_class` plus its current size in pages. */
export interface TableStatistics {
  /** `pg_class.reltuples`: rows at the last VACUUM/ANALYZE; -1 (PostgreSQL 14+) when never analysed. */
  readonly reltuples: number;
  /** `pg_class.relpages`: pages at the last VACUUM/ANALYZE. */
  readonly relpages: number;
  /** Pages the table has now (`pg_relation_size / block_size`). */
  readonly pages: number;
}

/**
 * The planner's own row estimate: the density (rows per page) measured at the last VACUUM/ANALYZE times the
 * pages the table has now, so the estimate follows growth between analyses. Undefined when the statistics
 * cannot say (never analysed, or analysed while empty).
 */
export function estimateRows(statistics: TableStatistics): number | undefined {
  const { reltuples, relpages, pages } = statistics;
  if (!(reltuples >= 0) || !(relpages > 0) || !(pages >= 0)) return undefined;
  return Math.max(0, Math.round((reltuples / relpages) * pages));
}

export interface InboxSizeOptions {
  /** A sample younger than this is reused (default 30 s). */
  readonly minIntervalMs?: number;
  /** Upper bound of the exact count used when the table has no statistics yet (default 100000). */
  readonly exactCountCap?: number;
  /** How long a scrape waits for a sample in flight before it reports the previous value (default 1 s). */
  readonly scrapeWaitMs?: number;
}

/**
 * Samples `care_inbox_rows`: the size of the consumer inbox (`inbox` in the service's schema, found through the
 * search_path). The inbox only grows between retention purges, so an exact `count(*)` would scan an ever larger
 * table on every scrape; instead the sample is the planner estimate from `pg_class` (one catalog row, no table
 * scan), accurate to the last autovacuum/autoanalyze and scaled by the table's current size. Before the table
 * was ever analysed (a new, small table) it falls back to a count capped at `exactCountCap` rows. Sampled when
 * /metrics is scraped, at most every `minIntervalMs`; a failed sample keeps the previous value.
 */
export class InboxSizeSampler {
  private readonly minIntervalMs: number;
  private readonly exactCountCap: number;
  private readonly scrapeWaitMs: number;
  private lastSampleAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly gauge: Gauge,
    private readonly onFailure: (error: unknown) => void = () => undefined,
    options: InboxSizeOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 30000;
    this.exactCountCap = options.exactCountCap ?? 100000;
    this.scrapeWaitMs = options.scrapeWaitMs ?? 1000;
  }

  /** Called on every scrape: refreshes the gauge when the last sample is stale, never throws. */
  async refresh(): Promise<void> {
    if (this.inFlight === undefined && Date.now() - this.lastSampleAt >= this.minIntervalMs) {
      this.lastSampleAt = Date.now();
      this.inFlight = this.sample()
        .then((rows) => {
          if (rows !== undefined) this.gauge.set(rows);
        })
        .catch(this.onFailure)
        .finally(() => (this.inFlight = undefined));
    }
    if (this.inFlight === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.inFlight,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.scrapeWaitMs))),
    ]);
    clearTimeout(timer);
  }

  /** One sample: the estimate, or the capped exact count; undefined when the inbox table does not exist. */
  async sample(): Promise<number | undefined> {
    const [statistics] = await this.dataSource.query<TableStatistics[]>(
      `SELECT c.reltuples::float8 AS reltuples, c.relpages::float8 AS relpages,
              (pg_relation_size(c.oid) / current_setting('block_size')::int)::float8 AS pages
         FROM pg_class c WHERE c.oid = to_regclass('inbox')`,
    );
    if (statistics === undefined) return undefined;
    const estimate = estimateRows(statistics);
    if (estimate !== undefined) return estimate;
    const [counted] = await this.dataSource.query<Array<{ rows: number }>>(
      'SELECT count(*)::int AS rows FROM (SELECT 1 FROM inbox LIMIT $1) capped',
      [this.exactCountCap],
    );
    return counted?.rows ?? 0;
  }
}

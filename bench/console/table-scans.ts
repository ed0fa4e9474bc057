import type { Client } from 'pg';

/** Scans of one table while the member views were measured (pg_stat_user_tables, differences). */
export interface TableScans {
  readonly table: string;
  readonly liveRows: number;
  readonly seqScans: number;
  /** Rows read by sequential scans: a member view that scans a table grows this by the table's size each time. */
  readonly seqRowsRead: number;
  readonly indexScans: number;
}

type Snapshot = ReadonlyMap<string, { live: number; seq: number; seqRows: number; idx: number }>;

/** The cumulative scan counters of every table (PostgreSQL's statistics; they lag a moment behind, see below). */
export async function snapshotTableScans(database: Client): Promise<Snapshot> {
  // Counters reach the shared statistics when a backend reports them (at the latest within a second of idling).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const result = await database.query<{
    name: string;
    live: string;
    seq: string;
    seq_rows: string;
    idx: string | null;
  }>(
    `SELECT schemaname || '.' || relname AS name, n_live_tup AS live, seq_scan AS seq, seq_tup_read AS seq_rows,
            idx_scan AS idx
       FROM pg_stat_user_tables`,
  );
  return new Map(
    result.rows.map((row) => [
      row.name,
      {
        live: Number(row.live),
        seq: Number(row.seq),
        seqRows: Number(row.seq_rows),
        idx: Number(row.idx ?? 0),
      },
    ]),
  );
}

/** The tables scanned between two snapshots, those read sequentially first (most rows read first). */
export function scansBetween(before: Snapshot, after: Snapshot): TableScans[] {
  const scans: TableScans[] = [];
  for (const [table, now] of after) {
    const then = before.get(table) ?? { live: 0, seq: 0, seqRows: 0, idx: 0 };
    const scan = {
      table,
      liveRows: now.live,
      seqScans: now.seq - then.seq,
      seqRowsRead: now.seqRows - then.seqRows,
      indexScans: now.idx - then.idx,
    };
    if (scan.seqScans > 0 || scan.indexScans > 0) scans.push(scan);
  }
  return scans.sort((a, b) => b.seqRowsRead - a.seqRowsRead || b.indexScans - a.indexScans);
}

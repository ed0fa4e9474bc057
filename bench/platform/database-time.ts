import type { Client } from 'pg';

/**
 * Where the database's time went during a load, from pg_stat_statements (loaded by the benchmark's stack:
 * `statementStatistics`) and pg_stat_database. Statements are normalized by PostgreSQL (constants become $n), so
 * no value a service sent shows here.
 */
export interface DatabaseTime {
  readonly commits: number;
  readonly statements: number;
  /** Milliseconds spent executing and planning statements (execution includes waiting on locks). */
  readonly executionMs: number;
  readonly planningMs: number;
  /**
   * Milliseconds in the statement that takes the member and household advisory locks (lockKeys, libs/persistence):
   * its execution is almost all waiting for another transaction on the same member or household to commit.
   */
  readonly lockWaitMs: number;
  /** The statements with the most time (execution and planning), first 100 characters. */
  readonly top: ReadonlyArray<{
    readonly statement: string;
    readonly calls: number;
    readonly rows: number;
    readonly ms: number;
  }>;
}

/** A point to measure from: statement statistics cleared, committed transactions counted. */
export interface DatabaseMark {
  readonly commits: number;
  readonly available: boolean;
}

const LOCK_STATEMENT = '%pg_advisory_xact_lock($1, hashtext(key))%';

async function committed(database: Client): Promise<number> {
  const result = await database.query<{ commits: string }>(
    'SELECT sum(xact_commit)::text AS commits FROM pg_stat_database',
  );
  return Number(result.rows[0]?.commits ?? 0);
}

/** Clears the statement statistics (creating the extension on first use); unavailable without the library. */
export async function markDatabase(database: Client): Promise<DatabaseMark> {
  try {
    await database.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await database.query('SELECT pg_stat_statements_reset()');
    return { commits: await committed(database), available: true };
  } catch {
    // Not preloaded (a DATABASE_URL server without it): the benchmark goes on without this part.
    return { commits: await committed(database).catch(() => 0), available: false };
  }
}

/** What the database did since `mark`; undefined when pg_stat_statements is not available. */
export async function databaseTimeSince(
  database: Client,
  mark: DatabaseMark,
  top = 5,
): Promise<DatabaseTime | undefined> {
  if (!mark.available) return undefined;
  const totals = await database.query<{
    statements: string;
    execution: number;
    planning: number;
    lock_wait: number;
  }>(
    `SELECT coalesce(sum(calls), 0)::text AS statements,
            coalesce(sum(total_exec_time), 0)::float8 AS execution,
            coalesce(sum(total_plan_time), 0)::float8 AS planning,
            coalesce(sum(total_exec_time) FILTER (WHERE query LIKE $1), 0)::float8 AS lock_wait
       FROM pg_stat_statements`,
    [LOCK_STATEMENT],
  );
  const heaviest = await database.query<{ statement: string; calls: string; rows: string; ms: number }>(
    `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS statement, calls::text AS calls,
            rows::text AS rows, (total_exec_time + total_plan_time)::float8 AS ms
       FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT $1`,
    [top],
  );
  const row = totals.rows[0];
  return {
    commits: (await committed(database)) - mark.commits,
    statements: Number(row?.statements ?? 0),
    executionMs: row?.execution ?? 0,
    planningMs: row?.planning ?? 0,
    lockWaitMs: row?.lock_wait ?? 0,
    top: heaviest.rows.map((entry) => ({
      statement: entry.statement,
      calls: Number(entry.calls),
      rows: Number(entry.rows),
      ms: entry.ms,
    })),
  };
}

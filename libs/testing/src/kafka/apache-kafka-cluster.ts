import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

import { findFreePort } from './free-port';
import { createTopicsWithAdmin } from './kafka-admin-topics';
import { assertTopicName, type TopicSpec } from './topic-spec';

/** Env variable choosing the Apache Kafka version fetched from Maven Central (default {@link DEFAULT_KAFKA_VERSION}). */
export const KAFKA_VERSION_ENV = 'KAFKA_VERSION';
/** Env variable overriding where fetched broker jars are cached (default `~/.cache/care-platform/kafka`). */
export const KAFKA_CACHE_DIR_ENV = 'KAFKA_CACHE_DIR';
/** Apache Kafka 3.9 (KRaft): the newest line whose protocol versions kafkajs 2.2.4 is known to speak. */
export const DEFAULT_KAFKA_VERSION = '3.9.1';

const POM = resolve(__dirname, '../../../../infra/kafka/broker/pom.xml');
const READY_MARKER = '.complete';
const LOG_TAIL = 4000;

/** Options of {@link startApacheKafka}. */
export interface ApacheKafkaOptions {
  /** Combined broker-and-controller nodes (ids 1..N); default 1. Use 3 for replication or a moving leader. */
  nodes?: number;
  /** Apache Kafka version; default `KAFKA_VERSION` or {@link DEFAULT_KAFKA_VERSION}. */
  version?: string;
  /** Where the KRaft log directories and broker logs live; default a fresh temporary folder, removed on stop. */
  dataDir?: string;
  /** Broker settings added to (or replacing) the defaults, e.g. `{ 'message.max.bytes': '2097152' }`. */
  brokerConfig?: Record<string, string>;
  /** Java heap of each node; default 768m for one node, 384m each for more. */
  heap?: string;
  /** How long to wait for the cluster to serve; default 120 s (a first run also downloads the jars). */
  startTimeoutMs?: number;
  /** Receives progress lines (download, format, start). */
  log?: (line: string) => void;
}

/** A running Apache Kafka cluster of separate JVM processes on 127.0.0.1. */
export interface ApacheKafkaCluster {
  readonly version: string;
  /** `127.0.0.1:port` of every node's client listener. */
  readonly bootstrapServers: string[];
  readonly nodeIds: readonly number[];
  /** Where the log directories and each node's `node-<id>.log` are. */
  readonly dataDir: string;
  /** Creates topics through the admin API; existing topics are left as they are. */
  createTopics(topics: TopicSpec[]): Promise<void>;
  /** Kills node `id` (-1 for all) as a crash would (SIGKILL); its data and ports stay for {@link startNode}. */
  stopNode(id: number): Promise<void>;
  /** Starts node `id` (-1 for all) again on its ports and data, and waits until the cluster serves it. */
  startNode(id: number): Promise<void>;
  /**
   * The line protocol of the test control server (see kafka-control.ts): `create <topic> <partitions>`,
   * `down <id>`, `up <id>`, `ping`; answers `OK ...` or throws. `errors` is refused: a real broker takes no
   * injected protocol errors.
   */
  command(line: string): Promise<string>;
  /** Stops every node (SIGTERM, SIGKILL after `graceMs`, default 10 s) and removes a temporary data folder. */
  stop(graceMs?: number): Promise<void>;
}

/** True when `java` and either cached broker jars or `mvn` are present (the Maven route can run). */
export function isApacheKafkaAvailable(version = kafkaVersion()): boolean {
  if (!commandRuns(javaBinary(), ['-version'])) return false;
  return existsSync(join(kafkaLibsDir(version), READY_MARKER)) || commandRuns('mvn', ['-v']);
}

/** The Apache Kafka version to run: `KAFKA_VERSION` or {@link DEFAULT_KAFKA_VERSION}. */
export function kafkaVersion(env: NodeJS.ProcessEnv = process.env): string {
  const version = env[KAFKA_VERSION_ENV]?.trim() || DEFAULT_KAFKA_VERSION;
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`${KAFKA_VERSION_ENV} must look like 3.9.1, got ${JSON.stringify(version)}`);
  }
  return version;
}

/**
 * Fetches the broker's jars for `version` from Maven Central with the checked-in pom (once; later calls find
 * them in the cache) and returns the folder holding them.
 */
export function ensureKafkaJars(
  version = kafkaVersion(),
  log: (line: string) => void = () => undefined,
): string {
  const libs = kafkaLibsDir(version);
  if (existsSync(join(libs, READY_MARKER))) return libs;
  mkdirSync(resolve(libs, '..'), { recursive: true });
  const temporary = `${libs}.${process.pid}.${Date.now()}.tmp`;
  log(`fetching Apache Kafka ${version} from Maven Central (once; cached in ${libs})`);
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      POM,
      'dependency:copy-dependencies',
      `-Dkafka.version=${version}`,
      `-DoutputDirectory=${temporary}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.error || result.status !== 0) {
    rmSync(temporary, { recursive: true, force: true });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().slice(-LOG_TAIL);
    throw new Error(
      result.error
        ? `cannot fetch Apache Kafka ${version}: mvn not runnable (${result.error.message})`
        : `cannot fetch Apache Kafka ${version} with Maven (exit ${result.status}): ${output}`,
    );
  }
  writeFileSync(join(temporary, READY_MARKER), `${version}\n`);
  try {
    renameSync(temporary, libs);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    // Another process finished first: its copy is as good as ours.
    if (!existsSync(join(libs, READY_MARKER))) throw error;
  }
  return libs;
}

/**
 * Starts Apache Kafka in KRaft mode: `nodes` JVMs, each broker and controller, on free 127.0.0.1 ports, with
 * settings for a test machine (small offsets topic, no initial rebalance delay, no automatic topic creation,
 * replication min(3, nodes)). The broker enforces what production enforces: `message.max.bytes` (1 MB), the
 * idempotent producer's sequence numbers, the admin API. Each JVM dies with this process (PR_SET_PDEATHSIG
 * through setpriv where present), so an aborted test run leaves no broker behind.
 */
export async function startApacheKafka(options: ApacheKafkaOptions = {}): Promise<ApacheKafkaCluster> {
  const nodes = options.nodes ?? 1;
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 9) {
    throw new Error(`nodes must be an integer in 1..9, got ${nodes}`);
  }
  const version = options.version ?? kafkaVersion();
  const log = options.log ?? ((): void => undefined);
  const libs = ensureKafkaJars(version, log);
  const temporaryData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'care-kafka-'));
  mkdirSync(dataDir, { recursive: true });
  const ids = Array.from({ length: nodes }, (_, index) => index + 1);
  const ports = new Map<number, { client: number; controller: number }>();
  for (const id of ids) ports.set(id, { client: await findFreePort(), controller: await findFreePort() });
  const voters = ids.map((id) => `${id}@127.0.0.1:${ports.get(id)?.controller}`).join(',');
  const replication = Math.min(3, nodes);
  const clusterId = randomBytes(16).toString('base64url');
  const heap = options.heap ?? (nodes === 1 ? '768m' : '384m');

  const propertiesOf = (id: number): string => {
    const port = ports.get(id) as { client: number; controller: number };
    const settings: Record<string, string> = {
      'process.roles': 'broker,controller',
      'node.id': String(id),
      'controller.quorum.voters': voters,
      listeners: `PLAINTEXT://127.0.0.1:${port.client},CONTROLLER://127.0.0.1:${port.controller}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${port.client}`,
      'inter.broker.listener.name': 'PLAINTEXT',
      'controller.listener.names': 'CONTROLLER',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'log.dirs': join(dataDir, `node-${id}`),
      'num.partitions': '3',
      'default.replication.factor': String(replication),
      'min.insync.replicas': replication >= 3 ? '2' : '1',
      'offsets.topic.replication.factor': String(replication),
      'offsets.topic.num.partitions': '10',
      'transaction.state.log.replication.factor': String(replication),
      'transaction.state.log.min.isr': replication >= 3 ? '2' : '1',
      'transaction.state.log.num.partitions': '10',
      'group.initial.rebalance.delay.ms': '0',
      'auto.create.topics.enable': 'false',
      // Thousands of small test partitions on one machine: small sparse index files, a small cleaner buffer.
      'log.index.size.max.bytes': String(1024 * 1024),
      'log.cleaner.dedupe.buffer.size': String(16 * 1024 * 1024),
      // A node killed by a test comes back within seconds: its old registration expires quickly.
      'broker.session.timeout.ms': '4000',
      'broker.heartbeat.interval.ms': '500',
      'num.io.threads': '4',
      'num.network.threads': '2',
      ...options.brokerConfig,
    };
    return `${Object.entries(settings)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n')}\n`;
  };

  log(`formatting Apache Kafka ${version} (${nodes} node${nodes === 1 ? '' : 's'}, KRaft) in ${dataDir}`);
  for (const id of ids) {
    const file = join(dataDir, `node-${id}.properties`);
    writeFileSync(file, propertiesOf(id));
    const format = spawnSync(
      javaBinary(),
      [
        '-Xmx256m',
        '-cp',
        `${libs}/*`,
        'kafka.tools.StorageTool',
        'format',
        `--cluster-id=${clusterId}`,
        `--config=${file}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (format.error || format.status !== 0) {
      if (temporaryData) rmSync(dataDir, { recursive: true, force: true });
      throw new Error(
        `kafka-storage format failed for node ${id}: ${format.error?.message ?? ''}${format.stdout}${format.stderr}`.slice(
          0,
          LOG_TAIL,
        ),
      );
    }
  }

  const processes = new Map<number, ChildProcess>();
  const bootstrapServers = ids.map((id) => `127.0.0.1:${ports.get(id)?.client}`);
  const logFileOf = (id: number): string => join(dataDir, `node-${id}.log`);

  const launch = (id: number): void => {
    const logFd = openSync(logFileOf(id), 'a');
    const java = [
      `-Xms128m`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      `-Dorg.slf4j.simpleLogger.defaultLogLevel=${process.env['KAFKA_LOG_LEVEL'] ?? 'warn'}`,
      '-Dorg.slf4j.simpleLogger.showDateTime=true',
      '-cp',
      `${libs}/*`,
      'kafka.Kafka',
      join(dataDir, `node-${id}.properties`),
    ];
    const [command, args] = existsSync('/usr/bin/setpriv')
      ? ['/usr/bin/setpriv', ['--pdeathsig', 'SIGKILL', '--', javaBinary(), ...java]]
      : [javaBinary(), java];
    const child = spawn(command, args, { stdio: ['ignore', logFd, logFd] });
    closeSync(logFd);
    processes.set(id, child);
  };

  const logTail = (id: number): string => {
    try {
      return readFileSync(logFileOf(id), 'utf8').slice(-LOG_TAIL);
    } catch {
      return '';
    }
  };

  /** Waits until every node in `expected` is a live broker in the cluster's metadata. */
  const waitForNodes = async (expected: number[], timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    let problem = 'not answering yet';
    while (Date.now() < deadline) {
      for (const id of expected) {
        const child = processes.get(id);
        if (child && !isRunning(child)) {
          throw new Error(
            `Apache Kafka node ${id} exited (${child.exitCode ?? child.signalCode}):\n${logTail(id)}`,
          );
        }
      }
      const live = ids.filter((id) => isRunning(processes.get(id)));
      const admin = new Kafka({
        clientId: 'care-testing-kafka-ready',
        brokers: live.map((id) => `127.0.0.1:${ports.get(id)?.client}`),
        logLevel: logLevel.NOTHING,
        connectionTimeout: 1000,
        retry: { retries: 0 },
      }).admin();
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        const present = new Set(cluster.brokers.map((broker) => broker.nodeId));
        const missing = expected.filter((id) => !present.has(id));
        if (missing.length === 0 && cluster.controller !== null && cluster.controller >= 0) return;
        problem = `nodes ${missing.join(', ')} not registered yet`;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
    throw new Error(`Apache Kafka did not serve within ${timeoutMs} ms: ${problem}`);
  };

  const killNode = async (id: number, signal: NodeJS.Signals, graceMs: number): Promise<void> => {
    const child = processes.get(id);
    if (!child || !isRunning(child)) return;
    await new Promise<void>((resolveExit) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolveExit();
      });
      child.kill(signal);
    });
  };

  const targets = (id: number): number[] => {
    if (id === -1) return ids;
    if (!ids.includes(id)) throw new Error(`no Apache Kafka node ${id} (nodes are ${ids.join(', ')})`);
    return [id];
  };

  ids.forEach(launch);
  let stopped = false;
  const stop = async (graceMs = 10_000): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // A temporary cluster's data is thrown away: no controlled shutdown to wait for.
    const signal = temporaryData ? 'SIGKILL' : 'SIGTERM';
    await Promise.all(ids.map((id) => killNode(id, signal, graceMs)));
    if (temporaryData) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForNodes(ids, options.startTimeoutMs ?? 120_000);
  } catch (error) {
    await stop(0);
    throw error;
  }
  log(`Apache Kafka ${version} serving at ${bootstrapServers.join(',')}`);

  const cluster: ApacheKafkaCluster = {
    version,
    bootstrapServers,
    nodeIds: ids,
    dataDir,
    createTopics: (topics) => createTopicsWithAdmin(bootstrapServers, topics),
    stopNode: async (id) => {
      await Promise.all(targets(id).map((node) => killNode(node, 'SIGKILL', 0)));
    },
    startNode: async (id) => {
      const nodesToStart = targets(id).filter((node) => !isRunning(processes.get(node)));
      nodesToStart.forEach(launch);
      await waitForNodes(targets(id), 60_000);
    },
    command: async (line) => {
      const [verb = '', ...args] = line.trim().split(/\s+/);
      switch (verb) {
        case 'ping':
          return 'OK';
        case 'create': {
          const [name = '', partitions = ''] = args;
          assertTopicName(name);
          await cluster.createTopics([{ name, partitions: Number(partitions) || undefined }]);
          return 'OK';
        }
        case 'down':
          await cluster.stopNode(Number(args[0]));
          return 'OK';
        case 'up':
          await cluster.startNode(Number(args[0]));
          return 'OK';
        default:
          throw new Error(`not supported on Apache Kafka: ${verb}`);
      }
    },
    stop,
  };
  return cluster;
}

/** Lists the jar files of a cached version (for diagnostics). */
export function cachedKafkaJars(version = kafkaVersion()): string[] {
  const libs = kafkaLibsDir(version);
  return existsSync(libs) ? readdirSync(libs).filter((name) => name.endsWith('.jar')) : [];
}

function kafkaLibsDir(version: string): string {
  const base =
    process.env[KAFKA_CACHE_DIR_ENV]?.trim() ||
    join(process.env['XDG_CACHE_HOME']?.trim() || join(homedir(), '.cache'), 'care-platform', 'kafka');
  return join(base, version, 'libs');
}

function isRunning(child: ChildProcess | undefined): boolean {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

function javaBinary(): string {
  const home = process.env['JAVA_HOME']?.trim();
  return home ? join(home, 'bin', 'java') : 'java';
}

function commandRuns(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return !result.error && result.status === 0;
}

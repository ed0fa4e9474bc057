import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { HEADERS, TOPICS } from '@care/contracts';
import { isTransientFailure, measureConsumerLag, OpsConnection, readTopic } from '@care/messaging';
import {
  createPopulation,
  inboundClaimMessage,
  type ClaimSubmissionPlain,
  type MemberRecordPlain,
} from '@care/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { claimsFeedAuthorization, outboxRowsBySchema } from '../../tools/stack/platform-probes';
import { startPlatformStack, type PlatformStack } from '../../tools/stack/platform-stack';
import { percentilesOf, type Percentiles } from '../support/percentiles';
import { summarizeProfiles } from './cpu-profile';
import { databaseTimeSince, markDatabase, type DatabaseTime } from './database-time';
import { runOpenLoop, type OpenLoopResult } from './open-loop';
import { machineBusySeconds, sampleProcess } from './process-sampler';
import {
  histogramsSince,
  readHistograms,
  STAGE_HISTOGRAMS,
  stagesOf,
  type Histograms,
  type Stage,
} from './stage-breakdown';

/** Options of `npm run bench -- platform`. */
export interface PlatformBenchmarkOptions {
  /** Claims per second of each timed load, in order. */
  readonly rates: readonly number[];
  /** Seconds of each timed load. */
  readonly seconds: number;
  /** Households whose members and claims are loaded before the timed loads (the plan's history). */
  readonly historyHouseholds: number;
  /**
   * After the rates, the roster grows to this many times its size (members only) and the load at `scaleRate` runs
   * again, to compare the cost per claim (0 or 1: skipped).
   */
  readonly rosterScale: number;
  readonly scaleRate: number;
  /** Messages of the raw-Kafka baseline and rows of the database baseline. */
  readonly baselineClaims: number;
  readonly seed: number;
  readonly dir: string;
  /** Profile every service (`node --cpu-prof`) and summarize where its CPU time went. */
  readonly profile?: boolean;
  readonly log: (line: string) => void;
}

/** One sample of the timeline, taken about once a second. */
interface Sample {
  /** Seconds since the stack was ready. */
  readonly t: number;
  readonly lag: Readonly<Record<string, number>>;
  readonly outbox: Readonly<Record<string, number>>;
  /** Per service (its instances summed): CPU seconds since start and resident bytes. */
  readonly cpu: Readonly<Record<string, number>>;
  readonly rss: Readonly<Record<string, number>>;
  /** CPU seconds since boot of the whole machine (all cores), and of this process (the load generator). */
  readonly machineCpu?: number;
  readonly loadGeneratorCpu?: number;
}

/** One timed load and what the platform made of it. */
export interface RateResult {
  readonly phase: string;
  readonly load: OpenLoopResult;
  /** Claims on `claim-received` accepted during the load, per second of load. */
  readonly absorbedPerSecond: number;
  /** The largest lag of any one consumer group during the load, in messages. */
  readonly maxLag: number;
  /** The largest lag of any one consumer group as the load ended. */
  readonly lagAtEnd: number;
  /** Seconds from the end of the load until every group caught up and every outbox was empty. */
  readonly drainSeconds: number;
  readonly sustainable: boolean;
  /** Milliseconds from a claim's acceptance to each derived fact it caused. */
  readonly latency: Readonly<Record<string, Percentiles>>;
  /** CPU seconds per 1,000 claims sent, per service, from the load's start until drained. */
  readonly cpuPer1000: Readonly<Record<string, number>>;
  /**
   * Cores busy while the load ran, on average: the whole machine, the services, the load generator (this process),
   * and the rest (the broker, the database, anything else on the machine).
   */
  readonly cores: {
    readonly machine: number;
    readonly services: number;
    readonly loadGenerator: number;
    readonly rest: number;
  };
  /**
   * The load ran from `from` to `to`; the platform had caught up with it by `settledAt`. Latencies count the facts
   * whose origin lies between `from` and `settledAt` (not what a later step, such as a roster growth, caused).
   */
  readonly window: { readonly from: number; readonly to: number; readonly settledAt: number };
  /**
   * Where the time went, hop by hop, from the load's start until it was drained: each consuming stage (broker
   * timestamp to commit, batches) and each service's outbox (staging transaction to the broker's acknowledgement).
   */
  readonly stages: readonly Stage[];
  /** The database's share over the same span (pg_stat_statements); absent when not available. */
  readonly database?: DatabaseTime;
}

export interface PlatformBenchmarkResult {
  readonly machine: Record<string, string | number>;
  readonly members: { readonly base: number; readonly scaled: number | null };
  readonly historyClaims: number;
  readonly historySeconds: number;
  readonly baselines: {
    readonly kafkaProducePerSecond: number;
    readonly kafkaConsumePerSecond: number;
    readonly kafkaEndToEndPerSecond: number;
    readonly postgresInsertPerSecond: number;
  };
  readonly rates: readonly RateResult[];
  /** Resident memory just after start-up, before any data. */
  readonly rssAtStartMb: Readonly<Record<string, number>>;
  /** Resident memory 5 s after the history was loaded and every group had caught up. */
  readonly rssAfterHistoryMb: Readonly<Record<string, number>>;
  /** Resident memory at rest after every load: once each service released its memory at rest (or 90 s). */
  readonly rssAtRestMb: Readonly<Record<string, number>>;
  readonly rssPeakMb: Readonly<Record<string, number>>;
  readonly timeline: readonly Sample[];
}

/** The derived facts whose latency is measured, by topic. */
const FACT_TOPICS = [
  TOPICS.claimReceived.name,
  TOPICS.memberIdentified.name,
  TOPICS.careGapDetected.name,
  TOPICS.careGapClosed.name,
  TOPICS.careAlertIssued.name,
  TOPICS.surveyTriggered.name,
] as const;
const TASK_FACT = 'casework task';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The whole platform as `npm run stack` runs it (every service its own compiled process, Apache Kafka, PostgreSQL),
 * fed a synthetic plan: history first (members and their claims, untimed), then open-loop loads at fixed rates,
 * each followed by a drain. Latency is measured per derived fact from the `origin-time` header every event carries
 * (when intake accepted the claim) to the event's broker timestamp, and for casework tasks to the task's creation.
 * The same run measures two baselines on the same broker and database: raw kafkajs produce-and-consume of the same
 * claim messages, and a plain batched insert of the same claims into PostgreSQL.
 */
export async function runPlatformBenchmark(
  options: PlatformBenchmarkOptions,
): Promise<PlatformBenchmarkResult> {
  const { log } = options;
  const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  const population = createPopulation({ seed: options.seed, households: 10_000_000, asOf });
  const perRateClaims = options.rates.map((rate) => rate * options.seconds);
  const loadNeeded =
    perRateClaims.reduce((sum, claims) => sum + claims, 0) +
    (options.rosterScale > 1 ? options.scaleRate * options.seconds : 0) +
    // the load after a rest
    options.scaleRate * options.seconds;
  const members: MemberRecordPlain[] = [];
  const historyClaims: ClaimSubmissionPlain[] = [];
  const loadClaims: ClaimSubmissionPlain[] = [];
  let households = 0;
  for (; households < options.historyHouseholds || loadClaims.length < loadNeeded; households += 1) {
    const household = population.household(households);
    members.push(...household.members);
    (households < options.historyHouseholds ? historyClaims : loadClaims).push(...household.claims);
  }
  log(
    `population: ${members.length} members in ${households} households; ${historyClaims.length} history claims, ` +
      `${loadClaims.length} claims for the timed loads`,
  );

  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const profiles = join(options.dir, 'profiles');
  const stack = await startPlatformStack((line) => log(`[stack] ${line}`), {
    dir: join(options.dir, 'stack'),
    ports: 'free',
    // The benchmark feeds intake and reads the broker and the database; nothing opens the console.
    without: ['console'],
    // A rest of 30 s (not the default 300) before memory is given back, so the benchmark can wait for it.
    serviceEnv: { MEMORY_RELEASE_IDLE_SECONDS: process.env['MEMORY_RELEASE_IDLE_SECONDS'] ?? '30' },
    // Where the database's time goes, per statement (see database-time.ts).
    statementStatistics: true,
    ...(options.profile === true ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profiles}`] } : {}),
  });
  const pids = new Map<number, string>();
  const databaseUrl = stack.env['DATABASE_URL'] ?? '';
  const brokers = (stack.env['KAFKA_BROKERS'] ?? '').split(',');
  const connection = await OpsConnection.connect({ brokers });
  const database = new Client({ connectionString: databaseUrl });
  await database.connect();
  const kafka = new Kafka({ clientId: 'bench-platform', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const ready = Date.now();
  const timeline: Sample[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      timeline.push(await takeSample(stack, connection, database, ready).catch(() => emptySample(ready)));
      await sleep(1000);
    }
  })();
  try {
    await sleep(3000);
    const atStart = timeline[timeline.length - 1] ?? emptySample(ready);
    const authorization = claimsFeedAuthorization(stack.env['OIDC_ISSUER'] ?? '');
    const intakeUrl = stack.env['CLAIMS_INTAKE_URL'] ?? '';
    const historyStarted = Date.now();
    await postAll(intakeUrl, authorization, '/v1/members/batch', 'members', members);
    await postAll(intakeUrl, authorization, '/v1/claims/batch', 'claims', historyClaims);
    await waitUntilDrained(connection, database, 900_000);
    const historySeconds = (Date.now() - historyStarted) / 1000;
    log(
      `history: ${members.length} members and ${historyClaims.length} claims settled in ${historySeconds.toFixed(1)} s`,
    );
    await sleep(5000);
    const afterHistory = timeline[timeline.length - 1] ?? emptySample(ready);

    const claims = loadClaims[Symbol.iterator]();
    const rates: RateResult[] = [];
    const runRate = async (phase: string, rate: number): Promise<void> => {
      const before = timeline[timeline.length - 1] ?? emptySample(ready);
      const [histogramsBefore, databaseMark] = await Promise.all([
        scrapeStageHistograms(stack),
        markDatabase(database),
      ]);
      log(`${phase}: ${rate} claims/s for ${options.seconds} s`);
      const load = await runOpenLoop({
        ratePerSecond: rate,
        seconds: options.seconds,
        claims,
        batchSize: Math.max(10, Math.min(100, Math.round(rate / 20))),
        intakeUrl,
        authorization,
        producer,
        maxInFlight: 200,
      });
      const loadEnd = Date.now();
      const atLoadEnd = timeline[timeline.length - 1] ?? emptySample(ready);
      const during = timeline.filter((sample) => sample.t * 1000 + ready >= load.startedAt);
      const lagAtEnd = worstOf(timeline[timeline.length - 1]?.lag);
      const drainSeconds = (await waitUntilDrained(connection, database, 600_000)) / 1000;
      await sleep(1500);
      const settledAt = Date.now();
      const [histogramsAfter, databaseTime] = await Promise.all([
        scrapeStageHistograms(stack),
        databaseTimeSince(database, databaseMark),
      ]);
      const stages = [...histogramsAfter].flatMap(([service, after]) =>
        stagesOf(service, histogramsSince(after, histogramsBefore.get(service) ?? new Map())),
      );
      const after = timeline[timeline.length - 1] ?? emptySample(ready);
      const cpuPer1000 = Object.fromEntries(
        Object.keys(after.cpu).map((service) => [
          service,
          load.sent === 0 ? 0 : ((after.cpu[service] ?? 0) - (before.cpu[service] ?? 0)) / (load.sent / 1000),
        ]),
      );
      const maxLag = Math.max(0, ...during.map((sample) => worstOf(sample.lag)));
      const loadSeconds = Math.max(0.001, atLoadEnd.t - before.t);
      const coresOf = (from: number | undefined, to: number | undefined): number =>
        from === undefined || to === undefined ? 0 : (to - from) / loadSeconds;
      const machine = coresOf(before.machineCpu, atLoadEnd.machineCpu);
      const services = coresOf(totalOf(before.cpu), totalOf(atLoadEnd.cpu));
      const loadGenerator = coresOf(before.loadGeneratorCpu, atLoadEnd.loadGeneratorCpu);
      const cores = {
        machine,
        services,
        loadGenerator,
        rest: Math.max(0, machine - services - loadGenerator),
      };
      rates.push({
        phase,
        load,
        absorbedPerSecond: 0,
        maxLag,
        lagAtEnd,
        drainSeconds,
        sustainable: false,
        latency: {},
        cpuPer1000,
        cores,
        window: { from: load.startedAt, to: loadEnd, settledAt },
        stages,
        ...(databaseTime === undefined ? {} : { database: databaseTime }),
      });
      log(
        `${phase}: ${load.sent} sent, ${load.shed} shed, ${load.failed} failed; lag at the end ${lagAtEnd}, ` +
          `max ${maxLag}; drained in ${drainSeconds.toFixed(1)} s`,
      );
    };
    for (const rate of options.rates) await runRate(`${rate}/s`, rate);
    const baseMembers = members.length;
    let scaledMembers: number | null = null;
    if (options.rosterScale > 1) {
      const extra = baseMembers * (options.rosterScale - 1);
      log(`growing the roster from ${baseMembers} to ${baseMembers + extra} members`);
      const growStarted = Date.now();
      await postAll(
        intakeUrl,
        authorization,
        '/v1/members/batch',
        'members',
        rosterOnly(population, members.length, extra),
      );
      await waitUntilDrained(connection, database, 1_800_000);
      scaledMembers = baseMembers + extra;
      log(`roster grown and settled in ${((Date.now() - growStarted) / 1000).toFixed(1)} s`);
      await runRate(`${options.scaleRate}/s, ${options.rosterScale}x roster`, options.scaleRate);
    }

    // At rest after every load: once each service has given back what the loads grew (ADR 22; the benchmark's
    // services rest MEMORY_RELEASE_IDLE_SECONDS=30 s, not the default 300), or after 90 s if one has not. Then the
    // same load again, to show what a load right after a rest pays (code and heap to grow back).
    const restStarted = Date.now();
    const released = await waitForMemoryReleases(stack, await memoryReleaseCounts(stack), 90_000);
    await sleep(2000);
    const atRest = timeline[timeline.length - 1] ?? emptySample(ready);
    log(
      `at rest after ${((Date.now() - restStarted) / 1000).toFixed(0)} s: ` +
        `${released.length === 0 ? 'no service' : released.join(', ')} released memory`,
    );
    await runRate(`${options.scaleRate}/s after a rest`, options.scaleRate);

    const latencies = await measureLatencies(
      connection,
      database,
      rates.map((rate) => ({ from: rate.window.from, until: rate.window.settledAt })),
    );
    const results = rates.map((rate, index) => {
      const facts = latencies[index] ?? {};
      const accepted = facts[TOPICS.claimReceived.name]?.count ?? 0;
      const absorbedPerSecond = accepted / ((rate.window.to - rate.window.from) / 1000);
      return {
        ...rate,
        latency: facts,
        absorbedPerSecond,
        // Sustainable: nothing shed or failed, nearly every offered claim absorbed within the load, and the lag at
        // its end, in the group furthest behind, under two seconds of input (or 1,000 messages): the platform kept
        // up rather than queued.
        sustainable:
          rate.load.shed === 0 &&
          rate.load.failed === 0 &&
          absorbedPerSecond >= 0.95 * rate.load.ratePerSecond &&
          rate.lagAtEnd <= Math.max(1000, 2 * rate.load.ratePerSecond),
      };
    });

    log('baselines: raw kafkajs produce and consume, batched PostgreSQL insert, of the same claims');
    const sample = loadClaims.slice(0, options.baselineClaims);
    const kafkaBaseline = await measureKafkaBaseline(kafka, connection, sample);
    const postgresInsertPerSecond = await measurePostgresBaseline(database, sample);
    const services = Object.keys(atRest.rss);
    const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
    return {
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
        broker: 'Apache Kafka (1 node, KRaft), from the local stack',
      },
      members: { base: baseMembers, scaled: scaledMembers },
      historyClaims: historyClaims.length,
      historySeconds,
      baselines: { ...kafkaBaseline, postgresInsertPerSecond },
      rates: results,
      rssAtStartMb: Object.fromEntries(services.map((service) => [service, mb(atStart.rss[service] ?? 0)])),
      rssAfterHistoryMb: Object.fromEntries(
        services.map((service) => [service, mb(afterHistory.rss[service] ?? 0)]),
      ),
      rssAtRestMb: Object.fromEntries(services.map((service) => [service, mb(atRest.rss[service] ?? 0)])),
      rssPeakMb: Object.fromEntries(
        services.map((service) => [
          service,
          mb(
            Math.max(
              ...timeline
                .filter((s) => s.t * 1000 + ready >= (results[0]?.window.from ?? 0))
                .map((s) => s.rss[service] ?? 0),
            ),
          ),
        ]),
      ),
      timeline,
    };
  } finally {
    sampling = false;
    await sampler;
    await producer.disconnect().catch(() => undefined);
    await database.end().catch(() => undefined);
    await connection.disconnect().catch(() => undefined);
    for (const instance of stack.instances)
      pids.set(instance.supervised.process.pid ?? -1, instance.service.name);
    await stack.stop();
    if (options.profile === true) {
      // A process writes its profile when it exits: named CPU.<date>.<pid>.<thread>.<sequence>.cpuprofile.
      for (const [file, hotspots] of Object.entries(summarizeProfiles(profiles))) {
        const pid = Number(file.split('.')[3]);
        log(`profile of ${pids.get(pid) ?? file} (self time, share of its busy time):`);
        for (const spot of hotspots) log(`  ${(spot.share * 100).toFixed(1).padStart(5)} %  ${spot.frame}`);
      }
    }
  }
}

const totalOf = (values: Readonly<Record<string, number>> | undefined): number =>
  Object.values(values ?? {}).reduce((sum, value) => sum + value, 0);

/** The lag of the group furthest behind (one claim counts once per group that reads it, so totals overstate). */
const worstOf = (values: Readonly<Record<string, number>> | undefined): number =>
  Math.max(0, ...Object.values(values ?? {}));

function emptySample(ready: number): Sample {
  return { t: (Date.now() - ready) / 1000, lag: {}, outbox: {}, cpu: {}, rss: {} };
}

async function takeSample(
  stack: PlatformStack,
  connection: OpsConnection,
  database: Client,
  ready: number,
): Promise<Sample> {
  const cpu: Record<string, number> = {};
  const rss: Record<string, number> = {};
  for (const instance of stack.instances) {
    const measured = sampleProcess(instance.supervised.process.pid ?? -1);
    if (measured === undefined) continue;
    cpu[instance.service.name] = (cpu[instance.service.name] ?? 0) + measured.cpuSeconds;
    rss[instance.service.name] = (rss[instance.service.name] ?? 0) + measured.rssBytes;
  }
  const [report, outboxRows] = await Promise.all([
    measureConsumerLag(connection),
    outboxRowsBySchema(database),
  ]);
  const lag: Record<string, number> = {};
  for (const partition of report.partitions)
    lag[partition.group] = (lag[partition.group] ?? 0) + partition.lag;
  const own = process.cpuUsage();
  return {
    t: (Date.now() - ready) / 1000,
    lag,
    outbox: outboxRows,
    cpu,
    rss,
    machineCpu: machineBusySeconds(),
    loadGeneratorCpu: (own.user + own.system) / 1e6,
  };
}

/** Each service's stage histograms (see stage-breakdown.ts), by service name; one that does not answer is left out. */
async function scrapeStageHistograms(stack: PlatformStack): Promise<Map<string, Histograms>> {
  const scraped = new Map<string, Histograms>();
  for (const service of stack.services.filter((candidate) => candidate.name !== 'dev-identity')) {
    const text = await fetch(`${service.url}/metrics`)
      .then((response) => response.text())
      .catch(() => undefined);
    if (text !== undefined) scraped.set(service.name, readHistograms(text, STAGE_HISTOGRAMS));
  }
  return scraped;
}

/** Each service's `care_memory_releases_total` (releases at rest so far), by name; dev-identity serves none. */
async function memoryReleaseCounts(stack: PlatformStack): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const service of stack.services.filter((candidate) => candidate.name !== 'dev-identity')) {
    const text = await fetch(`${service.url}/metrics`)
      .then((response) => response.text())
      .catch(() => '');
    counts.set(service.name, Number(/^care_memory_releases_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? 0));
  }
  return counts;
}

/**
 * The services (by name) that released memory at rest since `before` was counted, waiting until every one has or
 * `timeoutMs` passed.
 */
async function waitForMemoryReleases(
  stack: PlatformStack,
  before: ReadonlyMap<string, number>,
  timeoutMs: number,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await memoryReleaseCounts(stack);
    const released = [...now]
      .filter(([name, count]) => count > (before.get(name) ?? 0))
      .map(([name]) => name);
    if (released.length === now.size || Date.now() >= deadline) return released;
    await sleep(2000);
  }
}

/** Milliseconds until every group caught up and every outbox was empty, twice in a row a second apart. */
export async function waitUntilDrained(
  connection: OpsConnection,
  database: Client,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  while (Date.now() - started < timeoutMs) {
    const probe = await Promise.all([measureConsumerLag(connection), outboxRowsBySchema(database)]).catch(
      (error: unknown) => {
        // A transient failure (the database short of locks or connections, a broker request timing out) is a
        // busy moment of the platform, not the end of the benchmark: ask again.
        if (isTransientFailure(error)) return undefined;
        throw error;
      },
    );
    const busy =
      probe === undefined ||
      probe[0].partitions.some((partition) => partition.lag > 0) ||
      totalOf(probe[1]) > 0;
    quiet = busy ? 0 : quiet + 1;
    if (quiet >= 2) return Date.now() - started - 1000;
    await sleep(500);
  }
  throw new Error(`the platform did not drain within ${timeoutMs / 1000} s`);
}

/**
 * Untimed loading (history, roster growth): 1,000 per batch, four batches at a time, taken from `items` as they
 * are needed (a roster of a million members is never held in memory at once).
 */
export async function postAll(
  url: string,
  authorization: () => Promise<string>,
  path: string,
  field: string,
  items: Iterable<unknown>,
): Promise<void> {
  const source = items[Symbol.iterator]();
  const nextBatch = (): unknown[] => {
    const batch: unknown[] = [];
    for (let next = source.next(); next.done !== true; next = source.next()) {
      batch.push(next.value);
      if (batch.length === 1000) break;
    }
    return batch;
  };
  const worker = async (): Promise<void> => {
    for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: await authorization(), 'content-type': 'application/json' },
        body: JSON.stringify({ [field]: batch }),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

/** `extra` members of the same population after its first `skip` (roster only: their claims are not rendered). */
function* rosterOnly(
  population: ReturnType<typeof createPopulation>,
  skip: number,
  extra: number,
): Generator<MemberRecordPlain> {
  let seen = 0;
  for (const member of population.members()) {
    seen += 1;
    if (seen <= skip) continue;
    if (seen > skip + extra) return;
    yield member;
  }
}

/**
 * Latency per rate window and fact: every event on the fact topics whose origin (the claim's acceptance) lies in
 * the window, its broker timestamp minus its origin; casework tasks by their creation time minus their cause
 * event's origin. A window runs from its load's start until the platform had caught up with that load, so what
 * happens between loads (the roster growth: its members' preventive gaps and alerts) counts for none.
 */
async function measureLatencies(
  connection: OpsConnection,
  database: Client,
  windows: ReadonlyArray<{ readonly from: number; readonly until: number }>,
): Promise<Array<Record<string, Percentiles>>> {
  const windowOf = (origin: number): number =>
    windows.findIndex((window) => origin >= window.from && origin <= window.until);
  const values: Array<Record<string, number[]>> = windows.map(() => ({}));
  const originById = new Map<string, number>();
  for (const topic of FACT_TOPICS) {
    const messages = await readTopic(connection, connection.names.physical(topic), { timeoutMs: 300_000 });
    for (const { message } of messages) {
      const origin = Date.parse(message.headers?.[HEADERS.originTime]?.toString() ?? '');
      const id = message.headers?.[HEADERS.eventId]?.toString();
      if (id !== undefined && Number.isFinite(origin)) originById.set(id, origin);
      const window = windowOf(origin);
      if (window < 0) continue;
      const bucket = values[window] ?? {};
      (bucket[topic] ??= []).push(Number(message.timestamp) - origin);
    }
  }
  const tasks = await database.query<{ cause: string | null; created: Date }>(
    'SELECT cause_event_id::text AS cause, created_at AS created FROM casework.tasks WHERE created_at >= $1',
    [new Date(windows[0]?.from ?? 0)],
  );
  for (const task of tasks.rows) {
    const origin = task.cause === null ? undefined : originById.get(task.cause);
    if (origin === undefined) continue;
    const window = windowOf(origin);
    if (window < 0) continue;
    const bucket = values[window] ?? {};
    (bucket[TASK_FACT] ??= []).push(task.created.getTime() - origin);
  }
  return values.map((bucket) =>
    Object.fromEntries(Object.entries(bucket).map(([fact, latencies]) => [fact, percentilesOf(latencies)])),
  );
}

/** Raw kafkajs on the same broker: produce the claims' messages in batches of 500, then consume them in a group. */
async function measureKafkaBaseline(
  kafka: Kafka,
  connection: OpsConnection,
  claims: readonly ClaimSubmissionPlain[],
): Promise<{ kafkaProducePerSecond: number; kafkaConsumePerSecond: number; kafkaEndToEndPerSecond: number }> {
  const topic = `bench-baseline-${Date.now()}`;
  await connection.admin.createTopics({
    topics: [{ topic, numPartitions: TOPICS.claimsInbound.partitions }],
    waitForLeaders: true,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const messages = claims.map((claim) => inboundClaimMessage(claim));
  const started = Date.now();
  for (let start = 0; start < messages.length; start += 500) {
    await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 500) });
  }
  const produced = Date.now();
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let consumed = 0;
  const consumeStarted = Date.now();
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachBatch: async ({ batch }) => {
          for (const message of batch.messages) JSON.parse(message.value?.toString('utf8') ?? 'null');
          consumed += batch.messages.length;
          if (consumed >= messages.length) resolve();
          await Promise.resolve();
        },
      })
      .catch(reject);
  });
  const finished = Date.now();
  await consumer.disconnect();
  await connection.admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  return {
    kafkaProducePerSecond: messages.length / ((produced - started) / 1000),
    kafkaConsumePerSecond: messages.length / ((finished - consumeStarted) / 1000),
    kafkaEndToEndPerSecond: messages.length / ((finished - started) / 1000),
  };
}

/** The database's own limit for the same rows: the claims as JSON, batched inserts of 1,000 in one table. */
async function measurePostgresBaseline(
  database: Client,
  claims: readonly ClaimSubmissionPlain[],
): Promise<number> {
  await database.query('CREATE SCHEMA IF NOT EXISTS bench_baseline');
  await database.query('DROP TABLE IF EXISTS bench_baseline.claims');
  await database.query(
    `CREATE TABLE bench_baseline.claims (claim_id text, version int, member_id text, body jsonb,
       PRIMARY KEY (claim_id, version))`,
  );
  const started = Date.now();
  for (let start = 0; start < claims.length; start += 1000) {
    const batch = claims.slice(start, start + 1000);
    await database.query(
      `INSERT INTO bench_baseline.claims SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[])`,
      [
        batch.map((claim) => claim.claimId),
        batch.map((claim) => claim.version),
        batch.map((claim) => claim.memberId),
        batch.map((claim) => JSON.stringify(claim)),
      ],
    );
  }
  const perSecond = claims.length / ((Date.now() - started) / 1000);
  await database.query('DROP SCHEMA bench_baseline CASCADE');
  return perSecond;
}

/** Renders the charts with Vega-Lite (bench/platform/render-chart.mjs: an ES module, as Vega is). */
export function renderCharts(result: PlatformBenchmarkResult, dir: string): string[] {
  const latencyRows = result.rates.flatMap((rate) =>
    Object.entries(rate.latency).flatMap(([fact, figures]) =>
      (['p50', 'p95', 'p99'] as const).map((stat) => ({
        phase: rate.phase,
        fact,
        stat,
        ms: Math.max(1, figures[stat]),
      })),
    ),
  );
  const latencySpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Latency from a claim’s acceptance to each derived fact (ms, log scale)',
    data: { values: latencyRows },
    facet: { column: { field: 'phase', type: 'nominal', title: null, sort: null } },
    spec: {
      width: 180,
      height: 220,
      mark: { type: 'point', filled: true },
      encoding: {
        x: { field: 'fact', type: 'nominal', title: null, axis: { labelAngle: -60 } },
        y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms' },
        color: { field: 'stat', type: 'nominal', title: 'percentile' },
        shape: { field: 'stat', type: 'nominal' },
      },
    },
  };
  const lagRows = result.timeline.flatMap((sample) => [
    { t: sample.t, series: 'consumer lag (messages, all groups)', value: totalOf(sample.lag) },
    { t: sample.t, series: 'outbox backlog (rows, all services)', value: totalOf(sample.outbox) },
  ]);
  const lagSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Consumer lag and outbox backlog over the run',
    width: 900,
    height: 260,
    data: { values: lagRows },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'seconds since the stack was ready' },
      y: { field: 'value', type: 'quantitative', title: null },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'top' } },
    },
  };
  const files: string[] = [];
  for (const [name, spec] of [
    ['platform-latency', latencySpec],
    ['platform-lag', lagSpec],
  ] as const) {
    const specFile = join(dir, `${name}.vl.json`);
    const svgFile = join(dir, `${name}.svg`);
    writeFileSync(specFile, JSON.stringify(spec));
    const rendered = spawnSync(process.execPath, [join(__dirname, 'render-chart.mjs'), specFile, svgFile], {
      encoding: 'utf8',
    });
    if (rendered.status !== 0) throw new Error(`chart ${name} failed: ${rendered.stderr}`);
    files.push(svgFile);
  }
  return files;
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);

/** The benchmark's figures as markdown (what bench/README.md quotes). */
export function renderMarkdown(result: PlatformBenchmarkResult): string {
  const { baselines } = result;
  const facts = [...FACT_TOPICS, TASK_FACT];
  const services = Object.keys(result.rssAtRestMb);
  const lines = [
    `Machine: ${String(result.machine['cpu'])}, ${String(result.machine['cores'])} cores, ${String(result.machine['memoryGb'])} GB, ` +
      `Node ${String(result.machine['node'])}; ${String(result.machine['broker'])}, embedded PostgreSQL; every service a ` +
      'compiled process, as `npm run stack` runs them, on the same machine as the load generator.',
    '',
    `History: ${result.members.base} members and ${result.historyClaims} claims loaded and settled in ${fixed(result.historySeconds, 1)} s ` +
      `(${fixed(result.historyClaims / result.historySeconds)} claims/s through every service, closed loop).`,
    '',
    '| baseline (same run, same claims) | per second |',
    '| --- | ---: |',
    `| raw kafkajs produce (batches of 500, acks all) | ${fixed(baselines.kafkaProducePerSecond)} |`,
    `| raw kafkajs consume (one group, JSON parse) | ${fixed(baselines.kafkaConsumePerSecond)} |`,
    `| raw kafkajs produce then consume | ${fixed(baselines.kafkaEndToEndPerSecond)} |`,
    `| PostgreSQL batched insert (1,000 rows per insert, JSON) | ${fixed(baselines.postgresInsertPerSecond)} |`,
    '',
    '| load | offered | absorbed claims/s | vs raw Kafka | shed | max group lag | group lag at end | drain s | sustainable |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...result.rates.map(
      (rate) =>
        `| ${rate.phase} | ${rate.load.offered} | ${fixed(rate.absorbedPerSecond)} | ` +
        `${fixed(rate.absorbedPerSecond / baselines.kafkaEndToEndPerSecond, 3)} | ${rate.load.shed} | ${rate.maxLag} | ` +
        `${rate.lagAtEnd} | ${fixed(rate.drainSeconds, 1)} | ${rate.sustainable ? 'yes' : 'no'} |`,
    ),
    '',
    `Cores busy while each load ran, on average, of the machine's ${result.machine['cores'] ?? '?'}:`,
    '',
    '| load | whole machine | the services | the load generator | broker, database and the rest |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...result.rates.map(
      (rate) =>
        `| ${rate.phase} | ${fixed(rate.cores.machine, 2)} | ${fixed(rate.cores.services, 2)} | ` +
        `${fixed(rate.cores.loadGenerator, 2)} | ${fixed(rate.cores.rest, 2)} |`,
    ),
    '',
    "Latency from a claim's acceptance (its `origin-time`) to each derived fact, ms: p50 / p95 / p99 / max (count)",
    '',
    `| load | ${facts.join(' | ')} |`,
    `| --- | ${facts.map(() => '---:').join(' | ')} |`,
    ...result.rates.map(
      (rate) =>
        `| ${rate.phase} | ${facts
          .map((fact) => {
            const figures = rate.latency[fact];
            return figures === undefined || figures.count === 0
              ? '-'
              : `${figures.p50} / ${figures.p95} / ${figures.p99} / ${figures.max} (${figures.count})`;
          })
          .join(' | ')} |`,
    ),
    '',
    `| service | RSS at start MB | RSS after history MB | RSS at rest MB | RSS peak MB | ${result.rates.map((rate) => `CPU s / 1,000 claims at ${rate.phase}`).join(' | ')} |`,
    `| --- | ---: | ---: | ---: | ---: | ${result.rates.map(() => '---:').join(' | ')} |`,
    ...services.map(
      (service) =>
        `| ${service} | ${result.rssAtStartMb[service] ?? 0} | ${result.rssAfterHistoryMb[service] ?? 0} | ${result.rssAtRestMb[service] ?? 0} | ${result.rssPeakMb[service] ?? 0} | ${result.rates
          .map((rate) => fixed(rate.cpuPer1000[service] ?? 0, 2))
          .join(' | ')} |`,
    ),
    `| all services | ${sumOf(result.rssAtStartMb)} | ${sumOf(result.rssAfterHistoryMb)} | ${sumOf(result.rssAtRestMb)} | ${sumOf(result.rssPeakMb)} | ${result.rates
      .map((rate) => fixed(sumOf(rate.cpuPer1000), 2))
      .join(' | ')} |`,
    '',
    ...rosterComparison(result),
    ...stageTable(result),
    ...databaseTable(result),
  ];
  return lines.join('\n');
}

const sumOf = (values: Readonly<Record<string, number>>): number =>
  Object.values(values).reduce((sum, value) => sum + value, 0);

/** CPU per claim with the grown roster against the same rate on the base roster, per service and in total. */
function rosterComparison(result: PlatformBenchmarkResult): string[] {
  const scaled = result.rates.find((rate) => rate.phase.includes('roster'));
  if (scaled === undefined || result.members.scaled === null) return [];
  const base = result.rates.find(
    (rate) => rate.load.ratePerSecond === scaled.load.ratePerSecond && rate !== scaled,
  );
  if (base === undefined) return [];
  const ratio = (service?: string): string => {
    const before = service === undefined ? sumOf(base.cpuPer1000) : (base.cpuPer1000[service] ?? 0);
    const after = service === undefined ? sumOf(scaled.cpuPer1000) : (scaled.cpuPer1000[service] ?? 0);
    return before === 0 ? '-' : fixed(after / before, 2);
  };
  return [
    `Cost per claim as the population grows from ${result.members.base} to ${result.members.scaled} members ` +
      `(CPU per 1,000 claims at ${scaled.load.ratePerSecond}/s, grown over base): all services ${ratio()}; ` +
      Object.keys(base.cpuPer1000)
        .filter((service) => service !== 'dev-identity')
        .map((service) => `${service} ${ratio(service)}`)
        .join(', ') +
      '.',
    '',
  ];
}

/** Milliseconds as a table cell: whole above 10, one decimal below. */
const ms = (value: number | undefined): string =>
  value === undefined ? '-' : value >= 10 ? fixed(value) : fixed(value, 1);

/**
 * Where the time went, hop by hop: one row per stage, one column per load. A consuming stage's figure runs from the
 * consumed event's broker timestamp to the commit of its effect (waiting in Kafka, then decoding, applying and
 * committing its batch); a publishing stage's from the transaction that staged the event to the broker's ack.
 */
function stageTable(result: PlatformBenchmarkResult): string[] {
  const keys = new Map<string, { service: string; stage: string }>();
  for (const rate of result.rates)
    for (const stage of rate.stages ?? [])
      keys.set(`${stage.service} ${stage.stage}`, { service: stage.service, stage: stage.stage });
  if (keys.size === 0) return [];
  const order = [...keys.entries()].sort(([a], [b]) => a.localeCompare(b));
  return [
    "Where the time went, hop by hop (from the services' own histograms over each load until drained; mean / p95 ms, " +
      'p95 estimated from the buckets as Prometheus does; for a consuming stage, events per batch and the mean batch):',
    '',
    `| service | stage | ${result.rates.map((rate) => rate.phase).join(' | ')} |`,
    `| --- | --- | ${result.rates.map(() => '---:').join(' | ')} |`,
    ...order.map(([key, { service, stage }]) => {
      const cells = result.rates.map((rate) => {
        const found = (rate.stages ?? []).find(
          (candidate) => `${candidate.service} ${candidate.stage}` === key,
        );
        if (found === undefined) return '-';
        const batches =
          found.batches === undefined || found.batches === 0
            ? ''
            : `; ${fixed(found.events / found.batches, 1)}/batch, ${ms(found.meanBatchMs)}`;
        return `${ms(found.meanMs)} / ${ms(found.p95Ms)}${batches}`;
      });
      return `| ${service} | ${stage} | ${cells.join(' | ')} |`;
    }),
    '',
  ];
}

/** The database's share of each load: transactions, statements, time executing, planning and waiting on locks. */
function databaseTable(result: PlatformBenchmarkResult): string[] {
  const measured = result.rates.filter((rate) => rate.database !== undefined);
  if (measured.length === 0) return [];
  const perSecond = (rate: RateResult, value: number): string =>
    fixed(value / Math.max(0.001, (rate.window.settledAt - rate.window.from) / 1000));
  return [
    'The database over each load until drained (pg_stat_statements): time in statements per second of the load ' +
      '(execution less the lock statement, and planning; time, not only CPU: it includes I/O), and the time ' +
      'transactions spent waiting on member and household locks (lockKeys):',
    '',
    '| load | commits/s | statements/s | execution, s/s | planning, s/s | waiting on member locks, s | heaviest statement (calls, ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...measured.map((rate) => {
      const database = rate.database as DatabaseTime;
      const seconds = Math.max(0.001, (rate.window.settledAt - rate.window.from) / 1000);
      const heaviest = database.top[0];
      return (
        `| ${rate.phase} | ${perSecond(rate, database.commits)} | ${perSecond(rate, database.statements)} | ` +
        `${fixed((database.executionMs - database.lockWaitMs) / 1000 / seconds, 2)} | ` +
        `${fixed(database.planningMs / 1000 / seconds, 2)} | ${fixed(database.lockWaitMs / 1000, 1)} | ` +
        `${heaviest === undefined ? '-' : `\`${heaviest.statement.replace(/\|/g, '\\|')}\` (${heaviest.calls}, ${fixed(heaviest.ms)})`} |`
      );
    }),
    '',
  ];
}

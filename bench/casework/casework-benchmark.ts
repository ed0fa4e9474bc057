import { percentile } from '../support/percentiles';
import { randomUUID } from 'node:crypto';
import { DEV_PASSWORD, DEV_USERS, startDevIdentityProvider, type DevUser } from '@care/auth';
import { aValidMember, deadLetterTopicOf, TOPICS } from '@care/contracts';
import {
  careGapClosedMessage,
  careGapDetectedMessage,
  identificationRetractedMessage,
  memberEligibilityChangedMessage,
  memberIdentifiedMessage,
  phq9CompletedMessage,
  type TopicProbe,
} from '@care/testing';
import { Client } from 'pg';
import {
  caughtUp,
  measureConsumeBaseline,
  secondsSince,
  startBenchService,
  startBenchStack,
  timeRounds,
  type BenchStack,
} from '../support/bench-stack';

/** Options of {@link runCaseworkBenchmark}. */
export interface CaseworkBenchmarkOptions {
  /** Members of the base population; the scaled one has `scale` times as many. */
  readonly members: number;
  readonly scale: number;
  /** New task-causing events timed at steady state in each population. */
  readonly measuredEvents: number;
  /** Tasks the coaches take with `POST /v1/queues/coaching/next` in each population. */
  readonly drainedTasks: number;
  /** Coaches calling `next` at once. */
  readonly coaches: number;
  readonly log?: (line: string) => void;
}

/** The coaches draining the queue: throughput, latency per call and what they were handed. */
export interface QueueDrain {
  /** Waiting (open) and closed (cancelled or completed) tasks in the table when the drain started. */
  readonly waitingBefore: number;
  readonly closedBefore: number;
  /** `next` answers with a task; `distinctTasks` of them different tasks. */
  readonly handedOut: number;
  readonly distinctTasks: number;
  /** `assigned` entries in the task history after the drain (one per task handed out). */
  readonly assignmentsRecorded: number;
  /** `next` answers 204 (queue empty): none expected, the queue holds more than is drained. */
  readonly emptyAnswers: number;
  /** Median of the timed rounds. */
  readonly tasksPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

/** One population's figures. */
export interface CaseworkPhase {
  readonly members: number;
  /** Roster, cause and end events fed before the timed ones. */
  readonly historyEvents: number;
  /** Tasks the history left waiting and closed. */
  readonly historyWaiting: number;
  readonly historyClosed: number;
  readonly measuredEvents: number;
  /** Tasks whose cause is one of the timed events, and their distinct causes (both should be `measuredEvents`). */
  readonly measuredTasks: number;
  readonly measuredCauses: number;
  /** Median of the timed rounds, events (each one task) per second. */
  readonly tasksPerSecond: number;
  readonly deadLetters: number;
  readonly next: QueueDrain;
}

/** Base and scaled populations, and the raw consumption of the base population's timed events. */
export interface CaseworkBenchmarkResult {
  readonly baselineConsumePerSecond: number;
  readonly base: CaseworkPhase;
  readonly scaled: CaseworkPhase;
  readonly scale: number;
  readonly coaches: number;
  readonly brokerKind: string;
}

type Message = { key: string; value: string };

const CHUNK = 10000;
/** The timed events, and the drained tasks, go in this many rounds; the median round is the figure. */
const ROUNDS = 3;
const QUEUE = 'coaching';
const INPUTS = [
  TOPICS.memberIdentified.name,
  TOPICS.careGapDetected.name,
  TOPICS.screeningCompleted.name,
  TOPICS.memberEligibilityChanged.name,
  TOPICS.memberIdentificationRetracted.name,
  TOPICS.careGapClosed.name,
];
const CAUSES = [
  TOPICS.memberIdentified.name,
  TOPICS.careGapDetected.name,
  TOPICS.screeningCompleted.name,
] as const;

const memberIdOf = (index: number): string => `M-BENCH-${String(index).padStart(7, '0')}`;

/** The messages of one population, by the order they are fed. */
interface CaseworkInputs {
  readonly roster: Message[];
  readonly identifications: Message[];
  readonly gaps: Message[];
  readonly screenings: Message[];
  readonly retractions: Message[];
  readonly closures: Message[];
  /** The timed events (one new task each), by topic, with their event ids. */
  readonly measured: ReadonlyArray<{ topic: (typeof CAUSES)[number]; message: Message; eventId: string }>;
}

/**
 * A population's history and the next events. Every member is on the roster and was identified once, with two
 * care gaps; one in four had a positive PHQ-9. Four in five members' identification was retracted and both gaps
 * closed, so most of the history's tasks are cancelled (about 2.4 closed and 0.85 waiting per member). The timed
 * events are new identifications, gaps and positive screens (one in fifteen with the safety flag) of members spread
 * over the population.
 */
function caseworkInputs(members: number, measured: number): CaseworkInputs {
  const inputs: CaseworkInputs = {
    roster: [],
    identifications: [],
    gaps: [],
    screenings: [],
    retractions: [],
    closures: [],
    measured: [],
  };
  for (let index = 0; index < members; index += 1) {
    const memberId = memberIdOf(index);
    const identificationId = randomUUID();
    const gapIds = [randomUUID(), randomUUID()];
    inputs.roster.push(
      memberEligibilityChangedMessage(aValidMember({ memberId, subscriberId: memberId }), {
        changeType: 'added',
      }),
    );
    inputs.identifications.push(memberIdentifiedMessage(memberId, { identificationId }));
    inputs.gaps.push(...gapIds.map((gapId) => careGapDetectedMessage(memberId, { gapId })));
    if (index % 4 === 0)
      inputs.screenings.push(phq9CompletedMessage(memberId, { positive: true, safetyFlag: false }));
    if (index % 5 !== 0) {
      inputs.retractions.push(identificationRetractedMessage(memberId, identificationId));
      inputs.closures.push(...gapIds.map((gapId) => careGapClosedMessage(memberId, gapId)));
    }
  }
  const measuredEvents = inputs.measured as Array<CaseworkInputs['measured'][number]>;
  for (let index = 0; index < measured; index += 1) {
    const memberId = memberIdOf((index * 7919) % members);
    const eventId = randomUUID();
    const topic = CAUSES[index % CAUSES.length] ?? TOPICS.memberIdentified.name;
    const message =
      topic === TOPICS.memberIdentified.name
        ? memberIdentifiedMessage(memberId, { id: eventId })
        : topic === TOPICS.careGapDetected.name
          ? careGapDetectedMessage(memberId, { id: eventId })
          : phq9CompletedMessage(memberId, { positive: true, safetyFlag: index % 15 === 2, id: eventId });
    measuredEvents.push({ topic, message, eventId });
  }
  return inputs;
}

async function produceInChunks(
  probe: TopicProbe,
  group: string,
  topic: string,
  messages: readonly Message[],
): Promise<void> {
  for (let start = 0; start < messages.length; start += CHUNK) {
    await probe.produce(topic, messages.slice(start, start + CHUNK));
    await caughtUp(probe, group, INPUTS);
  }
}

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The one row a counting query answers. */
const query = <T extends object>(databaseUrl: string, sql: string, parameters: unknown[] = []): Promise<T> =>
  withClient(databaseUrl, async (client) => {
    const row = (await client.query<T>(sql, parameters)).rows[0];
    if (row === undefined) throw new Error('the query answered no row');
    return row;
  });

/**
 * The database as it is in steady use, done once after the history: dead row versions removed and planner statistics
 * current (autovacuum's work), and the load's dirty pages written out (a checkpoint). Otherwise the timed work would
 * depend on whether autovacuum happened to visit the fresh database yet (on a never-analyzed `tasks`, `next` sorts
 * every waiting task on each call) and would share the disk with the writing out of the larger population's load.
 */
const vacuumAnalyze = (databaseUrl: string): Promise<void> =>
  withClient(databaseUrl, async (client) => {
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT');
  });

const taskCounts = (databaseUrl: string): Promise<{ waiting: number; closed: number }> =>
  query<{ waiting: number; closed: number }>(
    databaseUrl,
    `SELECT count(*) FILTER (WHERE status IN ('open', 'snoozed'))::int AS waiting,
            count(*) FILTER (WHERE status IN ('completed', 'cancelled'))::int AS closed
       FROM casework.tasks`,
  );

/**
 * `tokens.length` coaches call `POST /v1/queues/coaching/next` at once, each in a loop, until `total` tasks are
 * handed out, in timed rounds; every call's latency is recorded (answer read).
 */
async function drainQueue(
  url: string,
  tokens: readonly string[],
  total: number,
): Promise<{ taskIds: string[]; emptyAnswers: number; tasksPerSecond: number; latenciesMs: number[] }> {
  const taskIds: string[] = [];
  const latenciesMs: number[] = [];
  let emptyAnswers = 0;
  const timed = await timeRounds(
    Array.from({ length: total }, (_, index) => index),
    ROUNDS,
    async (round) => {
      let remaining = round.length;
      await Promise.all(
        tokens.map(async (token) => {
          while (remaining > 0) {
            remaining -= 1;
            const started = process.hrtime.bigint();
            const response = await fetch(`${url}/v1/queues/${QUEUE}/next`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}` },
            });
            const body = await response.text();
            latenciesMs.push(secondsSince(started) * 1000);
            if (response.status === 204) {
              emptyAnswers += 1;
              return;
            }
            if (response.status !== 200) throw new Error(`next answered ${String(response.status)}`);
            taskIds.push((JSON.parse(body) as { taskId: string }).taskId);
          }
        }),
      );
    },
  );
  return { taskIds, emptyAnswers, tasksPerSecond: timed.median, latenciesMs };
}

/** Times the coaches draining `drainedTasks` of the waiting tasks, and counts what they were handed. */
async function measureNext(
  databaseUrl: string,
  url: string,
  options: { drainedTasks: number; tokens: readonly string[] },
  queued: { waiting: number; closed: number },
): Promise<QueueDrain> {
  if (queued.waiting < options.drainedTasks) {
    throw new Error(
      `${String(queued.waiting)} tasks waiting for ${String(options.drainedTasks)} drained: add members`,
    );
  }
  const drain = await drainQueue(url, options.tokens, options.drainedTasks);
  const latencies = [...drain.latenciesMs].sort((a, b) => a - b);
  const assignments = await query<{ entries: number }>(
    databaseUrl,
    "SELECT count(*)::int AS entries FROM casework.task_history WHERE action = 'assigned'",
  );
  return {
    waitingBefore: queued.waiting,
    closedBefore: queued.closed,
    handedOut: drain.taskIds.length,
    distinctTasks: new Set(drain.taskIds).size,
    assignmentsRecorded: assignments.entries,
    emptyAnswers: drain.emptyAnswers,
    tasksPerSecond: drain.tasksPerSecond,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
  };
}

async function runPhase(
  stack: BenchStack,
  name: string,
  members: number,
  inputs: CaseworkInputs,
  options: CaseworkBenchmarkOptions & { issuer: string; tokens: readonly string[] },
  log: (line: string) => void,
): Promise<CaseworkPhase> {
  const slice = await stack.slice(name);
  // One connection per coach calling at once, and some for the consumer.
  const service = await startBenchService('casework', {
    ...slice.serviceEnv,
    OIDC_ISSUER: options.issuer,
    DB_POOL_SIZE: String(options.coaches + 4),
  });
  const group = `${slice.prefix}casework.task-inputs`;
  try {
    // History: the roster, then the causes, then the ends (after their causes, so they cancel real tasks).
    const started = process.hrtime.bigint();
    const history: Array<[string, Message[]]> = [
      [TOPICS.memberEligibilityChanged.name, inputs.roster],
      [TOPICS.memberIdentified.name, inputs.identifications],
      [TOPICS.careGapDetected.name, inputs.gaps],
      [TOPICS.screeningCompleted.name, inputs.screenings],
      [TOPICS.memberIdentificationRetracted.name, inputs.retractions],
      [TOPICS.careGapClosed.name, inputs.closures],
    ];
    for (const [topic, messages] of history) await produceInChunks(slice.probe, group, topic, messages);
    const historyEvents = history.reduce((sum, [, messages]) => sum + messages.length, 0);
    const historySeconds = secondsSince(started);
    await vacuumAnalyze(slice.databaseUrl);
    const before = await taskCounts(slice.databaseUrl);
    log(
      `${name}: ${String(members)} members, ${String(historyEvents)} history events applied in ` +
        `${historySeconds.toFixed(1)} s (then vacuumed, analyzed, checkpointed): ${String(before.waiting)} tasks waiting, ` +
        `${String(before.closed)} closed`,
    );

    // The queue as the history left it (the timed events come after, so both populations' queues differ 10x).
    const next = await measureNext(slice.databaseUrl, service.url, options, before);
    log(
      `${name}: ${String(options.coaches)} coaches took ${String(next.handedOut)} tasks: ` +
        `median ${next.tasksPerSecond.toFixed(0)} tasks/s, p50 ${next.p50Ms.toFixed(1)} ms, p95 ${next.p95Ms.toFixed(1)} ms`,
    );

    const timed = await timeRounds(inputs.measured, ROUNDS, async (round) => {
      await Promise.all(
        CAUSES.map((topic) =>
          slice.probe.produce(
            topic,
            round.filter((item) => item.topic === topic).map((item) => item.message),
          ),
        ),
      );
      await caughtUp(slice.probe, group, INPUTS);
    });
    log(
      `${name}: ${String(inputs.measured.length)} events at steady state in ${String(ROUNDS)} rounds: ` +
        `${timed.perSecond.map((rate) => rate.toFixed(0)).join(', ')} tasks/s (median ${timed.median.toFixed(0)})`,
    );
    const measured = await query<{ tasks: number; causes: number }>(
      slice.databaseUrl,
      `SELECT count(*)::int AS tasks, count(DISTINCT (kind, cause_id))::int AS causes
         FROM casework.tasks WHERE cause_event_id = ANY($1::uuid[])`,
      [inputs.measured.map((item) => item.eventId)],
    );
    return {
      members,
      historyEvents,
      historyWaiting: before.waiting,
      historyClosed: before.closed,
      measuredEvents: inputs.measured.length,
      measuredTasks: measured.tasks,
      measuredCauses: measured.causes,
      tasksPerSecond: timed.median,
      deadLetters: (
        await Promise.all(INPUTS.map((topic) => slice.probe.count(deadLetterTopicOf(topic))))
      ).reduce((sum, count) => sum + count, 0),
      next,
    };
  } finally {
    await service.stop();
  }
}

/** `count` coaches of the coaching queue for the development identity provider (fictional). */
const benchCoaches = (count: number): DevUser[] =>
  Array.from({ length: count }, (_, index) => ({
    username: `bench-coach-${String(index)}`,
    password: DEV_PASSWORD,
    name: `Bench Coach ${String(index)}`,
    roles: ['coach'],
    queues: [QUEUE],
  }));

/**
 * casework (its own process) on a population and on one `scale` times larger, each in its own topics and database,
 * with the raw consumption of the base population's timed events as the baseline, in one run on one broker. Each
 * phase feeds the population's history (roster, identifications, gaps, screenings, then retractions and closures
 * that cancel most of their tasks) until the consumer group caught up, then vacuums, analyzes and checkpoints; then:
 *
 * 1. `POST /v1/queues/coaching/next`: `coaches` coaches (tokens from the development identity provider started here)
 *    call it at once until `drainedTasks` tasks are handed out, in timed rounds, from the queue the history left
 *    (waiting and closed tasks both `scale` times as many in the larger population).
 * 2. event → task: `measuredEvents` new causes of the same members are published in rounds, each timed until the
 *    group committed it (one task per event).
 */
export async function runCaseworkBenchmark(
  options: CaseworkBenchmarkOptions,
): Promise<CaseworkBenchmarkResult> {
  const log = options.log ?? (() => undefined);
  const coaches = benchCoaches(options.coaches);
  const identity = await startDevIdentityProvider({ port: 0, users: [...DEV_USERS, ...coaches] });
  try {
    const tokens = await Promise.all(coaches.map((coach) => identity.tokenFor(coach.username)));
    const settings = { ...options, issuer: identity.issuer, tokens };
    const stack = await startBenchStack();
    try {
      const baseInputs = caseworkInputs(options.members, options.measuredEvents);
      const baselineMessages = baseInputs.measured.map((item) => item.message);
      const base = await runPhase(stack, 'base', options.members, baseInputs, settings, log);
      const scaledMembers = options.members * options.scale;
      const scaled = await runPhase(
        stack,
        'scaled',
        scaledMembers,
        caseworkInputs(scaledMembers, options.measuredEvents),
        settings,
        log,
      );
      const baseline = await measureConsumeBaseline(stack, baselineMessages);
      log(`baseline raw consumption of the same events: ${baseline.toFixed(0)} msgs/s`);
      return {
        baselineConsumePerSecond: baseline,
        base,
        scaled,
        scale: options.scale,
        coaches: options.coaches,
        brokerKind: stack.brokerKind,
      };
    } finally {
      await stack.stop();
    }
  } finally {
    await identity.close();
  }
}

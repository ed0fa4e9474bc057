import { ALL_CONSUMER_GROUPS, ALL_TOPICS, deadLetterTopicOf, TOPICS } from '@care/contracts';
import { type OpsConnection, readTopic } from '@care/messaging';
import { Client } from 'pg';

/**
 * What the platform decided from one run's input, as multisets of fact identities (a fact seen twice counts 2),
 * restricted to what does not depend on the order in which one member's claims reach the services. Claims-inbound is
 * keyed by claim and every service reads its inputs concurrently, so two clean runs of the same input differ in
 * transient facts: a gap opened and closed again by a claim that one run saw later (its alerts and outreach task
 * cancelled), or which of a member's visits was the one surveyed. Those are checked for exactly-once delivery within
 * the run instead (see {@link RunFacts.problems}).
 */
export type PlatformFacts = Readonly<Record<string, ReadonlyMap<string, number>>>;

/** One run's order-free facts and what broke exactly-once inside the run. */
export interface RunFacts {
  readonly facts: PlatformFacts;
  /**
   * Every derived event must match one row of its service's end state, once: a gap-detected event per gap, a
   * gap-closed event per closed gap, an alert event per issued alert, a member-identified event per identification,
   * a survey-triggered event per surveyed visit, a claim-received event per stored claim version. And every consumer
   * group must have applied every event on each topic it reads exactly once, as its inbox records (see
   * {@link ledgerProblems}). One line per mismatch kind, with counts.
   */
  readonly problems: readonly string[];
  /** Copies of an event already on its topic (same event id), per topic: re-deliveries, not doubled facts. */
  readonly redelivered: Readonly<Record<string, number>>;
  /** Per consumer group, the applications its inbox records for the topics it reads (what the ledger check read). */
  readonly applications: Readonly<Record<string, number>>;
}

type Payload = Record<string, unknown>;
const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** The entity id each derived event is about: a second event with the same id is a doubled fact. */
const EVENT_ENTITY: Readonly<Record<string, (data: Payload) => string>> = {
  [TOPICS.claimReceived.name]: (data) => {
    const claim = (data['claim'] ?? {}) as Payload;
    return `${text(claim['claimId'])}@${text(claim['version'])}`;
  },
  [TOPICS.memberIdentified.name]: (data) => text(data['identificationId']),
  [TOPICS.memberIdentificationRetracted.name]: (data) => text(data['identificationId']),
  [TOPICS.careGapDetected.name]: (data) => text(data['gapId']),
  [TOPICS.careGapClosed.name]: (data) => text(data['gapId']),
  [TOPICS.careAlertIssued.name]: (data) => text(data['alertId']),
  [TOPICS.surveyTriggered.name]: (data) => text(data['surveyId']),
};

/**
 * Order-free views of the derived events, compared with the clean run. Only the claims: whether an identification
 * is made at all depends on order too (an exclusion claim that arrives first prevents it; one that arrives later
 * retracts it), so identifications are compared by each member's condition status at the end instead.
 */
const EVENT_FACTS: Readonly<Record<string, (data: Payload) => string>> = {
  [TOPICS.claimReceived.name]: (data) => EVENT_ENTITY[TOPICS.claimReceived.name]?.(data) ?? '',
};

/** Each service's order-free end state, one identity per row, compared with the clean run. */
const END_STATE_FACTS: Readonly<Record<string, string>> = {
  'claims_intake.claims': `SELECT claim_id || '@' || version AS fact FROM claims_intake.claims`,
  'condition_identification.member_conditions': `SELECT member_id || '|' || condition_id || '|' || status || '|' || rule_version AS fact FROM condition_identification.member_conditions`,
  // The reason a gap is open (no result yet, or a result showing poor control) depends on whether the lab result
  // arrived before the gap was evaluated; that the gap is open does not.
  'care_gaps.gaps open': `SELECT member_id || '|' || rule_id AS fact FROM care_gaps.gaps WHERE status = 'open'`,
  // Whether an open gap's alert went out or was held back as `recently-alerted` depends on whether an earlier
  // occurrence of the gap (opened and closed again in between) was alerted first; that each audience was decided on
  // does not.
  'care_gaps.gap_alerts of open gaps': `SELECT a.member_id || '|' || a.rule_id || '|' || a.audience AS fact FROM care_gaps.gap_alerts a JOIN care_gaps.gaps g USING (gap_id) WHERE g.status = 'open'`,
  // One visit per member, clinician and day: which of that day's claims (and so which procedure code) it took
  // first depends on arrival order.
  'survey_trigger.visits': `SELECT member_id || '|' || provider_npi || '|' || service_date AS fact FROM survey_trigger.visits`,
  // Sampling allows one survey per household in a window: which member's visit it is depends on arrival order,
  // how many surveys each household gets does not.
  'survey_trigger.visits surveyed per household': `SELECT household_id AS fact FROM survey_trigger.visits WHERE status = 'surveyed'`,
  'casework.tasks not cancelled': `SELECT kind || '|' || member_id || '|' || priority || '|' || status AS fact FROM casework.tasks WHERE status <> 'cancelled'`,
};

/** The rows each event stream must match one to one (see {@link RunFacts.problems}). */
const EVENT_ROWS: ReadonlyArray<{ topic: string; rows: string; what: string }> = [
  {
    topic: TOPICS.claimReceived.name,
    rows: `SELECT claim_id || '@' || version AS id FROM claims_intake.claims`,
    what: 'stored claim version',
  },
  {
    topic: TOPICS.memberIdentified.name,
    rows: 'SELECT identification_id::text AS id FROM condition_identification.identifications',
    what: 'identification',
  },
  { topic: TOPICS.careGapDetected.name, rows: 'SELECT gap_id::text AS id FROM care_gaps.gaps', what: 'gap' },
  {
    topic: TOPICS.careGapClosed.name,
    rows: "SELECT gap_id::text AS id FROM care_gaps.gaps WHERE status = 'closed'",
    what: 'closed gap',
  },
  {
    topic: TOPICS.careAlertIssued.name,
    rows: "SELECT alert_id::text AS id FROM care_gaps.gap_alerts WHERE status = 'issued'",
    what: 'issued alert',
  },
  {
    topic: TOPICS.surveyTriggered.name,
    rows: "SELECT visit_id::text AS id FROM survey_trigger.visits WHERE status = 'surveyed'",
    what: 'surveyed visit',
  },
];

/** Topics some consumer group reads: each group's inbox is checked against them. */
const CONSUMED_TOPICS: readonly string[] = [
  ...new Set(ALL_CONSUMER_GROUPS.flatMap((group) => group.topics.map((topic) => topic.name))),
];

/** Where each event id sits on one topic (`partition:offset`, one per copy). */
type EventPositions = Map<string, string[]>;

const count = (facts: Map<string, number>, identity: string): void => {
  facts.set(identity, (facts.get(identity) ?? 0) + 1);
};

/**
 * Reads every derived topic, every consumed topic and every dead-letter topic to its end, and each service's end
 * state and inbox.
 */
export async function collectFacts(connection: OpsConnection, databaseUrl: string): Promise<RunFacts> {
  const facts: Record<string, Map<string, number>> = {};
  const entities = new Map<string, Map<string, number>>();
  const redelivered: Record<string, number> = {};
  const positions = new Map<string, EventPositions>();
  const existing = new Set(await connection.admin.listTopics());
  for (const topic of [...new Set([...Object.keys(EVENT_ENTITY), ...CONSUMED_TOPICS])]) {
    const physical = connection.names.physical(topic);
    const byEntity = new Map<string, number>();
    const found = new Map<string, number>();
    const seen = new Set<string>();
    const onTopic: EventPositions = new Map();
    positions.set(topic, onTopic);
    let copies = 0;
    if (existing.has(physical)) {
      for (const { partition, message } of await readTopic(connection, physical, { timeoutMs: 120_000 })) {
        const envelope = parseEnvelope(message.value);
        const id = typeof envelope.id === 'string' ? envelope.id.toLowerCase() : undefined;
        if (id !== undefined) {
          const copiesOfId = onTopic.get(id);
          if (copiesOfId === undefined) onTopic.set(id, [`${partition}:${message.offset}`]);
          else copiesOfId.push(`${partition}:${message.offset}`);
        }
        if (EVENT_ENTITY[topic] === undefined) continue;
        // A second copy of one event (same id: the relay sent it again after a crash between sending and
        // recording) is a re-delivery, which consumers drop; a second event about the same thing is a doubled fact.
        if (id !== undefined && seen.has(id)) {
          copies += 1;
          continue;
        }
        if (id !== undefined) seen.add(id);
        const data = envelope.data ?? {};
        count(byEntity, EVENT_ENTITY[topic]?.(data) ?? '');
        const fact = EVENT_FACTS[topic];
        if (fact !== undefined) count(found, fact(data));
      }
    }
    if (EVENT_ENTITY[topic] === undefined) continue;
    if (copies > 0) redelivered[topic] = copies;
    entities.set(topic, byEntity);
    if (EVENT_FACTS[topic] !== undefined) facts[`topic ${topic}`] = found;
  }
  const deadLetters = new Map<string, number>();
  for (const topic of ALL_TOPICS) {
    const physical = connection.names.physical(deadLetterTopicOf(topic.name));
    if (!existing.has(physical)) continue;
    for (const { message } of await readTopic(connection, physical, { timeoutMs: 120_000 })) {
      const header = (name: string): string => message.headers?.[name]?.toString() ?? '';
      count(deadLetters, `${topic.name}|${header('dlq-error-code')}|${message.key?.toString('utf8') ?? ''}`);
    }
  }
  facts['dead letters'] = deadLetters;
  const problems: string[] = [];
  const applications: Record<string, number> = {};
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [name, query] of Object.entries(END_STATE_FACTS)) {
      const found = new Map<string, number>();
      for (const row of (await client.query<{ fact: string }>(query)).rows) count(found, row.fact);
      facts[`table ${name}`] = found;
    }
    for (const { topic, rows, what } of EVENT_ROWS) {
      const ids = new Set((await client.query<{ id: string }>(rows)).rows.map((row) => row.id));
      problems.push(...oneEventPerRow(topic, what, entities.get(topic) ?? new Map<string, number>(), ids));
    }
    const ledgers = await readLedgers(client);
    for (const group of ALL_CONSUMER_GROUPS) {
      const physicalGroup = connection.names.consumerGroup(group.service, group.name);
      const label = `${group.service}.${group.name}`;
      applications[label] = 0;
      for (const topic of group.topics) {
        const key = `${physicalGroup}|${topic.name}`;
        for (const times of ledgers.applied.get(key)?.values() ?? []) applications[label] += times;
        problems.push(
          ...ledgerProblems(
            label,
            topic.name,
            positions.get(topic.name) ?? new Map<string, string[]>(),
            ledgers.deadLettered.get(`${physicalGroup}|${connection.names.physical(topic)}`) ??
              new Set<string>(),
            ledgers.applied.get(key) ?? new Map<string, number>(),
          ),
        );
      }
    }
  } finally {
    await client.end();
  }
  return { facts, problems, redelivered, applications };
}

function parseEnvelope(value: Buffer | null): { id?: unknown; data?: Payload } {
  try {
    const parsed = JSON.parse(value?.toString('utf8') ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {}; // not an event: dead-lettered by every group that reads it
  }
}

/**
 * Every consumer group's inbox (`<group>|<topic>` to the applications of each event id) and the source positions it
 * dead-lettered (`<group>|<physical topic>` to `partition:offset`), from every schema that has them.
 */
async function readLedgers(client: Client): Promise<{
  applied: Map<string, Map<string, number>>;
  deadLettered: Map<string, Set<string>>;
}> {
  const schemas = async (table: string): Promise<string[]> =>
    (
      await client.query<{ schema: string }>(
        'SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = $1',
        [table],
      )
    ).rows.map((row) => row.schema);
  const applied = new Map<string, Map<string, number>>();
  for (const schema of await schemas('inbox')) {
    const rows = await client.query<{ key: string; id: string; applications: number }>(
      `SELECT consumer_group || '|' || topic AS key, event_id::text AS id, applications FROM "${schema}".inbox`,
    );
    for (const row of rows.rows) {
      const byId = applied.get(row.key) ?? new Map<string, number>();
      byId.set(row.id, row.applications);
      applied.set(row.key, byId);
    }
  }
  const deadLettered = new Map<string, Set<string>>();
  for (const schema of await schemas('dead_letters_sent')) {
    const rows = await client.query<{ key: string; position: string }>(
      `SELECT consumer_group || '|' || topic AS key, partition || ':' || "offset" AS position FROM "${schema}".dead_letters_sent`,
    );
    for (const row of rows.rows) {
      const set = deadLettered.get(row.key) ?? new Set<string>();
      set.add(row.position);
      deadLettered.set(row.key, set);
    }
  }
  return { applied, deadLettered };
}

/**
 * What breaks "each event applied once" for one consumer group and one topic it reads: an event on the topic that
 * the group's inbox does not record (lost by the consumer, unless every copy of it was dead-lettered by the group),
 * one it applied more than once (the inbox counts an application only when its de-duplication is switched off:
 * MESSAGING_UNSAFE_DISABLE_INBOX), and one it records that is not on the topic.
 */
export function ledgerProblems(
  group: string,
  topic: string,
  onTopic: ReadonlyMap<string, readonly string[]>,
  deadLettered: ReadonlySet<string>,
  applied: ReadonlyMap<string, number>,
): string[] {
  const due = [...onTopic].filter(([, copies]) => copies.some((position) => !deadLettered.has(position)));
  const neverApplied = due.filter(([id]) => !applied.has(id)).length;
  const repeated = [...applied.values()].filter((applications) => applications > 1);
  const unknown = [...applied.keys()].filter((id) => !onTopic.has(id)).length;
  const most = repeated.reduce((max, applications) => Math.max(max, applications), 0);
  return [
    ...(neverApplied > 0 ? [`${group}: ${neverApplied} event(s) of ${topic} never applied`] : []),
    ...(repeated.length > 0
      ? [`${group}: ${repeated.length} event(s) of ${topic} applied more than once (up to ${most} times)`]
      : []),
    ...(unknown > 0 ? [`${group}: ${unknown} event(s) recorded as applied that are not on ${topic}`] : []),
  ];
}

/** What breaks "one event per row, one row per event" between an event stream and its rows. */
export function oneEventPerRow(
  topic: string,
  what: string,
  events: ReadonlyMap<string, number>,
  rows: ReadonlySet<string>,
): string[] {
  const doubled = [...events].filter(([, seen]) => seen > 1);
  const withoutRow = [...events.keys()].filter((id) => !rows.has(id));
  const withoutEvent = [...rows].filter((id) => !events.has(id));
  return [
    ...(doubled.length > 0 ? [`${topic}: ${doubled.length} ${what}(s) announced more than once`] : []),
    ...(withoutRow.length > 0 ? [`${topic}: ${withoutRow.length} event(s) with no ${what} behind them`] : []),
    ...(withoutEvent.length > 0 ? [`${topic}: ${withoutEvent.length} ${what}(s) never announced`] : []),
  ];
}

/** One difference between two runs' facts. */
export interface FactDifference {
  readonly kind: string;
  readonly identity: string;
  readonly expected: number;
  readonly actual: number;
}

/** Every fact whose count differs between the clean run and the run under test (missing, extra or doubled). */
export function compareFacts(expected: PlatformFacts, actual: PlatformFacts): FactDifference[] {
  const differences: FactDifference[] = [];
  for (const kind of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
    const want = expected[kind] ?? new Map<string, number>();
    const got = actual[kind] ?? new Map<string, number>();
    for (const identity of [...new Set([...want.keys(), ...got.keys()])].sort()) {
      const wanted = want.get(identity) ?? 0;
      const found = got.get(identity) ?? 0;
      if (wanted !== found) differences.push({ kind, identity, expected: wanted, actual: found });
    }
  }
  return differences;
}

/** Totals per kind, for the report. */
export function factTotals(facts: PlatformFacts): Record<string, number> {
  return Object.fromEntries(
    Object.entries(facts).map(([kind, found]) => [kind, [...found.values()].reduce((sum, n) => sum + n, 0)]),
  );
}

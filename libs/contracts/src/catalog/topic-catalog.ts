/**
 * The topic catalog: the single source of topic names, partition counts, keys, owners and retention.
 * CONTRACT: topic names go over the wire. Renaming one is a breaking change for every producer and consumer.
 * Code never spells a topic name as a literal elsewhere; it refers to `TOPICS.<name>`.
 */
export type ServiceName =
  | 'claims-intake'
  | 'condition-identification'
  | 'care-gaps'
  | 'behavioral-screening'
  | 'survey-trigger'
  | 'casework';

/** Producers outside the platform (a claims system, a health-assessment vendor). */
export type ExternalProducer = 'claims-systems' | 'assessment-vendors';

export interface TopicDefinition {
  /** Physical topic name before any environment prefix. */
  readonly name: string;
  readonly description: string;
  readonly partitions: number;
  /** What the Kafka message key holds; member-scoped topics keep one member's events in order. */
  readonly key: 'memberId' | 'claimId' | 'surveyId';
  readonly owner: ServiceName | ExternalProducer;
  readonly consumers: readonly ServiceName[];
  readonly retentionMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Dead-letter topics keep messages long enough for an ops team to return from a long weekend and more. */
export const DEAD_LETTER_RETENTION_MS = 30 * DAY_MS;
/** Suffix of every topic's dead-letter topic: `<topic>.dlq`. */
export const DEAD_LETTER_SUFFIX = '.dlq';

const defineTopics = <T extends Record<string, TopicDefinition>>(topics: T): T => topics;

export const TOPICS = defineTopics({
  claimsInbound: {
    name: 'claims-inbound',
    description: 'Raw claims published directly by claims systems; validated by claims-intake.',
    partitions: 12,
    key: 'claimId',
    owner: 'claims-systems',
    consumers: ['claims-intake'],
    retentionMs: 14 * DAY_MS,
  },
  claimReceived: {
    name: 'claim-received',
    description: 'A validated, stored claim (original, replacement or void), keyed by member.',
    partitions: 12,
    key: 'memberId',
    owner: 'claims-intake',
    consumers: ['condition-identification', 'care-gaps', 'survey-trigger'],
    retentionMs: 90 * DAY_MS,
  },
  memberEligibilityChanged: {
    name: 'member-eligibility-changed',
    description: 'A member was added to the roster or their eligibility, family or preferences changed.',
    partitions: 12,
    key: 'memberId',
    owner: 'claims-intake',
    consumers: ['care-gaps', 'survey-trigger', 'casework', 'behavioral-screening'],
    retentionMs: 90 * DAY_MS,
  },
  assessmentCompleted: {
    name: 'assessment-completed',
    description: 'A health-assessment result (self-reported conditions and biometrics).',
    partitions: 6,
    key: 'memberId',
    owner: 'assessment-vendors',
    consumers: ['condition-identification'],
    retentionMs: 90 * DAY_MS,
  },
  memberIdentified: {
    name: 'member-identified',
    description: 'A member newly meets a chronic-condition rule.',
    partitions: 6,
    key: 'memberId',
    owner: 'condition-identification',
    consumers: ['care-gaps', 'casework'],
    retentionMs: 90 * DAY_MS,
  },
  memberIdentificationRetracted: {
    name: 'member-identification-retracted',
    description: 'A member no longer meets a condition rule (evidence voided, replaced or aged out).',
    partitions: 6,
    key: 'memberId',
    owner: 'condition-identification',
    consumers: ['care-gaps', 'casework'],
    retentionMs: 90 * DAY_MS,
  },
  careGapDetected: {
    name: 'care-gap-detected',
    description: 'A care gap opened for a member.',
    partitions: 6,
    key: 'memberId',
    owner: 'care-gaps',
    consumers: ['casework'],
    retentionMs: 90 * DAY_MS,
  },
  careGapClosed: {
    name: 'care-gap-closed',
    description: 'A care gap closed by a claim or by leaving the eligible population.',
    partitions: 6,
    key: 'memberId',
    owner: 'care-gaps',
    consumers: ['casework'],
    retentionMs: 90 * DAY_MS,
  },
  careAlertIssued: {
    name: 'care-alert-issued',
    description: 'An alert about a care gap addressed to a member or their doctor, for the delivery vendors.',
    partitions: 6,
    key: 'memberId',
    owner: 'care-gaps',
    consumers: [],
    retentionMs: 90 * DAY_MS,
  },
  programEnrollmentChanged: {
    name: 'program-enrollment-changed',
    description: 'A member enrolled in, declined, opted out of or left a care program.',
    partitions: 6,
    key: 'memberId',
    owner: 'casework',
    consumers: ['care-gaps', 'behavioral-screening'],
    retentionMs: 90 * DAY_MS,
  },
  caseOpened: {
    name: 'case-opened',
    description: 'A case-management, coaching or advocacy case was opened.',
    partitions: 6,
    key: 'memberId',
    owner: 'casework',
    consumers: ['behavioral-screening'],
    retentionMs: 90 * DAY_MS,
  },
  screeningRequested: {
    name: 'screening-requested',
    description: 'A PHQ-9 or AUDIT-C screening is due for a member.',
    partitions: 6,
    key: 'memberId',
    owner: 'behavioral-screening',
    // No platform consumer group reads it (casework never subscribed): the vendors who administer screenings do.
    consumers: [],
    retentionMs: 90 * DAY_MS,
  },
  screeningCompleted: {
    name: 'screening-completed',
    description: 'A scored screening with severity, positive and safety flags and a routing priority.',
    partitions: 6,
    key: 'memberId',
    owner: 'behavioral-screening',
    consumers: ['casework'],
    retentionMs: 90 * DAY_MS,
  },
  screeningSafetySignal: {
    name: 'screening-safety-signal',
    description:
      'A self-harm answer in a PHQ-9 that could not be scored (an item missing or out of range): urgent follow-up.',
    partitions: 6,
    key: 'memberId',
    owner: 'behavioral-screening',
    consumers: ['casework'],
    retentionMs: 90 * DAY_MS,
  },
  surveyTriggered: {
    name: 'survey-triggered',
    description: 'A post-visit survey to send to a member, for the survey vendors.',
    partitions: 6,
    key: 'memberId',
    owner: 'survey-trigger',
    consumers: [],
    retentionMs: 90 * DAY_MS,
  },
});

export type TopicKey = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[TopicKey]['name'];

/** Every catalog topic, in catalog order. */
export const ALL_TOPICS: readonly TopicDefinition[] = Object.values(TOPICS);

/** The dead-letter topic of a topic. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

/**
 * Topics of the ops tooling, not domain events (no dead-letter topics):
 * - `ops.dlq-replays`: the dead-letter replay ledger, compacted, key `<dlq topic>/<partition>/<offset>`;
 * - `ops.audit`: append-only record of every revealed dead-letter payload (who, when, why), kept 6 years
 *   (HIPAA documentation retention).
 */
export const OPS_TOPICS = {
  dlqReplays: { name: 'ops.dlq-replays', partitions: 1, retentionMs: -1, cleanupPolicy: 'compact' },
  audit: { name: 'ops.audit', partitions: 1, retentionMs: 6 * 366 * DAY_MS, cleanupPolicy: 'delete' },
} as const;

/** A topic to create: name, partitions, retention (-1 keeps forever) and cleanup policy. */
export interface ProvisionedTopic {
  readonly name: string;
  readonly partitions: number;
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
}

/**
 * Every topic a broker must hold for the platform: the catalog topics, their dead-letter topics (with the
 * source's partition count so ops tools can mirror partitions) and the ops tooling's topics.
 */
export function provisioningPlan(): ProvisionedTopic[] {
  return [
    ...ALL_TOPICS.flatMap((topic): ProvisionedTopic[] => [
      {
        name: topic.name,
        partitions: topic.partitions,
        retentionMs: topic.retentionMs,
        cleanupPolicy: 'delete',
      },
      {
        name: deadLetterTopicOf(topic.name),
        partitions: topic.partitions,
        retentionMs: DEAD_LETTER_RETENTION_MS,
        cleanupPolicy: 'delete',
      },
    ]),
    ...Object.values(OPS_TOPICS),
  ];
}

/** The catalog entry of a physical topic name, or undefined for a topic the catalog does not know. */
export function findTopic(name: string): TopicDefinition | undefined {
  return ALL_TOPICS.find((topic) => topic.name === name);
}

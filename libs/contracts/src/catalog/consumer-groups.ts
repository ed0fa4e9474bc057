import { TOPICS, type ServiceName, type TopicDefinition } from './topic-catalog';

/**
 * A consumer group of the platform: the service, the consumer's name (the group is `<prefix><service>.<name>`) and
 * the topics it reads. Declared once here: the code that subscribes takes its name and topics from this declaration
 * (the messaging runtime refuses a catalog service's consumer that is not declared), and the ops tooling reports the
 * lag of every declared group, including those that have committed nothing yet.
 */
export interface ConsumerGroupDefinition {
  readonly service: ServiceName;
  readonly name: string;
  readonly topics: readonly TopicDefinition[];
  readonly description: string;
}

const defineGroups = <T extends Record<string, ConsumerGroupDefinition>>(groups: T): T => groups;

export const CONSUMER_GROUPS = defineGroups({
  claimsIntakeInbound: {
    service: 'claims-intake',
    name: 'claims-inbound',
    topics: [TOPICS.claimsInbound],
    description: 'claims published directly by claims systems: validated, stored, claim-received',
  },
  conditionIdentificationEvidence: {
    service: 'condition-identification',
    name: 'evidence',
    topics: [TOPICS.claimReceived, TOPICS.assessmentCompleted],
    description: 'claims and health assessments: evidence for condition identification',
  },
  careGapsInputs: {
    service: 'care-gaps',
    name: 'gap-inputs',
    topics: [
      TOPICS.claimReceived,
      TOPICS.memberEligibilityChanged,
      TOPICS.memberIdentified,
      TOPICS.memberIdentificationRetracted,
      TOPICS.programEnrollmentChanged,
    ],
    description: 'everything a gap rule reads, in one group so one member applies in order',
  },
  behavioralScreeningCaseOpened: {
    service: 'behavioral-screening',
    name: 'case-opened',
    topics: [TOPICS.caseOpened],
    description: 'screenings requested when an advocacy case opens',
  },
  behavioralScreeningEnrollment: {
    service: 'behavioral-screening',
    name: 'program-enrollment-changed',
    topics: [TOPICS.programEnrollmentChanged],
    description: 'screenings requested when a member enrolls in a program',
  },
  behavioralScreeningMembers: {
    service: 'behavioral-screening',
    name: 'members',
    topics: [TOPICS.memberEligibilityChanged],
    description: 'the roster facts screening needs; held screenings scored when their member arrives',
  },
  surveyTriggerMembers: {
    service: 'survey-trigger',
    name: 'members',
    topics: [TOPICS.memberEligibilityChanged],
    description: 'member facts for survey decisions; visits held for the member decided',
  },
  surveyTriggerVisits: {
    service: 'survey-trigger',
    name: 'visits',
    topics: [TOPICS.claimReceived],
    description: 'office visits seen in claims, sampled for a post-visit survey',
  },
  caseworkTaskInputs: {
    service: 'casework',
    name: 'task-inputs',
    topics: [
      TOPICS.memberIdentified,
      TOPICS.careGapDetected,
      TOPICS.screeningCompleted,
      TOPICS.screeningSafetySignal,
      TOPICS.memberEligibilityChanged,
      TOPICS.memberIdentificationRetracted,
      TOPICS.careGapClosed,
    ],
    description: 'the facts that make, end and order coach work',
  },
});

/** Every declared consumer group, in catalog order. */
export const ALL_CONSUMER_GROUPS: readonly ConsumerGroupDefinition[] = Object.values(CONSUMER_GROUPS);

/** The consumer and its topics of a declared group, to spread into a consumer definition. */
export function consumerOf(group: ConsumerGroupDefinition): {
  readonly name: string;
  readonly topics: readonly TopicDefinition[];
} {
  return { name: group.name, topics: group.topics };
}

/**
 * Why a catalog service's consumer does not match the catalog (undefined when it does): not declared, or declared
 * with other topics. Services outside the catalog (tests' own consumers) are not checked.
 */
export function consumerDeclarationProblem(
  service: string,
  consumer: { readonly name: string; readonly topics: readonly TopicDefinition[] },
): string | undefined {
  const declared = ALL_CONSUMER_GROUPS.filter((group) => group.service === service);
  if (declared.length === 0) return undefined;
  const group = declared.find((candidate) => candidate.name === consumer.name);
  if (group === undefined) return `consumer ${service}.${consumer.name} is not declared in CONSUMER_GROUPS`;
  const names = (topics: readonly TopicDefinition[]): string =>
    topics
      .map((topic) => topic.name)
      .sort()
      .join(',');
  if (names(group.topics) !== names(consumer.topics)) {
    return `consumer ${service}.${consumer.name} reads ${names(consumer.topics)}, the catalog declares ${names(group.topics)}`;
  }
  return undefined;
}

import { TOPICS, deadLetterTopicOf, type ClaimSubmission, type MemberRecord } from '@care/contracts';
import { claimReceivedMessage, createPopulation, memberEligibilityChangedMessage } from '@care/testing';
import { Client } from 'pg';
import {
  caughtUp,
  measureConsumeBaseline,
  secondsSince,
  startBenchService,
  startBenchStack,
} from '../support/bench-stack';

export interface SurveyBenchmarkOptions {
  /** Households of the population (members are about 2.5 per household). */
  readonly households: number;
  /** New claims timed at steady state. */
  readonly measuredClaims: number;
  readonly log?: (line: string) => void;
}

export interface SurveyBenchmarkResult {
  /** A plain consumer group reading (and JSON-parsing) the same claim-received messages: no decoding, no database. */
  readonly baselineConsumePerSecond: number;
  readonly claimsPerSecond: number;
  readonly households: number;
  readonly members: number;
  readonly historyClaims: number;
  readonly measuredClaims: number;
  readonly seconds: number;
  /** Visits the measured claims opened (office, preventive and wellness visits among them). */
  readonly measuredVisits: number;
  /** survey-triggered events of the whole run (history and measured claims). */
  readonly surveys: number;
  readonly deadLetters: number;
  readonly brokerKind: string;
}

const CHUNK = 10000;
const RECENT_DAYS = 90;
const SAMPLING_RATE = '0.25';

/**
 * Claims per second through survey-trigger at steady state, with raw consumption of the same claim-received messages
 * on the same broker as the baseline. The population's roster is published on member-eligibility-changed and its
 * history (claims older than 90 days) fed through claim-received in chunks until the service caught up, so its
 * tables (members, visits, claims) and inbox hold that history; then the next `measuredClaims` claims of the same
 * members are published and timed until the consumer group committed them all.
 */
export async function runSurveyBenchmark(options: SurveyBenchmarkOptions): Promise<SurveyBenchmarkResult> {
  const log = options.log ?? (() => undefined);
  const { members, history, recent } = populationOf(options.households, options.measuredClaims);
  if (recent.length < options.measuredClaims) {
    throw new Error(
      `only ${recent.length} recent claims for ${options.measuredClaims} measured; add households`,
    );
  }
  const stack = await startBenchStack();
  try {
    const slice = await stack.slice('survey');
    const service = await startBenchService('survey-trigger', {
      ...slice.serviceEnv,
      SURVEY_SAMPLING_RATE: SAMPLING_RATE,
    });
    const group = (name: string): string => `${slice.prefix}survey-trigger.${name}`;
    try {
      const fed = process.hrtime.bigint();
      for (let start = 0; start < members.length; start += CHUNK) {
        await slice.probe.produce(
          TOPICS.memberEligibilityChanged.name,
          members.slice(start, start + CHUNK).map((member) => memberEligibilityChangedMessage(member)),
        );
      }
      await caughtUp(slice.probe, group('members'), [TOPICS.memberEligibilityChanged.name]);
      for (let start = 0; start < history.length; start += CHUNK) {
        await slice.probe.produce(
          TOPICS.claimReceived.name,
          history.slice(start, start + CHUNK).map((claim) => claimReceivedMessage(claim)),
        );
        await caughtUp(slice.probe, group('visits'), [TOPICS.claimReceived.name]);
      }
      log(
        `${options.households} households, ${members.length} members, ${history.length} history claims applied in ` +
          `${secondsSince(fed).toFixed(1)} s`,
      );
      const visitsBefore = await countVisits(slice.databaseUrl);
      const messages = recent.map((claim) => claimReceivedMessage(claim));
      const started = process.hrtime.bigint();
      await slice.probe.produce(TOPICS.claimReceived.name, messages);
      await caughtUp(slice.probe, group('visits'), [TOPICS.claimReceived.name]);
      const seconds = secondsSince(started);
      log(
        `${options.measuredClaims} claims at steady state: ${(options.measuredClaims / seconds).toFixed(0)} claims/s`,
      );
      const measuredVisits = (await countVisits(slice.databaseUrl)) - visitsBefore;
      await new Promise((resolve) => setTimeout(resolve, 500)); // the relay publishes the last surveys
      const surveys = await slice.probe.count(TOPICS.surveyTriggered.name);
      const deadLetters =
        (await slice.probe.count(deadLetterTopicOf(TOPICS.claimReceived.name))) +
        (await slice.probe.count(deadLetterTopicOf(TOPICS.memberEligibilityChanged.name)));
      const baseline = await measureConsumeBaseline(stack, messages);
      log(`baseline raw consumption of claim-received: ${baseline.toFixed(0)} msgs/s`);
      return {
        baselineConsumePerSecond: baseline,
        claimsPerSecond: options.measuredClaims / seconds,
        households: options.households,
        members: members.length,
        historyClaims: history.length,
        measuredClaims: options.measuredClaims,
        seconds,
        measuredVisits,
        surveys,
        deadLetters,
        brokerKind: stack.brokerKind,
      };
    } finally {
      await service.stop();
    }
  } finally {
    await stack.stop();
  }
}

/** The population's roster, its claims older than 90 days, and the first `measured` recent original claims. */
function populationOf(households: number, measured: number) {
  const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  const recentFrom = new Date(Date.parse(asOf) - RECENT_DAYS * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const population = createPopulation({ seed: 7, households, asOf });
  const members = [...(population.members() as Iterable<MemberRecord>)];
  const history: ClaimSubmission[] = [];
  const recent: ClaimSubmission[] = [];
  for (const claim of population.claims() as Iterable<ClaimSubmission>) {
    if (claim.serviceDateFrom < recentFrom) history.push(claim);
    else if (claim.frequency === 'original' && recent.length < measured) recent.push(claim);
  }
  return { members, history, recent };
}

async function countVisits(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ visits: number }>(
      'SELECT count(*)::int AS visits FROM survey_trigger.visits',
    );
    return result.rows[0]?.visits ?? 0;
  } finally {
    await client.end();
  }
}

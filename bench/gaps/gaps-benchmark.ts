import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf, TOPICS, type ClaimSubmission } from '@care/contracts';
import { claimReceivedMessage, createPopulation, type TopicProbe } from '@care/testing';
import {
  caughtUp,
  secondsSince,
  startBenchService,
  runScaledBenchmark,
  timeRounds,
  type BenchStack,
  type ScaledBenchmarkOptions,
  type ScaledBenchmarkResult,
} from '../support/bench-stack';

export type GapsBenchmarkOptions = ScaledBenchmarkOptions;

export interface GapsPhase {
  readonly households: number;
  readonly members: number;
  readonly historyClaims: number;
  readonly measuredClaims: number;
  readonly seconds: number;
  /** Median of the timed rounds. */
  readonly claimsPerSecond: number;
  readonly gapsDetected: number;
  readonly deadLetters: number;
}

export type GapsBenchmarkResult = ScaledBenchmarkResult<GapsPhase>;

const CHUNK = 10000;
/** The timed claims go in this many rounds; the median round is the figure. */
const MEASURED_ROUNDS = 3;
const RECENT_DAYS = 90;
const INPUTS = [
  TOPICS.claimReceived.name,
  TOPICS.memberEligibilityChanged.name,
  TOPICS.memberIdentified.name,
];

const message = (type: string, memberId: string, data: object): { key: string; value: string } => ({
  key: memberId,
  value: JSON.stringify({
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'bench',
    subject: memberId,
    correlationId: randomUUID(),
    causationId: null,
    data,
  }),
});

/** The population as care-gaps inputs: roster and identified conditions, claims split into history and recent. */
function populationInputs(households: number, measured: number) {
  const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  const recentFrom = new Date(Date.parse(asOf) - RECENT_DAYS * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const roster: Array<{ key: string; value: string }> = [];
  const conditions: Array<{ key: string; value: string }> = [];
  const history: ClaimSubmission[] = [];
  const recent: ClaimSubmission[] = [];
  for (const household of createPopulation({ seed: 13, households, asOf }).households()) {
    for (const member of household.members) {
      roster.push(
        message(TOPICS.memberEligibilityChanged.name, member.memberId, {
          changeType: 'added',
          member,
          changedFields: [],
        }),
      );
    }
    for (const profile of household.profiles) {
      for (const planted of profile.conditions) {
        conditions.push(
          message(TOPICS.memberIdentified.name, profile.memberId, {
            identificationId: randomUUID(),
            memberId: profile.memberId,
            conditionId: planted.condition,
            conditionName: planted.condition,
            ruleId: planted.condition,
            ruleVersion: 'ccw-2023.1',
            catalogVersion: 'conditions-2026.1',
            basis: 'claims',
            firstMetOn: planted.onsetDate,
            identifiedAt: new Date().toISOString(),
            trigger: 'claim',
            evidence: { qualifyingClaims: [], supportingFills: [], selfReported: [] },
          }),
        );
      }
    }
    for (const claim of household.claims as ClaimSubmission[]) {
      if (claim.serviceDateFrom < recentFrom) history.push(claim);
      else if (claim.frequency === 'original' && recent.length < measured) recent.push(claim);
    }
  }
  return { roster, conditions, history, recent };
}

async function produceInChunks(
  probe: TopicProbe,
  group: string,
  topic: string,
  messages: ReadonlyArray<{ key: string; value: string }>,
): Promise<void> {
  for (let start = 0; start < messages.length; start += CHUNK) {
    await probe.produce(topic, messages.slice(start, start + CHUNK));
    await caughtUp(probe, group, INPUTS);
  }
}

async function runPhase(
  stack: BenchStack,
  name: string,
  households: number,
  measuredClaims: number,
  log: (line: string) => void,
): Promise<GapsPhase> {
  const inputs = populationInputs(households, measuredClaims);
  if (inputs.recent.length < measuredClaims) {
    throw new Error(
      `${name}: only ${inputs.recent.length} recent claims for ${measuredClaims} measured; add households`,
    );
  }
  const slice = await stack.slice(name);
  const service = await startBenchService('care-gaps', slice.serviceEnv);
  const group = `${slice.prefix}care-gaps.gap-inputs`;
  try {
    const started = process.hrtime.bigint();
    await produceInChunks(slice.probe, group, TOPICS.memberEligibilityChanged.name, inputs.roster);
    await produceInChunks(slice.probe, group, TOPICS.memberIdentified.name, inputs.conditions);
    await produceInChunks(
      slice.probe,
      group,
      TOPICS.claimReceived.name,
      inputs.history.map((claim) => claimReceivedMessage(claim)),
    );
    log(
      `${name}: ${households} households, ${inputs.roster.length} members, ${inputs.conditions.length} conditions, ` +
        `${inputs.history.length} history claims applied in ${secondsSince(started).toFixed(1)} s`,
    );
    const timed = await timeRounds(
      inputs.recent.map((claim) => claimReceivedMessage(claim)),
      MEASURED_ROUNDS,
      async (round) => {
        await slice.probe.produce(TOPICS.claimReceived.name, round);
        await caughtUp(slice.probe, group, INPUTS);
      },
    );
    log(
      `${name}: ${measuredClaims} claims at steady state in ${String(MEASURED_ROUNDS)} rounds: ` +
        `${timed.perSecond.map((rate) => rate.toFixed(0)).join(', ')} claims/s (median ${timed.median.toFixed(0)})`,
    );
    return {
      households,
      members: inputs.roster.length,
      historyClaims: inputs.history.length,
      measuredClaims,
      seconds: timed.seconds,
      claimsPerSecond: timed.median,
      gapsDetected: await slice.probe.count(TOPICS.careGapDetected.name),
      deadLetters: (
        await Promise.all(INPUTS.map((topic) => slice.probe.count(deadLetterTopicOf(topic))))
      ).reduce((sum, count) => sum + count, 0),
    };
  } finally {
    await service.stop();
  }
}

/**
 * Claims per second through gap evaluation at steady state for a population and one `scale` times larger, with raw
 * consumption of the same claim-received messages as the baseline, on one broker and database in one run. Each phase
 * feeds the roster, the planted conditions (as member-identified) and the claims history through care-gaps (its own
 * process) and waits until it caught up; then it times the next `measuredClaims` claims of the same members.
 */
export function runGapsBenchmark(options: GapsBenchmarkOptions): Promise<GapsBenchmarkResult> {
  return runScaledBenchmark(
    options,
    (stack, name, households, log) => runPhase(stack, name, households, options.measuredClaims, log),
    () =>
      populationInputs(options.households, options.measuredClaims).recent.map((claim) =>
        claimReceivedMessage(claim),
      ),
  );
}

import { TOPICS, deadLetterTopicOf, type ClaimSubmission } from '@care/contracts';
import { claimReceivedMessage, createPopulation } from '@care/testing';
import {
  caughtUp,
  secondsSince,
  startBenchService,
  timeRounds,
  runScaledBenchmark,
  type BenchStack,
  type ScaledBenchmarkOptions,
  type ScaledBenchmarkResult,
} from '../support/bench-stack';

export type IdentificationBenchmarkOptions = ScaledBenchmarkOptions;

/** One population: its history fed through the service, then `measuredClaims` new claims timed. */
export interface IdentificationPhase {
  readonly households: number;
  readonly members: number;
  readonly historyClaims: number;
  readonly measuredClaims: number;
  readonly seconds: number;
  /** Median of the timed rounds. */
  readonly claimsPerSecond: number;
  /** member-identified events emitted in the phase (history and measured claims). */
  readonly identified: number;
  readonly deadLetters: number;
}

export type IdentificationBenchmarkResult = ScaledBenchmarkResult<IdentificationPhase>;

const HISTORY_CHUNK = 10000;
/** The timed claims go in this many rounds; the median round is the figure. */
const MEASURED_ROUNDS = 3;
const RECENT_DAYS = 90;

/**
 * Claims per second through condition-identification at steady state, for a population and for one `scale` times
 * larger, on one broker and database in one run, with raw consumption of the same claim-received messages as the
 * baseline. Each phase feeds the population's history (all claims older than 90 days) through the service (its own
 * process) in chunks and waits until it caught up, so its tables and inbox hold that history; then it publishes
 * the next `measuredClaims` claims of the same members and times them until the consumer group committed them all.
 */
export function runIdentificationBenchmark(
  options: IdentificationBenchmarkOptions,
): Promise<IdentificationBenchmarkResult> {
  return runScaledBenchmark(
    options,
    (stack, name, households, log) => runPhase(stack, name, households, options.measuredClaims, log),
    () =>
      populationClaims(options.households, options.measuredClaims).recent.map((claim) =>
        claimReceivedMessage(claim),
      ),
  );
}

/** The population's claims split into history and the recent claims that are timed. */
export function populationClaims(households: number, measured: number) {
  const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  const recentFrom = new Date(Date.parse(asOf) - RECENT_DAYS * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const population = createPopulation({ seed: 11, households, asOf });
  const history: ClaimSubmission[] = [];
  const recent: ClaimSubmission[] = [];
  for (const claim of population.claims() as Iterable<ClaimSubmission>) {
    if (claim.serviceDateFrom < recentFrom) history.push(claim);
    else if (claim.frequency === 'original' && recent.length < measured) recent.push(claim);
  }
  const members = new Set(history.map((claim) => claim.memberId)).size;
  return { history, recent, members };
}

async function runPhase(
  stack: BenchStack,
  name: string,
  households: number,
  measuredClaims: number,
  log: (line: string) => void,
): Promise<IdentificationPhase> {
  const { history, recent, members } = populationClaims(households, measuredClaims);
  if (recent.length < measuredClaims) {
    throw new Error(
      `${name}: only ${recent.length} recent claims for ${measuredClaims} measured; add households`,
    );
  }
  const slice = await stack.slice(name);
  const service = await startBenchService('condition-identification', slice.serviceEnv);
  const group = `${slice.prefix}condition-identification.evidence`;
  try {
    const historyStarted = process.hrtime.bigint();
    for (let start = 0; start < history.length; start += HISTORY_CHUNK) {
      await slice.probe.produce(
        TOPICS.claimReceived.name,
        history.slice(start, start + HISTORY_CHUNK).map((claim) => claimReceivedMessage(claim)),
      );
      await caughtUp(slice.probe, group, [TOPICS.claimReceived.name]);
    }
    log(
      `${name}: ${households} households, ${members} members, ${history.length} history claims applied in ` +
        `${secondsSince(historyStarted).toFixed(1)} s`,
    );
    const timed = await timeRounds(
      recent.map((claim) => claimReceivedMessage(claim)),
      MEASURED_ROUNDS,
      async (round) => {
        await slice.probe.produce(TOPICS.claimReceived.name, round);
        await caughtUp(slice.probe, group, [TOPICS.claimReceived.name]);
      },
    );
    const identified = await slice.probe.count(TOPICS.memberIdentified.name);
    const deadLetters = await slice.probe.count(deadLetterTopicOf(TOPICS.claimReceived.name));
    log(
      `${name}: ${measuredClaims} claims at steady state in ${String(MEASURED_ROUNDS)} rounds: ` +
        `${timed.perSecond.map((rate) => rate.toFixed(0)).join(', ')} claims/s (median ${timed.median.toFixed(0)})`,
    );
    return {
      households,
      members,
      historyClaims: history.length,
      measuredClaims,
      seconds: timed.seconds,
      claimsPerSecond: timed.median,
      identified,
      deadLetters,
    };
  } finally {
    await service.stop();
  }
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFaults, type Fault } from './fault-schedule';
import { compareFacts, factTotals, type FactDifference } from './platform-facts';
import { runPlatform, type RunResult } from './proof';
import { buildProofInput } from './proof-input';

const ROOT = join(__dirname, '..', '..');

/** Options of one proof: the input's size, the load's rate and the fault schedule. */
export interface ProofOptions {
  readonly claims: number;
  /** Claims per second of the faulted run's load (the fault schedule is timed on it). */
  readonly ratePerSecond: number;
  /**
   * Claims per second of the clean run's load. The clean run only supplies the expected end state (order-free
   * facts, see docs/fault-proof.md), so its pace does not matter for the verdict; fed faster, it takes less time.
   */
  readonly cleanRatePerSecond: number;
  readonly seed: number;
  readonly kills: number;
  readonly brokerOutageSeconds: number;
  readonly postgresRestart: boolean;
  readonly replayGroups: readonly string[];
  /** Processes per service in the faulted run. */
  readonly instances: Readonly<Record<string, number>>;
  /** Scaled-out instances killed first (`condition-identification-2`). */
  readonly mustKill: readonly string[];
  /** The faulted run's consumers apply re-deliveries again (MESSAGING_UNSAFE_DISABLE_INBOX). */
  readonly disableInbox: boolean;
  /**
   * The faulted run's consumers commit a batch's offsets before applying it (MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY):
   * a kill between the two loses the batch, which the checks must report.
   */
  readonly commitBeforeApply: boolean;
  /** Where the runs keep their stacks and the report goes. */
  readonly dir: string;
  readonly log: (line: string) => void;
}

export interface ProofOutcome {
  readonly passed: boolean;
  /** Why it failed, one line each (empty when it passed). */
  readonly failures: readonly string[];
  readonly differences: readonly FactDifference[];
  readonly clean: RunResult;
  readonly faulted: RunResult;
  readonly faults: readonly Fault[];
  readonly control: NegativeControlVerdict;
  readonly markdown: string;
}

/** What the checks said about the tampered copy of the faulted run (see negative-control.ts). */
export interface NegativeControlVerdict {
  /** The failures the checks reported on the tampered run. */
  readonly caught: readonly string[];
  /** Tamperings the checks did not report: any is a defect of the proof itself. */
  readonly missed: readonly string[];
}

/** The checks run on the tampered facts; each of the four tamperings must show. */
export function negativeControlVerdict(clean: RunResult, faulted: RunResult): NegativeControlVerdict {
  if (faulted.tampered === undefined)
    return { caught: [], missed: ['the negative control, which did not run'] };
  const { facts } = faulted.tampered;
  // Only what the tampering added counts: a failure the untouched run already had is not the control's.
  const key = (difference: FactDifference): string =>
    `${difference.kind}: ${difference.identity} clean ${difference.expected}, tampered ${difference.actual}`;
  const before = new Set(compareFacts(clean.facts.facts, faulted.facts.facts).map(key));
  const caught = [
    ...facts.problems.filter((problem) => !faulted.facts.problems.includes(problem)),
    ...compareFacts(clean.facts.facts, facts.facts)
      .map(key)
      .filter((line) => !before.has(line)),
  ];
  const missed = [
    ...(caught.some((line) => line.includes('care-gap-detected') && line.includes('more than once'))
      ? []
      : ['a gap announced twice']),
    ...(caught.some((line) => line.includes('care-alert-issued') && line.includes('no issued alert'))
      ? []
      : ['an alert event without its row']),
    ...(caught.some((line) => line.startsWith('table condition_identification.member_conditions'))
      ? []
      : ['a lost condition status']),
    ...(caught.some((line) => line.startsWith('casework.') && line.includes('applied more than once'))
      ? []
      : ['an event applied twice']),
  ];
  return { caught, missed };
}

/** The CI form: 20,000 claims, every kind of fault, scale-out. */
export const CI_PROOF: Omit<ProofOptions, 'dir' | 'log'> = {
  claims: 20_000,
  ratePerSecond: 400,
  cleanRatePerSecond: 1600,
  seed: 20261207,
  kills: 6,
  brokerOutageSeconds: 30,
  postgresRestart: true,
  replayGroups: ['casework.task-inputs'],
  instances: { 'condition-identification': 3, 'care-gaps': 2 },
  mustKill: ['condition-identification-2', 'care-gaps-2'],
  disableInbox: false,
  commitBeforeApply: false,
};

/**
 * Runs the input twice, once clean and once under the fault schedule, and checks the faulted run's end state: every
 * claim version on `claim-received` exactly once, and every derived fact, dead letter and end-state row equal to the
 * clean run's (none missing, none doubled).
 */
export async function runProof(options: ProofOptions): Promise<ProofOutcome> {
  const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  const input = buildProofInput({ claims: options.claims, seed: options.seed, asOf });
  const claimCount = input.httpClaims.length + input.kafkaClaims.length;
  options.log(
    `input: ${input.members.length} members, ${claimCount} claims (seed ${options.seed}, as of ${asOf})`,
  );
  const loadMs = (claimCount / options.ratePerSecond) * 1000;
  const targets = instanceNames(options.instances);
  const faults = planFaults({
    loadMs,
    seed: options.seed,
    kills: options.kills,
    targets,
    mustKill: options.mustKill,
    brokerOutageMs: options.brokerOutageSeconds * 1000,
    postgresRestart: options.postgresRestart,
    replayGroups: options.replayGroups,
  });
  const clean = await runPlatform({
    name: 'clean',
    dir: join(options.dir, 'clean'),
    input,
    ratePerSecond: options.cleanRatePerSecond,
    faults: [],
    log: options.log,
  });
  const faulted = await runPlatform({
    name: 'faulted',
    dir: join(options.dir, 'faulted'),
    input,
    ratePerSecond: options.ratePerSecond,
    faults,
    instances: options.instances,
    ...(options.disableInbox || options.commitBeforeApply ? { serviceEnv: unsafeServiceEnv(options) } : {}),
    negativeControl: true,
    log: options.log,
  });
  const failures: string[] = [];
  const received = faulted.facts.facts['topic claim-received'] ?? new Map<string, number>();
  const missing = [...input.httpClaims, ...input.kafkaClaims].filter(
    (claim) => !received.has(`${claim.claimId}@${String(claim.version)}`),
  );
  if (missing.length > 0)
    failures.push(`${missing.length} accepted claim version(s) never reached claim-received`);
  // Exactly once inside each run: the clean run too, so a defect of the checks themselves shows.
  failures.push(...clean.facts.problems.map((problem) => `clean run: ${problem}`));
  failures.push(...faulted.facts.problems.map((problem) => `faulted run: ${problem}`));
  const differences = compareFacts(clean.facts.facts, faulted.facts.facts);
  const byKind = new Map<string, { missing: number; extra: number }>();
  for (const difference of differences) {
    const entry = byKind.get(difference.kind) ?? { missing: 0, extra: 0 };
    if (difference.actual < difference.expected) entry.missing += difference.expected - difference.actual;
    else entry.extra += difference.actual - difference.expected;
    byKind.set(difference.kind, entry);
  }
  for (const [kind, { missing: lost, extra }] of byKind) {
    failures.push(`${kind}: ${lost} missing and ${extra} extra against the clean run`);
  }
  const control = negativeControlVerdict(clean, faulted);
  if (control.missed.length > 0) {
    failures.push(`negative control: the checks missed ${control.missed.join(', ')}`);
  }
  const outcome = { passed: failures.length === 0, failures, differences, clean, faulted, faults, control };
  const markdown = renderReport(options, claimCount, outcome);
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(join(options.dir, 'proof-report.md'), markdown);
  writeFileSync(
    join(options.dir, 'proof-report.json'),
    JSON.stringify(
      {
        options: { ...options, log: undefined },
        passed: outcome.passed,
        failures,
        differences: differences.slice(0, 1000),
        faults: faulted.faults,
        negativeControl: { ...control, tampering: faulted.tampered?.tampering },
        clean: summary(clean),
        faulted: summary(faulted),
      },
      null,
      2,
    ),
  );
  return { ...outcome, markdown };
}

function summary(run: RunResult): Record<string, unknown> {
  return {
    loadSeconds: run.loadSeconds,
    settleSeconds: run.settleSeconds,
    feeds: run.feeds,
    restarts: run.restarts,
    totals: factTotals(run.facts.facts),
    redelivered: run.facts.redelivered,
    applications: run.facts.applications,
    lagSamples: run.lagSamples,
  };
}

/** The unsafe switches of the faulted run's services (every one off in a proof that must pass). */
export function unsafeServiceEnv(
  options: Pick<ProofOptions, 'disableInbox' | 'commitBeforeApply'>,
): Record<string, string> {
  return {
    ...(options.disableInbox ? { MESSAGING_UNSAFE_DISABLE_INBOX: 'true' } : {}),
    ...(options.commitBeforeApply ? { MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY: 'true' } : {}),
  };
}

/** `care-gaps-1`, `care-gaps-2` for scaled services, the plain name for the others. */
export function instanceNames(instances: Readonly<Record<string, number>>): string[] {
  const services = [
    'claims-intake',
    'condition-identification',
    'care-gaps',
    'behavioral-screening',
    'survey-trigger',
    'casework',
  ];
  return services.flatMap((service) => {
    const count = instances[service] ?? 1;
    return count > 1 ? Array.from({ length: count }, (_, index) => `${service}-${index + 1}`) : [service];
  });
}

function renderReport(
  options: ProofOptions,
  claims: number,
  outcome: Omit<ProofOutcome, 'markdown'>,
): string {
  const { clean, faulted } = outcome;
  const lines = [
    `# Fault proof: ${outcome.passed ? 'PASSED' : 'FAILED'}`,
    '',
    `${claims} claims (seed ${options.seed}) at ${options.ratePerSecond} claims/s (the clean run fed at ` +
      `${options.cleanRatePerSecond}/s); faulted run with ` +
      (Object.entries(options.instances)
        .map(([service, count]) => `${count} x ${service}`)
        .join(', ') || 'one process per service') +
      (options.disableInbox ? '; **inbox disabled** (MESSAGING_UNSAFE_DISABLE_INBOX)' : '') +
      (options.commitBeforeApply
        ? '; **offsets committed before each batch is applied** (MESSAGING_UNSAFE_COMMIT_BEFORE_APPLY)'
        : ''),
    '',
    '| run | load s | settle s | HTTP retries | Kafka retries | HTTP duplicates seen |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...[clean, faulted].map(
      (run) =>
        `| ${run.name} | ${run.loadSeconds.toFixed(1)} | ${run.settleSeconds.toFixed(1)} | ${run.feeds.http.retries} | ` +
        `${run.feeds.kafka.retries} | ${run.feeds.http.duplicates} |`,
    ),
    '',
    '| fault | at s | over at s | recovery s | readiness reported the outage |',
    '| --- | ---: | ---: | ---: | --- |',
    ...faulted.faults.map(
      (fault) =>
        `| ${fault.fault} | ${fault.startedAtS.toFixed(1)} | ${fault.endedAtS.toFixed(1)} | ` +
        `${fault.recoverySeconds === null ? 'not within the run' : fault.recoverySeconds.toFixed(1)} | ` +
        `${fault.readinessReported === undefined ? '' : fault.readinessReported.join(', ')} |`,
    ),
    '',
    `Supervisor restarts: ${
      Object.entries(faulted.restarts)
        .filter(([, restarts]) => restarts > 0)
        .map(([name, restarts]) => `${name} ${restarts}`)
        .join(', ') || 'none'
    }`,
    `Copies of one event sent again (same event id; consumers drop them): ${
      Object.entries(faulted.facts.redelivered)
        .map(([topic, copies]) => `${topic} ${copies}`)
        .join(', ') || 'none'
    }`,
    `Applications recorded by each consumer group's inbox (clean / faulted run; every event it reads once): ${Object.keys(
      clean.facts.applications,
    )
      .map(
        (group) => `${group} ${clean.facts.applications[group]} / ${faulted.facts.applications[group] ?? 0}`,
      )
      .join(', ')}`,
    '',
    '| facts | clean run | faulted run |',
    '| --- | ---: | ---: |',
    ...Object.entries(factTotals(clean.facts.facts)).map(
      ([kind, total]) => `| ${kind} | ${total} | ${factTotals(faulted.facts.facts)[kind] ?? 0} |`,
    ),
    '',
    `Negative control (the faulted run tampered with after its verdict: one gap announced twice, one alert row ` +
      `deleted, one member's condition status deleted, one event counted as applied twice in casework's inbox): ` +
      `the checks reported ${outcome.control.caught.length} failure(s)` +
      (outcome.control.missed.length === 0
        ? ', each tampering among them.'
        : `; they missed ${outcome.control.missed.join(', ')}.`),
    ...outcome.control.caught.slice(0, 6).map((line) => `- ${line}`),
    '',
    ...(outcome.failures.length === 0
      ? [
          'Every claim version reached claim-received exactly once; every derived event matches one row of its service once; every consumer group applied every event it reads once; every order-free fact equals the clean run.',
        ]
      : [
          'Failures:',
          ...outcome.failures.map((failure) => `- ${failure}`),
          '',
          'First differences:',
          ...outcome.differences
            .slice(0, 20)
            .map(
              (difference) =>
                `- ${difference.kind} \`${difference.identity}\`: clean ${difference.expected}, faulted ${difference.actual}`,
            ),
        ]),
    '',
  ];
  return lines.join('\n');
}

export { ROOT };

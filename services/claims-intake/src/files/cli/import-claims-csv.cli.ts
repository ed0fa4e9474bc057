import { createReadStream, statSync } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import type { ClaimSubmission } from '@care/contracts';
import { ClaimsCsvFormatError } from '../csv/read-claims-csv';
import { importClaimsCsv, type CsvImportSummary } from '../csv/import-claims-csv';

/**
 * `claims-import <file>`: streams a claims CSV to claims-intake's batch API, with a progress bar, and ends with a
 * summary of accepted and rejected claims (line numbers and reasons). It calls as a claims system: the bearer token
 * of a `claims-system` client (scope `claims:write`) is read from CLAIMS_INTAKE_TOKEN (never from the command line,
 * which other users of the machine can read).
 * Exit status: 0 all accepted or duplicate (or --help), 3 some claims rejected, 1 the import could not run,
 * 2 a command line that does not parse (unknown option, no file).
 */
async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('claims-import')
    .argument('<file>', 'claims CSV file (columns: docs/claims-csv.md)')
    .option(
      '--url <url>',
      'claims-intake base URL',
      process.env['CLAIMS_INTAKE_URL'] ?? 'http://127.0.0.1:3001',
    )
    .option('--batch-size <n>', 'claims per request (1-1000)', '500')
    .option('--json', 'print the summary as JSON (no progress bar)')
    // A usage error exits 2 (commander's default is 1, the code of a failed import here).
    .exitOverride((error) => {
      throw error.exitCode === 0 ? new UsageExit(0) : new UsageExit(2);
    })
    .parse(argv);
  const [file] = program.args as [string];
  const options = program.opts<{ url: string; batchSize: string; json?: boolean }>();
  const batchSize = Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000)
    throw new Error('--batch-size must be 1-1000');

  const total = statSync(file).size;
  const bar =
    options.json === true || !process.stderr.isTTY
      ? undefined
      : new SingleBar(
          {
            format:
              'claims-import |{bar}| {percentage}% | {value}/{total} bytes | {claims} claims, {rejected} rejected',
            stream: process.stderr,
          },
          Presets.shades_classic,
        );
  bar?.start(total, 0, { claims: 0, rejected: 0 });
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      read += chunk.length;
      callback(null, chunk);
    },
  });
  const token = process.env['CLAIMS_INTAKE_TOKEN'];
  const submit = async (claims: ClaimSubmission[]): Promise<Array<{ status: string }>> => {
    const response = await fetch(`${options.url.replace(/\/$/, '')}/v1/claims/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined || token === '' ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ claims }),
    });
    if (response.status === 401 || response.status === 403)
      throw new Error(
        `claims-intake answered ${response.status} to a batch: set CLAIMS_INTAKE_TOKEN to a bearer token of a ` +
          'claims-system client (scope claims:write)',
      );
    if (!response.ok) throw new Error(`claims-intake answered ${response.status} to a batch`);
    const body = (await response.json()) as { results: Array<{ status: string }> };
    return body.results;
  };
  let summary: CsvImportSummary;
  try {
    // pipeline (not pipe) hands a read error (a directory, a vanished file) on to the reader instead of crashing.
    const source = pipeline(createReadStream(file), counter, () => undefined);
    summary = await importClaimsCsv(source, submit, {
      batchSize,
      onClaims: (progress) => bar?.update(read, { claims: progress.claims, rejected: progress.rejected }),
    });
  } finally {
    bar?.update(read);
    bar?.stop();
  }
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    process.stdout.write(
      `claims: ${summary.claims}  accepted: ${summary.accepted}  duplicate: ${summary.duplicate}  ` +
        `conflict: ${summary.conflict}  rejected: ${summary.rejected}\n`,
    );
    for (const rejection of summary.rejections) {
      process.stdout.write(
        `  line ${rejection.lines.join(',')}${rejection.claimId === undefined ? '' : ` (${rejection.claimId})`}: ${rejection.reason}\n`,
      );
    }
  }
  return summary.rejected > 0 ? 3 : 0;
}

/** Ends the command line after commander printed help (0) or a usage error (2). */
class UsageExit extends Error {
  constructor(readonly code: number) {
    super(`usage exit ${code}`);
  }
}

main(process.argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageExit) process.exit(error.code);
    const line =
      error instanceof ClaimsCsvFormatError && error.line !== undefined ? ` (line ${error.line})` : '';
    process.stderr.write(`claims-import: ${error instanceof Error ? error.message : 'failed'}${line}\n`);
    process.exit(1);
  },
);

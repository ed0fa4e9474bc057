import { createReadStream } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';

/**
 * `x12-import <file>`: streams an X12 interchange to claims-intake, with a progress bar: an 837 (GS01 HC) to
 * POST /v1/claims/x12, an 834 (GS01 BE) to POST /v1/members/x12. Prints the summary (rejected claims with their
 * CLM01 and reasons, rejected members with their position) and writes the 999 acknowledgment next to the file
 * (`<file>.999`, or --ack). The bearer token is read from CLAIMS_INTAKE_TOKEN (never from the command line): a
 * `claims-system` client with `claims:write` for an 837, `eligibility:write` for an 834.
 * Exit status: 0 the interchange was accepted (duplicates included), 3 it was read but something in it was rejected,
 * 1 it could not be read or sent (no such file, not X12, a control number reused with other content, claims-intake
 * unreachable), 2 a command line that does not parse.
 */
async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('x12-import')
    .argument('<file>', 'X12 837P/837I or 834 interchange (docs/x12-837.md, docs/x12-834.md)')
    .option(
      '--url <url>',
      'claims-intake base URL',
      process.env['CLAIMS_INTAKE_URL'] ?? 'http://127.0.0.1:3001',
    )
    .option('--ack <file>', 'where to write the 999 acknowledgment (default: <file>.999)')
    .option('--json', 'print the summary as JSON (no progress bar)')
    .exitOverride((error) => {
      throw error.exitCode === 0 ? new UsageExit(0) : new UsageExit(2);
    })
    .parse(argv);
  const [file] = program.args as [string];
  const options = program.opts<{ url: string; ack?: string; json?: boolean }>();
  const total = (await stat(file)).size;
  const kind = await transactionOf(file);
  const route = kind === 'members' ? 'v1/members/x12' : 'v1/claims/x12';

  const bar =
    options.json === true || !process.stderr.isTTY
      ? undefined
      : new SingleBar(
          {
            format: `x12-import |{bar}| {percentage}% | {value}/{total} bytes {stage}`,
            stream: process.stderr,
          },
          Presets.shades_classic,
        );
  bar?.start(total, 0, { stage: 'sending' });
  let sent = 0;
  const body = (async function* (): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      sent += chunk.length;
      bar?.update(sent);
      yield chunk;
    }
    bar?.update(sent, { stage: '- sent, waiting for the acknowledgment' });
  })();
  const token = process.env['CLAIMS_INTAKE_TOKEN'];
  let response: Response;
  try {
    response = await fetch(`${options.url.replace(/\/$/, '')}/${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/edi-x12',
        accept: 'application/json',
        ...(token === undefined || token === '' ? {} : { authorization: `Bearer ${token}` }),
      },
      body,
      duplex: 'half',
    });
  } finally {
    bar?.stop();
  }
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 401 || response.status === 403) {
    throw new Error(
      `claims-intake answered ${response.status}: set CLAIMS_INTAKE_TOKEN to a bearer token of a claims-system client ` +
        `(scope ${kind === 'members' ? 'eligibility:write' : 'claims:write'})`,
    );
  }
  if (response.status === 409 && typeof answer['acknowledgment'] === 'string') {
    await writeFile(options.ack ?? `${file}.999`, answer['acknowledgment']);
  }
  if (response.status !== 200) {
    const message = typeof answer['message'] === 'string' ? answer['message'] : `answered ${response.status}`;
    throw new Error(message);
  }
  const acknowledgment = typeof answer['acknowledgment'] === 'string' ? answer['acknowledgment'] : '';
  const ackFile = options.ack ?? `${file}.999`;
  await writeFile(ackFile, acknowledgment);
  const interchange = (answer['interchange'] ?? {}) as {
    status?: string;
    repeated?: boolean;
    controlNumber?: string;
  };
  if (options.json === true) {
    const printed = { ...answer };
    delete printed['acknowledgment'];
    process.stdout.write(`${JSON.stringify({ ...printed, acknowledgmentFile: ackFile }, null, 2)}\n`);
  } else {
    printSummary(answer, kind, ackFile);
  }
  return interchange.status === 'accepted' ? 0 : 3;
}

function printSummary(answer: Record<string, unknown>, kind: 'claims' | 'members', ackFile: string): void {
  const interchange = (answer['interchange'] ?? {}) as {
    status?: string;
    repeated?: boolean;
    controlNumber?: string;
  };
  const count = (name: string): string => {
    const value = answer[name];
    return typeof value === 'number' ? String(value) : '0';
  };
  process.stdout.write(
    `interchange ${interchange.controlNumber ?? '?'}: ${interchange.status ?? '?'}${interchange.repeated === true ? ' (received before: the first answer again)' : ''}\n`,
  );
  if (kind === 'claims') {
    process.stdout.write(
      `claims: ${count('claims')}  accepted: ${count('accepted')}  duplicate: ${count('duplicate')}  ` +
        `conflict: ${count('conflict')}  rejected: ${count('rejected')}\n`,
    );
  } else {
    process.stdout.write(
      `members: ${count('members')}  added: ${count('added')}  updated: ${count('updated')}  ` +
        `unchanged: ${count('unchanged')}  rejected: ${count('rejected')}\n`,
    );
  }
  for (const problem of (answer['problems'] ?? []) as string[]) process.stdout.write(`  ${problem}\n`);
  for (const set of (answer['transactionSets'] ?? []) as Array<{
    transactionSet: string;
    status: string;
    errors: string[];
  }>) {
    if (set.status === 'accepted') continue;
    process.stdout.write(`  transaction set ${set.transactionSet}: ${set.status}\n`);
    for (const error of set.errors) process.stdout.write(`    ${error}\n`);
  }
  for (const rejection of (answer['rejections'] ?? []) as Array<Record<string, unknown>>) {
    const who = typeof rejection['claimId'] === 'string' ? ` (${rejection['claimId']})` : '';
    process.stdout.write(
      `  set ${String(rejection['transactionSet'])} segment ${String(rejection['segment'])}${who}: ${String(rejection['reason'])}\n`,
    );
  }
  process.stdout.write(`999 acknowledgment written to ${ackFile}\n`);
}

/** Whether the file holds claims (GS01 HC) or enrollment (GS01 BE), from its first functional group header. */
async function transactionOf(file: string): Promise<'claims' | 'members'> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF?\s*/, '');
    if (!head.startsWith('ISA') || head.length < 106) {
      throw new Error('the file is not an X12 interchange: it does not start with an ISA segment');
    }
    const separator = head.charAt(3);
    const terminator = head.charAt(105);
    const gs = head
      .slice(106)
      .split(terminator)
      .map((segment) => segment.trim())
      .find((segment) => segment.startsWith(`GS${separator}`));
    return gs?.split(separator)[1] === 'BE' ? 'members' : 'claims';
  } finally {
    await handle.close();
  }
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
    process.stderr.write(`x12-import: ${error instanceof Error ? error.message : 'failed'}\n`);
    process.exit(1);
  },
);

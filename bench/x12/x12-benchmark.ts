import { Readable } from 'node:stream';
import { TOPICS, type ClaimSubmission } from '@care/contracts';
import { createPopulation } from '@care/testing';
import { claimsToCsv } from '../../services/claims-intake/src/files/csv/testing/claims-to-csv';
import { readClaims837 } from '../../services/claims-intake/src/files/x12/claims-837/read-claims-837';
import { readX12SegmentBatches } from '../../services/claims-intake/src/files/x12/segments/read-x12-segments';
import {
  interchange837,
  type Claim837Spec,
  type Group837,
} from '../../services/claims-intake/src/files/x12/testing/x12-837.builder';
import { secondsSince, startBenchService, startBenchStack, type BenchService } from '../support/bench-stack';

export interface X12BenchmarkOptions {
  /** Claims per measured path. */
  readonly claims: number;
  readonly log?: (line: string) => void;
}

export interface X12BenchmarkResult {
  readonly claims: number;
  readonly csvPathPerSecond: number;
  readonly x12PathPerSecond: number;
  /** X12 path / CSV path. */
  readonly x12ToCsvRatio: number;
  /** Reading, mapping and validating the 837 alone, in the benchmark's own process (no database, no broker). */
  readonly x12ReadOnlyPerSecond: number;
  readonly csvBytes: number;
  readonly x12Bytes: number;
  /** claim-received events counted on the broker per path (must equal `claims`). */
  readonly csvPathEvents: number;
  readonly x12PathEvents: number;
  /** What each upload answered. */
  readonly csvAccepted: number;
  readonly x12Accepted: number;
  readonly brokerKind: string;
}

/**
 * Measures, on one broker and database in one run, claims from a file to `claim-received`:
 * - CSV path: a claims CSV streamed to POST /v1/claims/files (the baseline);
 * - X12 path: the same claims (new ids) as an 837 interchange (837P and 837I groups, transaction sets of 5,000
 *   claims) streamed to POST /v1/claims/x12;
 * each until every claim is on `claim-received`. Also times reading, mapping and validating the 837 in process,
 * so the parsing cost can be told from storing and publishing. claims-intake runs as its own process.
 */
export async function runX12Benchmark(options: X12BenchmarkOptions): Promise<X12BenchmarkResult> {
  const log = options.log ?? (() => undefined);
  const stack = await startBenchStack();
  let service: BenchService | undefined;
  try {
    const slice = await stack.slice('x12');
    const { probe } = slice;
    const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    const claims = takeBillable(
      createPopulation({ seed: 11, households: Math.ceil(options.claims / 12) + 10, asOf }).claims(),
      options.claims,
    );
    const withPrefix = (prefix: string): ClaimSubmission[] =>
      claims.map((claim) => ({ ...claim, claimId: `${prefix}${claim.claimId}`.slice(0, 50) }));
    const csvClaims = withPrefix('C');
    const x12Claims = withPrefix('X');
    const csvText = claimsToCsv(csvClaims);
    const groups = (list: readonly ClaimSubmission[]): Group837[] => [
      { kind: 'professional', claims: specs(list, 'professional') },
      { kind: 'institutional', claims: specs(list, 'institutional') },
    ];
    const x12Text = [...interchange837(groups(x12Claims), { controlNumber: 1 })].join('');
    log(
      `${claims.length} synthetic claims ready: CSV ${(csvText.length / 1e6).toFixed(1)} MB, 837 ` +
        `${(x12Text.length / 1e6).toFixed(1)} MB (${stack.brokerKind} broker, ${stack.postgresKind} postgres)`,
    );

    const readStarted = process.hrtime.bigint();
    let read = 0;
    for await (const event of readClaims837(readX12SegmentBatches(chunked(x12Text)))) {
      if (event.kind === 'set') read += event.set.claims.filter((claim) => claim.ok).length;
    }
    const readOnly = read / secondsSince(readStarted);
    if (read !== claims.length) throw new Error(`the 837 read ${read} valid claims of ${claims.length}`);
    log(`837 read, mapped and validated in process: ${readOnly.toFixed(0)} claims/s`);

    service = await startBenchService('claims-intake', slice.serviceEnv);
    const claimsSystem = await stack.bearer('claims-feed');
    const upload = async (
      route: string,
      contentType: string,
      text: string,
    ): Promise<{ accepted: number }> => {
      const response = await fetch(`${(service as BenchService).url}/${route}`, {
        method: 'POST',
        headers: { ...claimsSystem, 'content-type': contentType },
        body: Readable.toWeb(chunked(text)) as ReadableStream<Uint8Array>,
        duplex: 'half',
      });
      if (!response.ok) throw new Error(`${route} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { accepted: number };
    };

    const csvStarted = process.hrtime.bigint();
    const csvAnswer = await upload('v1/claims/files', 'text/csv', csvText);
    const csvEvents = await probe.waitForCount(TOPICS.claimReceived.name, claims.length, 900_000);
    const csvPath = claims.length / secondsSince(csvStarted);
    log(
      `CSV path: ${csvPath.toFixed(0)} claims/s (${csvAnswer.accepted} accepted, ${csvEvents} claim-received)`,
    );

    const x12Started = process.hrtime.bigint();
    const x12Answer = await upload('v1/claims/x12', 'application/edi-x12', x12Text);
    const x12Events =
      (await probe.waitForCount(TOPICS.claimReceived.name, claims.length * 2, 900_000)) - csvEvents;
    const x12Path = claims.length / secondsSince(x12Started);
    log(
      `X12 path: ${x12Path.toFixed(0)} claims/s (${x12Answer.accepted} accepted, ${x12Events} claim-received)`,
    );

    return {
      claims: claims.length,
      csvPathPerSecond: csvPath,
      x12PathPerSecond: x12Path,
      x12ToCsvRatio: x12Path / csvPath,
      x12ReadOnlyPerSecond: readOnly,
      csvBytes: Buffer.byteLength(csvText),
      x12Bytes: Buffer.byteLength(x12Text),
      csvPathEvents: csvEvents,
      x12PathEvents: x12Events,
      csvAccepted: csvAnswer.accepted,
      x12Accepted: x12Answer.accepted,
      brokerKind: stack.brokerKind,
    };
  } finally {
    await service?.stop();
    await stack.stop();
  }
}

/** The text as a stream of 64 KB chunks, as a file upload arrives. */
function chunked(text: string): Readable {
  const bytes = Buffer.from(text);
  return Readable.from(
    (function* (): Generator<Buffer> {
      for (let start = 0; start < bytes.length; start += 65_536) yield bytes.subarray(start, start + 65_536);
    })(),
  );
}

function* specs(
  claims: readonly ClaimSubmission[],
  kind: ClaimSubmission['claimType'],
): Generator<Claim837Spec> {
  for (const claim of claims) if (claim.claimType === kind) yield { claim };
}

/**
 * Original professional and institutional claims of the population as an 837 carries them (pending, no paid amounts
 * or lab results, CLM02 the sum of the lines, every professional line dated): pharmacy claims travel as NCPDP, not
 * 837, so both paths carry the same claims.
 */
function takeBillable(source: Generator<ClaimSubmission>, count: number): ClaimSubmission[] {
  const taken: ClaimSubmission[] = [];
  for (const claim of source) {
    if (claim.frequency !== 'original' || claim.claimType === 'pharmacy') continue;
    const lines = (claim.lines ?? []).map((line) => {
      // An 837P dates every line (DTP*472).
      const billed = {
        ...line,
        ...(claim.claimType === 'professional' && line.serviceDate === undefined
          ? { serviceDate: claim.serviceDateFrom }
          : {}),
      };
      delete billed.paidAmount;
      delete billed.labResult;
      return billed;
    });
    const billed: ClaimSubmission = {
      ...claim,
      adjudicationStatus: 'pending',
      lines,
      totalChargedAmount: lines.reduce((sum, line) => sum + Math.round(line.chargedAmount * 100), 0) / 100,
    };
    delete billed.totalPaidAmount;
    if (billed.renderingProvider !== undefined)
      billed.renderingProvider = { npi: billed.renderingProvider.npi };
    taken.push(billed);
    if (taken.length === count) break;
  }
  return taken;
}

import type { Readable } from 'node:stream';
import { describeIssues, type ClaimSubmission } from '@care/contracts';
import { readClaimsCsv } from './read-claims-csv';

/** Where a batch of valid claims goes: the intake use case (endpoint) or the HTTP batch API (CLI). */
export type SubmitClaims = (claims: ClaimSubmission[]) => Promise<ReadonlyArray<{ status: string }>>;

export interface CsvRejection {
  readonly lines: readonly number[];
  readonly claimId?: string;
  readonly reason: string;
}

export interface CsvImportSummary {
  claims: number;
  accepted: number;
  duplicate: number;
  conflict: number;
  rejected: number;
  /** Rejected claims with file line numbers and reasons (the first MAX_REPORTED_REJECTIONS). */
  rejections: CsvRejection[];
}

export const MAX_REPORTED_REJECTIONS = 10000;

/**
 * Imports a claims CSV: streams it claim by claim, submits valid claims in batches, and counts outcomes.
 * Memory holds one batch, whatever the file size.
 */
export async function importClaimsCsv(
  input: Readable,
  submit: SubmitClaims,
  options: { batchSize?: number; onClaims?: (summary: CsvImportSummary) => void } = {},
): Promise<CsvImportSummary> {
  const batchSize = options.batchSize ?? 500;
  const summary: CsvImportSummary = {
    claims: 0,
    accepted: 0,
    duplicate: 0,
    conflict: 0,
    rejected: 0,
    rejections: [],
  };
  const reject = (rejection: CsvRejection): void => {
    summary.rejected += 1;
    if (summary.rejections.length < MAX_REPORTED_REJECTIONS) summary.rejections.push(rejection);
  };
  let batch: Array<{ claim: ClaimSubmission; lines: readonly number[] }> = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const outcomes = await submit(batch.map((entry) => entry.claim));
    if (outcomes.length !== batch.length) {
      throw new Error(`intake answered ${outcomes.length} outcomes to a batch of ${batch.length} claims`);
    }
    batch.forEach((entry, index) => {
      const outcome = outcomes[index] ?? { status: 'missing' };
      if (outcome.status === 'accepted') summary.accepted += 1;
      else if (outcome.status === 'duplicate') summary.duplicate += 1;
      else if (outcome.status === 'conflict') {
        summary.conflict += 1;
        reject({
          lines: entry.lines,
          claimId: entry.claim.claimId,
          reason: `claim ${entry.claim.claimId} version ${entry.claim.version} was already received with different content`,
        });
      } else {
        reject({
          lines: entry.lines,
          claimId: entry.claim.claimId,
          reason: `not accepted (${outcome.status})`,
        });
      }
    });
    batch = [];
    options.onClaims?.(summary);
  };
  for await (const item of readClaimsCsv(input)) {
    summary.claims += 1;
    if (item.ok) {
      batch.push({ claim: item.claim, lines: item.lines });
      if (batch.length >= batchSize) await flush();
    } else {
      reject({
        lines: item.lines,
        ...(item.claimId === undefined ? {} : { claimId: item.claimId }),
        reason: describeIssues(item.issues),
      });
    }
  }
  await flush();
  return summary;
}

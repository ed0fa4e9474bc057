import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ClaimSubmission, validateSubmission, type ValidationIssue } from '@care/contracts';
import { CLAIM_CSV_COLUMNS, REQUIRED_CLAIM_CSV_COLUMNS, type ClaimCsvRow } from './claim-csv-columns';
import { claimRowsToSubmission } from './claim-rows-to-submission.mapper';

/** One claim read from a CSV file: the file lines it came from, and the validated claim or its issues. */
export type CsvClaim =
  | { readonly lines: readonly number[]; readonly ok: true; readonly claim: ClaimSubmission }
  | {
      readonly lines: readonly number[];
      readonly ok: false;
      readonly claimId?: string;
      readonly issues: readonly ValidationIssue[];
    };

/** The file itself cannot be read as a claims CSV (bad header, broken quoting). */
export class ClaimsCsvFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ClaimsCsvFormatError';
  }
}

/**
 * Streams claims out of a CSV file, one claim at a time: rows are grouped while they share claim_id and version,
 * mapped, and validated exactly as HTTP input is (unknown fields are impossible here). Only the rows of the claim
 * being assembled are held in memory.
 */
export async function* readClaimsCsv(input: Readable): AsyncGenerator<CsvClaim> {
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => checkHeader(header),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }),
  );
  let group: ClaimCsvRow[] = [];
  let groupLines: number[] = [];
  let groupKey: string | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: ClaimCsvRow;
      info: { lines: number };
    }>) {
      const key = `${record.claim_id ?? ''}\u0000${record.version ?? ''}`;
      if (groupKey !== undefined && key !== groupKey) {
        yield toCsvClaim(group, groupLines);
        group = [];
        groupLines = [];
      }
      groupKey = key;
      group.push(record);
      groupLines.push(info.lines);
    }
  } catch (error) {
    if (error instanceof ClaimsCsvFormatError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new ClaimsCsvFormatError(
      `the file is not valid CSV: ${error instanceof Error ? error.message.split('\n')[0] : 'parse error'}`,
      line,
    );
  }
  if (group.length > 0) yield toCsvClaim(group, groupLines);
}

function checkHeader(header: string[]): string[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(CLAIM_CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_CLAIM_CSV_COLUMNS.filter((name) => !names.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`missing columns: ${missing.join(', ')}`] : []),
      ...(unknown.length > 0 ? [`unknown columns: ${unknown.join(', ')}`] : []),
    ];
    throw new ClaimsCsvFormatError(`bad header: ${parts.join('; ')}`, 1);
  }
  return names;
}

function toCsvClaim(rows: readonly ClaimCsvRow[], lines: readonly number[]): CsvClaim {
  const plain = claimRowsToSubmission(rows);
  const validation = validateSubmission(ClaimSubmission, plain, { forbidUnknownFields: true });
  if (validation.ok) return { lines, ok: true, claim: validation.value };
  const claimId = typeof plain['claimId'] === 'string' ? plain['claimId'] : undefined;
  return { lines, ok: false, ...(claimId === undefined ? {} : { claimId }), issues: validation.issues };
}

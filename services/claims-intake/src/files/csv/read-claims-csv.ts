import { finished, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import {
  ClaimSubmission,
  MAX_LINES_PER_CLAIM,
  validateSubmission,
  type ValidationIssue,
} from '@care/contracts';
import {
  CLAIM_CSV_COLUMNS,
  CLAIM_LEVEL_CSV_COLUMNS,
  REQUIRED_CLAIM_CSV_COLUMNS,
  type ClaimCsvRow,
} from './claim-csv-columns';
import { claimRowsToSubmission } from './claim-rows-to-submission.mapper';

/**
 * One claim read from a CSV file: the file lines its rows start on (1 is the header), and the validated claim or
 * its issues.
 */
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
  const parser = parse({
    columns: (header: string[]) => checkHeader(header),
    bom: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    // One row can never need more (a cell holds at most INPUT_MAX_STRING_LENGTH characters); an unterminated quote
    // would otherwise buffer the rest of the file.
    max_record_size: MAX_CSV_RECORD_BYTES,
  });
  // pipe() forwards neither errors nor an early close of the input: without this the parser would wait forever
  // for the rest of an aborted upload, and a file read error would be an unhandled 'error' event.
  const stopWatchingInput = finished(input, (error) => {
    if (error !== undefined && error !== null) parser.destroy(error);
  });
  input.pipe(parser);
  let group: ClaimCsvRow[] = [];
  let groupLines: number[] = [];
  let groupKey: string | undefined;
  let extraRows = 0;
  // csv-parse counts a CRLF inside a quoted cell as two lines; editors count it as one.
  let crlfInCells = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: ClaimCsvRow;
      info: { lines: number };
    }>) {
      const cells = Object.values(record).filter((cell): cell is string => typeof cell === 'string');
      crlfInCells += cells.reduce((sum, cell) => sum + count(cell, /\r\n/g), 0);
      const lastLine = info.lines - crlfInCells;
      const firstLine = lastLine - cells.reduce((sum, cell) => sum + count(cell, /\r\n|\r|\n/g), 0);
      const key = `${record.claim_id ?? ''}\u0000${record.version ?? ''}`;
      if (groupKey !== undefined && key !== groupKey) {
        yield toCsvClaim(group, groupLines, extraRows);
        group = [];
        groupLines = [];
        extraRows = 0;
      }
      groupKey = key;
      // Past the most lines a claim may have, further rows of the same claim are only counted: a claim of
      // millions of rows holds no more memory than one of 1,000, and fails as too long.
      if (group.length <= MAX_LINES_PER_CLAIM) {
        group.push(record);
        groupLines.push(firstLine);
      } else {
        extraRows += 1;
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error; // ours (bad header), or the input failed (I/O, aborted upload)
    const line = (error as { lines?: number }).lines;
    throw new ClaimsCsvFormatError(`the file is not valid CSV: ${error.message.split('\n')[0] ?? ''}`, line);
  } finally {
    stopWatchingInput();
  }
  if (group.length > 0) yield toCsvClaim(group, groupLines, extraRows);
}

/** Longest CSV row read (bytes): every cell of a claim row at its bound, with room to spare. */
const MAX_CSV_RECORD_BYTES = 1_000_000;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function checkHeader(header: string[]): string[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(CLAIM_CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_CLAIM_CSV_COLUMNS.filter((name) => !names.includes(name));
  const repeated = names.filter((name, index) => name !== '' && names.indexOf(name) !== index);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`missing columns: ${missing.join(', ')}`] : []),
      ...(unknown.length > 0
        ? [`unknown columns: ${unknown.map((name) => (name === '' ? '(blank)' : name)).join(', ')}`]
        : []),
      ...(repeated.length > 0 ? [`repeated columns: ${[...new Set(repeated)].join(', ')}`] : []),
    ];
    throw new ClaimsCsvFormatError(`bad header: ${parts.join('; ')}`, 1);
  }
  return names;
}

function toCsvClaim(rows: readonly ClaimCsvRow[], lines: readonly number[], extraRows = 0): CsvClaim {
  if (extraRows > 0) {
    const claimId = rows[0]?.claim_id?.trim();
    const total = rows.length + extraRows;
    return {
      lines,
      ok: false,
      ...(claimId === undefined || claimId === '' ? {} : { claimId }),
      issues: [
        {
          field: 'lines',
          messages: [`lines has ${total} rows; at most ${MAX_LINES_PER_CLAIM} are accepted`],
        },
      ],
    };
  }
  const plain = claimRowsToSubmission(rows);
  const validation = validateSubmission(ClaimSubmission, plain, { forbidUnknownFields: true });
  const issues = [...disagreeingClaimColumns(rows), ...(validation.ok ? [] : validation.issues)];
  if (validation.ok && issues.length === 0) return { lines, ok: true, claim: validation.value };
  const claimId = typeof plain['claimId'] === 'string' ? plain['claimId'] : undefined;
  return { lines, ok: false, ...(claimId === undefined ? {} : { claimId }), issues };
}

/**
 * The claim is read from its first row, so every later row must repeat the claim columns (or leave them blank):
 * a different value would otherwise be dropped without a word. Issues name the column, never the values.
 */
function disagreeingClaimColumns(rows: readonly ClaimCsvRow[]): ValidationIssue[] {
  const [first, ...rest] = rows;
  if (first === undefined) return [];
  return CLAIM_LEVEL_CSV_COLUMNS.filter((column) =>
    rest.some((row) => {
      const value = row[column]?.trim() ?? '';
      return value !== '' && value !== (first[column]?.trim() ?? '');
    }),
  ).map((column) => ({
    field: column,
    messages: [`${column} must be the same on every row of the claim (or blank after the first row)`],
  }));
}

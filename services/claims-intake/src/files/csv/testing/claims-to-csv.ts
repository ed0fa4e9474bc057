import type { ClaimLine, ClaimSubmission } from '@care/contracts';
import { CLAIM_CSV_COLUMNS, type ClaimCsvRow } from '../claim-csv-columns';

/**
 * Test and documentation helper: lays claims out as a claims CSV file (docs/claims-csv.md), the inverse of
 * claimRowsToSubmission. One row per service line with the claim columns repeated; one row for a claim without
 * lines (pharmacy). Lists are joined with `|`; absent fields are empty cells.
 */
export function claimToCsvRows(claim: ClaimSubmission): ClaimCsvRow[] {
  const head: ClaimCsvRow = compactRow({
    claim_id: claim.claimId,
    version: cell(claim.version),
    frequency: claim.frequency,
    claim_type: claim.claimType,
    adjudication_status: claim.adjudicationStatus,
    member_id: claim.memberId,
    billing_npi: claim.billingProvider.npi,
    billing_tin: claim.billingProvider.tin,
    billing_name: claim.billingProvider.name,
    rendering_npi: claim.renderingProvider?.npi,
    service_date_from: claim.serviceDateFrom,
    service_date_to: claim.serviceDateTo,
    place_of_service: claim.placeOfService,
    type_of_bill: claim.typeOfBill,
    diagnosis_codes: joinList(claim.diagnoses?.map((diagnosis) => diagnosis.code)),
    total_charged_amount: cell(claim.totalChargedAmount),
    total_paid_amount: cell(claim.totalPaidAmount),
    ndc: claim.drug?.ndc,
    days_supply: cell(claim.drug?.daysSupply),
    quantity: cell(claim.drug?.quantity),
    fill_date: claim.drug?.fillDate,
    prescriber_npi: claim.drug?.prescriberNpi,
    refill_number: cell(claim.drug?.refillNumber),
  });
  const lines = claim.lines ?? [];
  return lines.length === 0 ? [head] : lines.map((line) => ({ ...head, ...lineCells(line) }));
}

/** CSV text: a header row of `columns` (all contract columns by default), then one row per row, each ended. */
export function rowsToCsv(
  rows: readonly ClaimCsvRow[],
  options: { columns?: readonly string[]; lineEnding?: '\n' | '\r\n' } = {},
): string {
  const columns = options.columns ?? CLAIM_CSV_COLUMNS;
  const lineEnding = options.lineEnding ?? '\n';
  const cells = (row: ClaimCsvRow): string[] =>
    columns.map((column) => quote((row as Readonly<Record<string, string | undefined>>)[column] ?? ''));
  return [columns.map(quote), ...rows.map(cells)].map((row) => `${row.join(',')}${lineEnding}`).join('');
}

/** CSV text for claims, in order. */
export function claimsToCsv(
  claims: readonly ClaimSubmission[],
  options: { columns?: readonly string[]; lineEnding?: '\n' | '\r\n' } = {},
): string {
  return rowsToCsv(claims.flatMap(claimToCsvRows), options);
}

/** RFC 4180 quoting: a cell with a comma, a quote or a line break is quoted, quotes doubled. */
export function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function lineCells(line: ClaimLine): ClaimCsvRow {
  return compactRow({
    line_number: cell(line.lineNumber),
    procedure_code: line.procedureCode,
    modifiers: joinList(line.modifiers),
    revenue_code: line.revenueCode,
    line_service_date: line.serviceDate,
    units: cell(line.units),
    charged_amount: cell(line.chargedAmount),
    paid_amount: cell(line.paidAmount),
    loinc_code: line.labResult?.loincCode,
    lab_value: cell(line.labResult?.value),
    lab_unit: line.labResult?.unit,
  });
}

function cell(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function joinList(values: readonly string[] | undefined): string | undefined {
  return values === undefined || values.length === 0 ? undefined : values.join('|');
}

function compactRow(row: ClaimCsvRow): ClaimCsvRow {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

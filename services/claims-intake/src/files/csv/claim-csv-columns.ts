/**
 * CONTRACT: the columns of a claims CSV file (header row required, any column order, UTF-8, comma-separated,
 * RFC 4180 quoting). One row per claim line; the rows of one claim (same claim_id and version) are consecutive
 * and repeat the header fields. A pharmacy claim is one row with the drug columns and no line columns.
 * Lists inside a cell (diagnosis codes in claim order, modifiers) are separated by `|`.
 * Documented for claims systems in docs/claims-csv.md.
 */

/** Claim header columns (repeated on every row of a claim). */
const CLAIM_HEADER_CSV_COLUMNS = [
  'claim_id',
  'version',
  'frequency',
  'claim_type',
  'adjudication_status',
  'member_id',
  'billing_npi',
  'billing_tin',
  'billing_name',
  'rendering_npi',
  'service_date_from',
  'service_date_to',
  'place_of_service',
  'type_of_bill',
  'diagnosis_codes',
  'total_charged_amount',
  'total_paid_amount',
] as const;

/** Columns of one service line: a row with any of them filled is a line of its claim. */
const SERVICE_LINE_CSV_COLUMNS = [
  'line_number',
  'procedure_code',
  'modifiers',
  'revenue_code',
  'line_service_date',
  'units',
  'charged_amount',
  'paid_amount',
  'loinc_code',
  'lab_value',
  'lab_unit',
] as const;

/** Pharmacy fill columns (claim level, on the single row of a pharmacy claim). */
const DRUG_FILL_CSV_COLUMNS = [
  'ndc',
  'days_supply',
  'quantity',
  'fill_date',
  'prescriber_npi',
  'refill_number',
] as const;

export const CLAIM_CSV_COLUMNS = [
  ...CLAIM_HEADER_CSV_COLUMNS,
  ...SERVICE_LINE_CSV_COLUMNS,
  ...DRUG_FILL_CSV_COLUMNS,
] as const;

export type ClaimCsvColumn = (typeof CLAIM_CSV_COLUMNS)[number];
export type ClaimCsvRow = Partial<Record<ClaimCsvColumn, string>>;

/** Columns that must be present in the header. */
export const REQUIRED_CLAIM_CSV_COLUMNS: readonly ClaimCsvColumn[] = [
  'claim_id',
  'version',
  'frequency',
  'claim_type',
  'adjudication_status',
  'member_id',
  'billing_npi',
  'billing_tin',
  'service_date_from',
  'service_date_to',
  'total_charged_amount',
];

/** Columns of one service line (see SERVICE_LINE_CSV_COLUMNS). */
export const LINE_CSV_COLUMNS: readonly ClaimCsvColumn[] = SERVICE_LINE_CSV_COLUMNS;

/** Columns of the claim as a whole (read from its first row): every column that is not a line column. */
export const CLAIM_LEVEL_CSV_COLUMNS: readonly ClaimCsvColumn[] = CLAIM_CSV_COLUMNS.filter(
  (column) => !LINE_CSV_COLUMNS.includes(column),
);

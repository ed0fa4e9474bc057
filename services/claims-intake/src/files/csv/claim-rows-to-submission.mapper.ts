import { LINE_CSV_COLUMNS, type ClaimCsvColumn, type ClaimCsvRow } from './claim-csv-columns';

/**
 * Builds the plain claim object (the shape of ClaimSubmission) from the consecutive rows of one claim.
 * Numbers that do not parse are passed through as text so validation names the field that is wrong.
 * Empty cells are omitted. A row with any line column filled is a line; a lab result or drug with any of its
 * columns filled is present, so a value is never dropped without validation naming what is missing.
 */
export function claimRowsToSubmission(rows: readonly ClaimCsvRow[]): Record<string, unknown> {
  const head = rows[0] ?? {};
  const claim: Record<string, unknown> = {};
  const set = (field: string, value: unknown): void => {
    if (value !== undefined) claim[field] = value;
  };
  set('claimId', text(head.claim_id));
  set('version', numeric(head.version));
  set('frequency', text(head.frequency));
  set('claimType', text(head.claim_type));
  set('adjudicationStatus', text(head.adjudication_status));
  set('memberId', text(head.member_id));
  set(
    'billingProvider',
    compact({ npi: text(head.billing_npi), tin: text(head.billing_tin), name: text(head.billing_name) }),
  );
  const renderingNpi = text(head.rendering_npi);
  if (renderingNpi !== undefined) claim['renderingProvider'] = { npi: renderingNpi };
  set('serviceDateFrom', text(head.service_date_from));
  set('serviceDateTo', text(head.service_date_to));
  set('placeOfService', text(head.place_of_service));
  set('typeOfBill', text(head.type_of_bill));
  const diagnosisCodes = list(head.diagnosis_codes);
  if (diagnosisCodes.length > 0) claim['diagnoses'] = diagnosisCodes.map((code) => ({ code }));
  set('totalChargedAmount', numeric(head.total_charged_amount));
  set('totalPaidAmount', numeric(head.total_paid_amount));

  const lines = rows
    .filter((row) => anyFilled(row, LINE_CSV_COLUMNS))
    .map((row) =>
      compact({
        lineNumber: numeric(row.line_number),
        procedureCode: text(row.procedure_code),
        modifiers: list(row.modifiers).length > 0 ? list(row.modifiers) : undefined,
        revenueCode: text(row.revenue_code),
        serviceDate: text(row.line_service_date),
        units: numeric(row.units),
        chargedAmount: numeric(row.charged_amount),
        paidAmount: numeric(row.paid_amount),
        labResult: anyFilled(row, ['loinc_code', 'lab_value', 'lab_unit'])
          ? compact({
              loincCode: text(row.loinc_code),
              value: numeric(row.lab_value),
              unit: text(row.lab_unit),
            })
          : undefined,
      }),
    );
  if (lines.length > 0) claim['lines'] = lines;

  if (anyFilled(head, ['ndc', 'days_supply', 'quantity', 'fill_date', 'prescriber_npi', 'refill_number'])) {
    claim['drug'] = compact({
      ndc: text(head.ndc),
      daysSupply: numeric(head.days_supply),
      quantity: numeric(head.quantity),
      fillDate: text(head.fill_date),
      prescriberNpi: text(head.prescriber_npi),
      refillNumber: numeric(head.refill_number),
    });
  }
  return claim;
}

function anyFilled(row: ClaimCsvRow, columns: readonly ClaimCsvColumn[]): boolean {
  return columns.some((column) => text(row[column]) !== undefined);
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function numeric(value: string | undefined): number | string | undefined {
  const trimmed = text(value);
  if (trimmed === undefined) return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) && /^-?\d+(\.\d+)?$/.test(trimmed) ? parsed : trimmed;
}

function list(value: string | undefined): string[] {
  return (text(value) ?? '')
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function compact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

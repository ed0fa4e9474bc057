import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  type ClaimSubmission,
} from '@care/contracts';
import { CLAIM_CSV_COLUMNS, type ClaimCsvColumn, type ClaimCsvRow } from './claim-csv-columns';
import { claimRowsToSubmission } from './claim-rows-to-submission.mapper';
import { claimToCsvRows } from './testing/claims-to-csv';

/** The claim as the CSV carries it: the contract has no column for the rendering provider's name or TIN. */
const withoutRenderingName = (claim: ClaimSubmission): ClaimSubmission =>
  claim.renderingProvider === undefined
    ? claim
    : { ...claim, renderingProvider: { npi: claim.renderingProvider.npi } };

describe('claimRowsToSubmission (the rows of one CSV claim to a plain ClaimSubmission)', () => {
  const everyColumn: ReadonlyArray<[ClaimCsvColumn, string, string, unknown]> = [
    ['claim_id', 'CLM-7', 'claimId', 'CLM-7'],
    ['version', '2', 'version', 2],
    ['frequency', 'replacement', 'frequency', 'replacement'],
    ['claim_type', 'institutional', 'claimType', 'institutional'],
    ['adjudication_status', 'denied', 'adjudicationStatus', 'denied'],
    ['member_id', 'M0000042', 'memberId', 'M0000042'],
    ['billing_npi', '1245319599', 'billingProvider.npi', '1245319599'],
    ['billing_tin', '012345678', 'billingProvider.tin', '012345678'],
    ['billing_name', 'Main Street Clinic', 'billingProvider.name', 'Main Street Clinic'],
    ['rendering_npi', '1234567893', 'renderingProvider', { npi: '1234567893' }],
    ['service_date_from', '2025-01-15', 'serviceDateFrom', '2025-01-15'],
    ['service_date_to', '2025-01-16', 'serviceDateTo', '2025-01-16'],
    ['place_of_service', '02', 'placeOfService', '02'],
    ['type_of_bill', '0131', 'typeOfBill', '0131'],
    ['diagnosis_codes', 'E11.9|I10', 'diagnoses', [{ code: 'E11.9' }, { code: 'I10' }]],
    ['total_charged_amount', '175.75', 'totalChargedAmount', 175.75],
    ['total_paid_amount', '0', 'totalPaidAmount', 0],
    ['line_number', '3', 'lines.0.lineNumber', 3],
    ['procedure_code', '99213', 'lines.0.procedureCode', '99213'],
    ['modifiers', '25|59', 'lines.0.modifiers', ['25', '59']],
    ['revenue_code', '0450', 'lines.0.revenueCode', '0450'],
    ['line_service_date', '2025-01-15', 'lines.0.serviceDate', '2025-01-15'],
    ['units', '2.5', 'lines.0.units', 2.5],
    ['charged_amount', '150', 'lines.0.chargedAmount', 150],
    ['paid_amount', '95.5', 'lines.0.paidAmount', 95.5],
    ['loinc_code', '4548-4', 'lines.0.labResult.loincCode', '4548-4'],
    ['lab_value', '7.2', 'lines.0.labResult.value', 7.2],
    ['lab_unit', '%', 'lines.0.labResult.unit', '%'],
    ['ndc', '00093-1048-01', 'drug.ndc', '00093-1048-01'],
    ['days_supply', '30', 'drug.daysSupply', 30],
    ['quantity', '60', 'drug.quantity', 60],
    ['fill_date', '2025-03-10', 'drug.fillDate', '2025-03-10'],
    ['prescriber_npi', '1999999992', 'drug.prescriberNpi', '1999999992'],
    ['refill_number', '0', 'drug.refillNumber', 0],
  ];

  it('has a mapping case for every contract column', () => {
    expect(everyColumn.map(([column]) => column).sort()).toEqual([...CLAIM_CSV_COLUMNS].sort());
  });

  it.each(everyColumn)('puts %s %j in %s', (column, cell, path, expected) => {
    expect(claimRowsToSubmission([{ [column]: cell }])).toHaveProperty(path, expected);
  });

  it.each([
    ['a professional claim with two lines and a lab result', aValidProfessionalClaim()],
    ['an institutional claim with a revenue-code-only line', aValidInstitutionalClaim()],
    ['a pharmacy claim', aValidPharmacyClaim()],
  ])('rebuilds %s from its rows', (_name, claim) => {
    expect(claimRowsToSubmission(claimToCsvRows(claim))).toEqual(withoutRenderingName(claim));
  });

  it('makes one line per row, in row order, each from its own row', () => {
    const [first, second] = claimToCsvRows(aValidProfessionalClaim()) as [ClaimCsvRow, ClaimCsvRow];
    const claim = claimRowsToSubmission([second, first]);
    expect(claim['lines']).toEqual([
      expect.objectContaining({ lineNumber: 2, procedureCode: '83036' }),
      expect.objectContaining({ lineNumber: 1, procedureCode: '99213' }),
    ]);
  });

  it('reads the claim columns from the first row', () => {
    const [first, second] = claimToCsvRows(aValidProfessionalClaim()) as [ClaimCsvRow, ClaimCsvRow];
    const claim = claimRowsToSubmission([first, { ...second, member_id: '', total_charged_amount: '' }]);
    expect(claim).toMatchObject({ memberId: first.member_id, totalChargedAmount: 175.75 });
  });

  it.each([
    ['E11.9|I10', ['E11.9', 'I10']],
    [' E11.9 | I10 ', ['E11.9', 'I10']],
    ['E11.9||I10|', ['E11.9', 'I10']],
    ['J18.9', ['J18.9']],
  ])('splits the list %j on | into %j, trimming and dropping empty items', (cell, expected) => {
    const claim = claimRowsToSubmission([{ diagnosis_codes: cell, modifiers: cell, line_number: '1' }]);
    expect(claim['diagnoses']).toEqual(expected.map((code) => ({ code })));
    expect(claim).toHaveProperty('lines.0.modifiers', expected);
  });

  it('omits empty and blank cells instead of sending empty strings', () => {
    const [row] = claimToCsvRows(aValidPharmacyClaim()) as [ClaimCsvRow];
    const claim = claimRowsToSubmission([
      {
        ...row,
        billing_name: '',
        total_paid_amount: '   ',
        refill_number: '',
        rendering_npi: ' ',
        diagnosis_codes: ' ',
      },
    ]);
    expect(claim).not.toHaveProperty('totalPaidAmount');
    expect(claim).not.toHaveProperty('renderingProvider');
    expect(claim).not.toHaveProperty('lines');
    expect(claim['billingProvider']).toEqual({ npi: row.billing_npi, tin: row.billing_tin });
    expect(claim['drug']).not.toHaveProperty('refillNumber');
    expect(claim).not.toHaveProperty('diagnoses');
  });

  it('trims cells', () => {
    expect(claimRowsToSubmission([{ claim_id: '  CLM-1 ', version: ' 3 ' }])).toMatchObject({
      claimId: 'CLM-1',
      version: 3,
    });
  });

  it.each([
    ['version', 'one', 'version'],
    ['version', '1e3', 'version'],
    ['total_charged_amount', '$175.75', 'totalChargedAmount'],
    ['total_paid_amount', '1,000.00', 'totalPaidAmount'],
    ['units', 'two', 'lines.0.units'],
    ['charged_amount', '.5', 'lines.0.chargedAmount'],
    ['paid_amount', '12.', 'lines.0.paidAmount'],
    ['lab_value', 'high', 'lines.0.labResult.value'],
    ['line_number', '#1', 'lines.0.lineNumber'],
    ['days_supply', '30 days', 'drug.daysSupply'],
    ['quantity', 'sixty', 'drug.quantity'],
    ['refill_number', 'first', 'drug.refillNumber'],
  ] as ReadonlyArray<[ClaimCsvColumn, string, string]>)(
    'passes the non-numeric %s %j through as text to %s, for validation to name',
    (column, cell, path) => {
      expect(claimRowsToSubmission([{ [column]: cell }])).toHaveProperty(path, cell);
    },
  );

  it('keeps the sign of a negative number, for validation to reject', () => {
    expect(claimRowsToSubmission([{ total_charged_amount: '-5' }])).toHaveProperty('totalChargedAmount', -5);
  });

  it('never drops a filled cell: a row with any line cell is a line, any lab or drug cell makes a lab result or drug', () => {
    const claim = claimRowsToSubmission([
      { line_number: '1', procedure_code: '99213', units: '1', charged_amount: '10' },
      { units: '1', charged_amount: '20' },
      { line_number: '3', lab_value: '7.2', lab_unit: '%' },
    ]);
    expect(claim['lines']).toEqual([
      { lineNumber: 1, procedureCode: '99213', units: 1, chargedAmount: 10 },
      { units: 1, chargedAmount: 20 },
      { lineNumber: 3, labResult: { value: 7.2, unit: '%' } },
    ]);
    expect(claimRowsToSubmission([{ days_supply: '30', quantity: '60' }])).toHaveProperty('drug', {
      daysSupply: 30,
      quantity: 60,
    });
  });

  it('makes no lines and no drug for a row without line or drug cells', () => {
    const [row] = claimToCsvRows(aValidPharmacyClaim({ drug: undefined })) as [ClaimCsvRow];
    const claim = claimRowsToSubmission([row]);
    expect(claim).not.toHaveProperty('lines');
    expect(claim).not.toHaveProperty('drug');
  });
});

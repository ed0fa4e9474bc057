/**
 * Version stamp of the gap rules, modelled on the public HEDIS/eCQM/PQA measure summaries (docs/clinical/care-gap-rules.md).
 * `gaps-2026.2` (issue 21): windows anchored on the measurement year, age bands and exclusion windows as the summaries
 * give them, hospice services excluded. `gaps-2026.3` (issue 21): institutional hospice claims (revenue codes, types
 * of bill) and palliative care HCPCS G9054, M1017 exclude too. A rule that changes takes a new version; an open gap
 * keeps the version it opened under, and a re-evaluation emits only the outcomes that differ.
 */
export const GAP_RULE_VERSION = 'gaps-2026.3';

/** The measurement year or the year before it (HEDIS SPC/SPD exclusions). */
export const MEASUREMENT_OR_PRIOR_YEAR = { yearsBefore: 1 } as const;

/** Palliative-care encounter (Z51.5): excludes the member from every gap (CLINICAL.md common exclusions). */
export const PALLIATIVE_CARE_PREFIXES = ['Z515'] as const;

/**
 * Palliative care by procedure code (HEDIS Palliative Care Intervention, as the public summaries list it besides
 * Z51.5): HCPCS G9054 and M1017, in the measurement year, for every rule. Palliative care encounters and other
 * interventions by code are left to the code-set releases.
 */
export const PALLIATIVE_CARE_PROCEDURE_CODES = ['G9054', 'M1017'] as const;

/**
 * Hospice services in the measurement year exclude the member from every gap (HEDIS and PQA): HCPCS hospice care per
 * diem T2042-T2046 and S9126, hospice place of care Q5001-Q5010, hospice services by discipline G9473-G9479, and
 * hospice care supervision CPT 99377, 99378, HCPCS G0182. Institutional hospice claims are found by their revenue codes
 * ({@link HOSPICE_REVENUE_CODES}) and types of bill ({@link HOSPICE_TYPE_OF_BILL_PREFIXES}) as well.
 */
export const HOSPICE_PROCEDURE_CODES = [
  ...codeRange('T2042', 'T2046'),
  'S9126',
  ...codeRange('Q5001', 'Q5010'),
  ...codeRange('G9473', 'G9479'),
  '99377',
  '99378',
  'G0182',
] as const;

/**
 * Hospice revenue codes of institutional claims (UB-04; HEDIS Hospice Encounter / Hospice Intervention and the eCQM
 * hospice logic): hospice room and board 0115, 0125, 0135, 0145, 0155, hospice incremental nursing 0235, and hospice
 * services 0650-0659. Any line of the claim carrying one excludes it, in the measurement year.
 */
export const HOSPICE_REVENUE_CODES = [
  '0115',
  '0125',
  '0135',
  '0145',
  '0155',
  '0235',
  ...codeRange('0650', '0659'),
] as const;

/**
 * Hospice types of bill (UB-04 form locator 4, the leading 0 then facility and care type; the frequency digit is
 * any): 081x hospice (non-hospital based) and 082x hospice (hospital based).
 */
export const HOSPICE_TYPE_OF_BILL_PREFIXES = ['081', '082'] as const;

/**
 * The hospice and palliative care exclusions every rule takes in the measurement year, besides palliative care Z51.5
 * among its diagnoses: hospice and palliative procedure codes, hospice revenue codes and types of bill.
 */
export const HOSPICE_AND_PALLIATIVE_CARE = {
  procedureCodes: [...HOSPICE_PROCEDURE_CODES, ...PALLIATIVE_CARE_PROCEDURE_CODES],
  revenueCodes: HOSPICE_REVENUE_CODES,
  typeOfBillPrefixes: HOSPICE_TYPE_OF_BILL_PREFIXES,
} as const;

/** End-stage renal disease and dialysis dependence (adherence and statin exclusions). */
export const ESRD_PREFIXES = ['N186', 'Z992'] as const;

/** Non-insulin antidiabetic classes of the NDC table (PQA PDC-DR; the diabetes statin measure's "taking antidiabetics"). */
export const NON_INSULIN_ANTIDIABETICS = [
  'metformin',
  'sulfonylurea',
  'sglt2-inhibitor',
  'glp1-agonist',
] as const;

/** Every CPT/HCPCS code from `first` to `last` with the same non-numeric affixes (e.g. 44388..44394, 2022F..2026F). */
export function codeRange(first: string, last: string): string[] {
  const parse = (code: string) => {
    const match = /^([A-Z]?)(\d+)([A-Z]?)$/.exec(code);
    if (match === null) throw new Error(`not a rangeable code: ${code}`);
    return { prefix: match[1] ?? '', digits: match[2] ?? '', suffix: match[3] ?? '' };
  };
  const from = parse(first);
  const to = parse(last);
  if (
    from.prefix !== to.prefix ||
    from.suffix !== to.suffix ||
    from.digits.length !== to.digits.length ||
    Number(from.digits) > Number(to.digits)
  ) {
    throw new Error(`codes ${first} and ${last} do not form a range`);
  }
  const codes: string[] = [];
  for (let value = Number(from.digits); value <= Number(to.digits); value += 1) {
    codes.push(`${from.prefix}${String(value).padStart(from.digits.length, '0')}${from.suffix}`);
  }
  return codes;
}

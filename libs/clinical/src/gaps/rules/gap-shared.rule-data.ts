/**
 * Version stamp of the gap rules, modelled on the public HEDIS/eCQM/PQA measure summaries (docs/clinical/care-gap-rules.md).
 * `gaps-2026.2` (issue 21): windows anchored on the measurement year, age bands and exclusion windows as the summaries
 * give them, hospice services excluded. A rule that changes takes a new version; an open gap keeps the version it
 * opened under, and a re-evaluation emits only the outcomes that differ.
 */
export const GAP_RULE_VERSION = 'gaps-2026.2';

/** The measurement year or the year before it (HEDIS SPC/SPD exclusions). */
export const MEASUREMENT_OR_PRIOR_YEAR = { yearsBefore: 1 } as const;

/** Palliative-care encounter (Z51.5): excludes the member from every gap (CLINICAL.md common exclusions). */
export const PALLIATIVE_CARE_PREFIXES = ['Z515'] as const;

/**
 * Hospice services in the measurement year exclude the member from every gap (HEDIS and PQA): HCPCS hospice care per
 * diem T2042-T2046 and S9126, hospice place of care Q5001-Q5010, hospice services by discipline G9473-G9479, and
 * hospice care supervision CPT 99377, 99378, HCPCS G0182. Revenue codes (0115 ... 0659) and types of bill (081x, 082x)
 * of institutional hospice claims are in claim-received but not in the gap evidence yet, so such a claim without one of
 * these procedure codes is not seen. A starting point: the code-set releases do not address this list yet.
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

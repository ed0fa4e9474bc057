/** Version stamp of the gap rules modelled on HEDIS/eCQM/PQA logic as summarised in CLINICAL.md section 3. */
export const GAP_RULE_VERSION = 'gaps-2026.1';

/**
 * Version of the rules whose windows, age bands or exclusions changed to follow the public measure specifications
 * (issue 21, docs/clinical/care-gap-rules.md); rules that did not change keep {@link GAP_RULE_VERSION}, so an open gap
 * of an unchanged rule keeps its version and a re-evaluation emits only the outcomes that differ.
 */
export const MEASURE_WINDOWS_RULE_VERSION = 'gaps-2026.2';

/** The measurement year or the year before it (HEDIS SPC/SPD exclusions). */
export const MEASUREMENT_OR_PRIOR_YEAR = { yearsBefore: 1 } as const;

/** Palliative-care encounter (Z51.5): excludes the member from every gap (CLINICAL.md common exclusions). */
export const PALLIATIVE_CARE_PREFIXES = ['Z515'] as const;

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

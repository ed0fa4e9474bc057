/** What a code list holds: ICD-10-CM diagnoses (prefixes), CPT/CPT II/HCPCS procedure codes, or LOINC lab codes. */
export type CodeListKind = 'diagnosis' | 'procedure' | 'loinc';

/**
 * One code list of the rule catalogs that a value set may replace, by address:
 * `conditions/<rule>/diagnosis`, `conditions/<rule>/exclusions`, `gaps/<rule>/closing/<service>/procedures`,
 * `gaps/<rule>/closing/<service>/loinc`, `gaps/<rule>/control/loinc`, `gaps/<rule>/exclusions`,
 * `gaps/<rule>/exclusions-procedures` (hospice services, palliative care G9054 and M1017), `gaps/<rule>/exclusions-windowed/<n>` (the rule's n-th exclusion with a window of its own, from 1),
 * `gaps/<rule>/exclusions-any-time`.
 */
export interface CodeListTarget {
  readonly address: string;
  readonly kind: CodeListKind;
  /** The built-in codes (the default while no release maps a value set here). */
  readonly codes: readonly string[];
}

/** A code list as a release sets it: the union of the value sets mapped onto the address, normalised. */
export interface CodeListOverride {
  readonly address: string;
  readonly codes: readonly string[];
  /** The value sets it came from ('<url>|<version>'). */
  readonly valueSets: readonly string[];
}

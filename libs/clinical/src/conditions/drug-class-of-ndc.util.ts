import { normalizeNdc } from '../codesets/normalize-ndc.util';
import type { DrugClass } from './drug-class.types';
import { NDC_DRUG_CLASSES } from './ndc-drug-classes.data';

const NDC_TABLE: Readonly<Record<string, DrugClass | undefined>> = NDC_DRUG_CLASSES;

/**
 * Drug class of an NDC in the seed table (or `table`), or null when unknown. Any form `normalizeNdc` reads is
 * accepted (11 digits, or 4-4-2, 5-3-2, 5-4-1, 5-4-2 with hyphens); 10 digits without hyphens are ambiguous and
 * never match. Services use the loaded release instead (`drugClassInRelease`).
 */
export function drugClassOfNdc(
  ndc: string,
  table: Readonly<Record<string, DrugClass | undefined>> = NDC_TABLE,
): DrugClass | null {
  const digits = normalizeNdc(ndc);
  return digits === null ? null : (table[digits] ?? null);
}

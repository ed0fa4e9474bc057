import type { DrugClass } from './drug-class.types';
import { NDC_DRUG_CLASSES } from './ndc-drug-classes.data';

const NDC_TABLE: Readonly<Record<string, DrugClass | undefined>> = NDC_DRUG_CLASSES;

/** Drug class of an 11-digit NDC (hyphens ignored), or null when unknown; 10-digit NDCs are not converted. */
export function drugClassOfNdc(ndc: string, table: Readonly<Record<string, DrugClass | undefined>> = NDC_TABLE): DrugClass | null {
  const digits = ndc.replace(/-/g, '').trim();
  if (!/^\d{11}$/.test(digits)) return null;
  return table[digits] ?? null;
}

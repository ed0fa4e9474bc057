import { normalizeDiagnosisCode } from '../conditions/normalize-diagnosis-code.util';
import type { CodeListKind, CodeListOverride, CodeListTarget } from './code-list.types';
import type { ValueSetCodes, ValueSetMapping } from './value-set.types';

/** Code systems whose codes a list of each kind takes (FHIR canonical system urls). */
export const CODE_SYSTEMS_OF_KIND: Readonly<Record<CodeListKind, readonly string[]>> = {
  diagnosis: ['http://hl7.org/fhir/sid/icd-10-cm'],
  procedure: [
    'http://www.ama-assn.org/go/cpt',
    'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
    'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  ],
  loinc: ['http://loinc.org'],
};

const normalizeCode = (kind: CodeListKind, code: string): string =>
  kind === 'diagnosis' ? normalizeDiagnosisCode(code) : kind === 'procedure' ? code.toUpperCase() : code;

/** Code lists built from value sets, and what was wrong (errors stop a load; warnings are reported). */
export interface ValueSetMappingResult {
  readonly codeLists: readonly CodeListOverride[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

const matchesValueSet = (reference: string, valueSet: ValueSetCodes): boolean => {
  const [url, version] = reference.split('|');
  return url === valueSet.url && (version === undefined || version === valueSet.version);
};

/**
 * The code lists the mapping sets: each list gets the union of the codes of the value sets mapped onto it, taken
 * from the code systems of its kind only (ICD-10-CM for diagnoses, CPT and HCPCS for procedures, LOINC for labs) and
 * normalised (diagnoses without dots, upper case; they act as prefixes like the built-in lists). Errors: a mapping
 * to an address no rule has, a value set the release does not hold, two releases of one mapped value set, or a list
 * left with no code of its kind. Warnings: codes of other systems skipped, value sets no mapping uses.
 */
export function codeListsFromValueSets(
  valueSets: readonly ValueSetCodes[],
  mappings: readonly ValueSetMapping[],
  targets: readonly CodeListTarget[],
): ValueSetMappingResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const targetsByAddress = new Map(targets.map((target) => [target.address, target]));
  const lists = new Map<string, { codes: Set<string>; valueSets: Set<string> }>();
  const used = new Set<ValueSetCodes>();
  for (const mapping of mappings) {
    const target = targetsByAddress.get(mapping.codeList);
    if (target === undefined) {
      errors.push(`mapping of ${mapping.valueSet}: no code list ${mapping.codeList} in the rule catalogs`);
      continue;
    }
    const matching = valueSets.filter((valueSet) => matchesValueSet(mapping.valueSet, valueSet));
    if (matching.length === 0) {
      errors.push(`mapping to ${mapping.codeList}: value set ${mapping.valueSet} is not in the release`);
      continue;
    }
    if (matching.length > 1) {
      errors.push(
        `mapping to ${mapping.codeList}: ${String(matching.length)} value sets match ${mapping.valueSet}; pin a version (url|version)`,
      );
      continue;
    }
    const valueSet = matching[0];
    used.add(valueSet);
    const systems = CODE_SYSTEMS_OF_KIND[target.kind];
    const list = lists.get(target.address) ?? { codes: new Set<string>(), valueSets: new Set<string>() };
    let skipped = 0;
    for (const { system, code } of valueSet.codes) {
      if (systems.includes(system)) list.codes.add(normalizeCode(target.kind, code));
      else skipped += 1;
    }
    list.valueSets.add(`${valueSet.url}|${valueSet.version ?? ''}`);
    lists.set(target.address, list);
    if (skipped > 0) {
      warnings.push(
        `${valueSet.url}: ${String(skipped)} codes of other systems than ${target.kind} skipped for ${target.address}`,
      );
    }
  }
  for (const [address, list] of lists) {
    if (list.codes.size === 0) errors.push(`${address}: the mapped value sets hold no code of its kind`);
  }
  for (const valueSet of valueSets) {
    if (!used.has(valueSet)) warnings.push(`${valueSet.url}: no mapping uses this value set`);
  }
  return {
    codeLists: [...lists]
      .filter(([, list]) => list.codes.size > 0)
      .map(([address, list]) => ({
        address,
        codes: [...list.codes].sort(),
        valueSets: [...list.valueSets].sort(),
      }))
      .sort((a, b) => a.address.localeCompare(b.address)),
    errors,
    warnings,
  };
}

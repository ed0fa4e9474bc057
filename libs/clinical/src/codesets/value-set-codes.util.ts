import type { ValueSetCodes } from './value-set.types';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The expansion codes of a FHIR R4 `ValueSet` resource (nested `contains` flattened; `abstract` entries, which are
 * not selectable codes, left out). Throws naming what is wrong when the resource is not a ValueSet with a url and an
 * expansion, or an entry has no system or code. The compose section is not read: only an expansion says which codes
 * are in (VSAC and other publishers distribute expanded value sets).
 */
export function valueSetCodes(resource: unknown): ValueSetCodes {
  if (!isRecord(resource) || resource['resourceType'] !== 'ValueSet')
    throw new Error('not a FHIR ValueSet resource');
  const url = resource['url'];
  if (typeof url !== 'string' || url.length === 0) throw new Error('ValueSet without url');
  const expansion = resource['expansion'];
  if (!isRecord(expansion)) throw new Error(`ValueSet ${url} has no expansion`);
  const version = typeof resource['version'] === 'string' ? resource['version'] : null;
  const codes: Array<{ system: string; code: string }> = [];
  const visit = (entries: unknown, path: string): void => {
    if (entries === undefined) return;
    if (!Array.isArray(entries)) throw new Error(`ValueSet ${url}: ${path} is not a list`);
    entries.forEach((entry: unknown, index) => {
      const at = `${path}[${String(index)}]`;
      if (!isRecord(entry)) throw new Error(`ValueSet ${url}: ${at} is not an object`);
      if (entry['abstract'] !== true) {
        const { system, code } = entry;
        if (typeof system !== 'string' || typeof code !== 'string' || code.trim().length === 0) {
          throw new Error(`ValueSet ${url}: ${at} has no system or code`);
        }
        codes.push({ system, code: code.trim() });
      }
      visit(entry['contains'], `${at}.contains`);
    });
  };
  visit(expansion['contains'], 'expansion.contains');
  return { url, version, codes };
}

import { VALUE_SET_MAPPING_FORMAT, type ValueSetMapping } from './value-set.types';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The mappings of a value set mapping file (`{ "format": "care-valueset-mapping/1", "mappings": [{ "valueSet":
 * "<url>[|<version>]", "codeList": "<address>" }] }`); throws naming every malformed entry.
 */
export function valueSetMappingsFromJson(value: unknown): ValueSetMapping[] {
  if (!isRecord(value)) throw new Error('value set mapping: not a JSON object');
  if (value['format'] !== VALUE_SET_MAPPING_FORMAT) {
    throw new Error(
      `value set mapping: format is ${JSON.stringify(value['format'])}, expected "${VALUE_SET_MAPPING_FORMAT}"`,
    );
  }
  const mappings = value['mappings'];
  if (!Array.isArray(mappings)) throw new Error('value set mapping: mappings is not a list');
  const problems: string[] = [];
  const result: ValueSetMapping[] = [];
  mappings.forEach((mapping: unknown, index) => {
    if (
      !isRecord(mapping) ||
      typeof mapping['valueSet'] !== 'string' ||
      mapping['valueSet'].length === 0 ||
      typeof mapping['codeList'] !== 'string' ||
      mapping['codeList'].length === 0
    ) {
      problems.push(`mappings[${String(index)}] is not { valueSet, codeList }`);
      return;
    }
    result.push({ valueSet: mapping['valueSet'], codeList: mapping['codeList'] });
  });
  if (problems.length > 0) throw new Error(`value set mapping: ${problems.join('; ')}`);
  return result;
}

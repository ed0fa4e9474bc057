import { DRUG_CLASSES, type DrugClass } from '../conditions/drug-class.types';
import type { CodeListOverride } from './code-list.types';
import { COMPILED_CODE_SET_FORMAT, type CodeSetRelease } from './code-set-release.types';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * A compiled release file's content as a {@link CodeSetRelease}. Checks the format tag, the id, that every class is
 * a platform drug class, that every NDC is 11 digits and in one class only, and the shape of the code lists; throws
 * one error naming every problem found. Does not check that code list addresses exist in the running catalogs
 * (`rulesWithCodeLists` does).
 */
export function codeSetReleaseFromJson(value: unknown): CodeSetRelease {
  const problems: string[] = [];
  if (!isRecord(value)) throw new Error('code set release: not a JSON object');
  if (value['format'] !== COMPILED_CODE_SET_FORMAT) {
    problems.push(`format is ${JSON.stringify(value['format'])}, expected "${COMPILED_CODE_SET_FORMAT}"`);
  }
  const id = value['id'];
  if (typeof id !== 'string' || id.length === 0) problems.push('id is missing');
  else if (!/^[a-z0-9][a-z0-9.-]{0,63}$/.test(id))
    problems.push(`id ${id} is not a lower-case token of 64 characters at most`);
  const drugClasses = new Map<string, DrugClass>();
  const classes = value['drugClasses'];
  if (!isRecord(classes)) problems.push('drugClasses is not an object');
  else {
    for (const [drugClass, ndcs] of Object.entries(classes)) {
      if (!(DRUG_CLASSES as readonly string[]).includes(drugClass)) {
        problems.push(`unknown drug class ${drugClass}`);
        continue;
      }
      if (!isStringArray(ndcs)) {
        problems.push(`drugClasses.${drugClass} is not a list of NDCs`);
        continue;
      }
      for (const ndc of ndcs) {
        const earlier = drugClasses.get(ndc);
        if (!/^\d{11}$/.test(ndc)) problems.push(`drugClasses.${drugClass}: ${ndc} is not an 11-digit NDC`);
        else if (earlier !== undefined) problems.push(`NDC ${ndc} is in ${earlier} and ${drugClass}`);
        else drugClasses.set(ndc, drugClass as DrugClass);
      }
    }
  }
  const codeLists: CodeListOverride[] = [];
  const lists = value['codeLists'];
  if (!Array.isArray(lists)) problems.push('codeLists is not a list');
  else {
    lists.forEach((list: unknown, index) => {
      if (
        !isRecord(list) ||
        typeof list['address'] !== 'string' ||
        !isStringArray(list['codes']) ||
        !isStringArray(list['valueSets'])
      ) {
        problems.push(`codeLists[${String(index)}] is not { address, codes, valueSets }`);
        return;
      }
      codeLists.push({ address: list['address'], codes: list['codes'], valueSets: list['valueSets'] });
    });
  }
  if (problems.length > 0) throw new Error(`code set release: ${problems.join('; ')}`);
  return { id: id as string, drugClasses, codeLists };
}

import type { DrugClass } from '../conditions/drug-class.types';
import type { CodeSetRelease } from './code-set-release.types';
import { normalizeNdc } from './normalize-ndc.util';

/** The drug class a release gives an NDC in any accepted form (see `normalizeNdc`), or null when unknown. */
export function drugClassInRelease(
  release: Pick<CodeSetRelease, 'drugClasses'>,
  ndc: string,
): DrugClass | null {
  const normalized = normalizeNdc(ndc);
  return normalized === null ? null : (release.drugClasses.get(normalized) ?? null);
}

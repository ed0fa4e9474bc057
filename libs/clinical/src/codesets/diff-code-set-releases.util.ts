import { DRUG_CLASSES, type DrugClass } from '../conditions/drug-class.types';
import type { CodeListTarget } from './code-list.types';
import type { CodeSetRelease } from './code-set-release.types';

/** What a new release changes against the loaded one: codes added and removed per drug class and per code list. */
export interface CodeSetDiff {
  readonly drugClasses: ReadonlyArray<{
    readonly drugClass: DrugClass;
    readonly before: number;
    readonly after: number;
    readonly added: readonly string[];
    readonly removed: readonly string[];
  }>;
  readonly codeLists: ReadonlyArray<{
    readonly address: string;
    /** Where the codes come from before and after: the built-in list or the release's value sets. */
    readonly from: { readonly before: 'built-in' | 'value-sets'; readonly after: 'built-in' | 'value-sets' };
    readonly added: readonly string[];
    readonly removed: readonly string[];
  }>;
}

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/**
 * Differences between two releases. Every drug class is listed (with its counts) even when unchanged; a code list
 * is listed when it changes or changes source. Code lists are compared as they take effect: a list the release
 * does not set is its built-in codes (`targets`).
 */
export function diffCodeSetReleases(
  before: CodeSetRelease,
  after: CodeSetRelease,
  targets: readonly CodeListTarget[],
): CodeSetDiff {
  const byClass = (release: CodeSetRelease): Map<DrugClass, Set<string>> => {
    const classes = new Map<DrugClass, Set<string>>(
      DRUG_CLASSES.map((drugClass) => [drugClass, new Set<string>()]),
    );
    for (const [ndc, drugClass] of release.drugClasses) classes.get(drugClass)?.add(ndc);
    return classes;
  };
  const beforeClasses = byClass(before);
  const afterClasses = byClass(after);
  const drugClasses = DRUG_CLASSES.map((drugClass) => {
    const old = beforeClasses.get(drugClass) ?? new Set<string>();
    const now = afterClasses.get(drugClass) ?? new Set<string>();
    return {
      drugClass,
      before: old.size,
      after: now.size,
      added: sorted([...now].filter((ndc) => !old.has(ndc))),
      removed: sorted([...old].filter((ndc) => !now.has(ndc))),
    };
  });
  const effective = (release: CodeSetRelease, target: CodeListTarget) => {
    const override = release.codeLists.find((list) => list.address === target.address);
    return override === undefined
      ? { from: 'built-in' as const, codes: new Set(target.codes) }
      : { from: 'value-sets' as const, codes: new Set(override.codes) };
  };
  const codeLists = targets.flatMap((target) => {
    const old = effective(before, target);
    const now = effective(after, target);
    const added = sorted([...now.codes].filter((code) => !old.codes.has(code)));
    const removed = sorted([...old.codes].filter((code) => !now.codes.has(code)));
    return added.length === 0 && removed.length === 0 && old.from === now.from
      ? []
      : [{ address: target.address, from: { before: old.from, after: now.from }, added, removed }];
  });
  return { drugClasses, codeLists };
}

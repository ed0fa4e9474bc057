import type { DrugClass } from '../conditions/drug-class.types';
import type { CodeListOverride } from './code-list.types';

/**
 * The code sets services decide with: NDC → drug class and the code lists value sets replace. `id` is recorded with
 * every derived fact beside the rule version; a service that starts with another id than last time re-evaluates.
 */
export interface CodeSetRelease {
  readonly id: string;
  /** 11-digit NDC (5-4-2, no hyphens) → drug class. */
  readonly drugClasses: ReadonlyMap<string, DrugClass>;
  readonly codeLists: readonly CodeListOverride[];
}

/** Format tag of a compiled release file; a reader refuses any other. */
export const COMPILED_CODE_SET_FORMAT = 'care-codesets/1';

/**
 * A release as the `codesets` command writes it (`<CODESETS_DIR>/current.json`) and services read it at start-up.
 * A contract between the command and the services: additive changes only, or a new format tag.
 */
export interface CompiledCodeSetRelease {
  readonly format: typeof COMPILED_CODE_SET_FORMAT;
  readonly id: string;
  readonly compiledAt: string;
  /** Version of the drug class definitions the NDCs were classified with. */
  readonly drugClassDefinitions: string;
  /** What the release was compiled from (file names, row counts, value set ids), for people. */
  readonly sources: Readonly<Record<string, unknown>>;
  /** Drug class → sorted 11-digit NDCs. */
  readonly drugClasses: Readonly<Partial<Record<DrugClass, readonly string[]>>>;
  readonly codeLists: readonly CodeListOverride[];
}

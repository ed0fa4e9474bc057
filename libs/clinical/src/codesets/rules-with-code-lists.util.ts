import type { ConditionRule } from '../conditions/condition-rule.types';
import type { ClosingService, GapRule } from '../gaps/gap-rule.types';
import type { CodeListOverride } from './code-list.types';
import { codeListTargets } from './code-list-targets.util';

/** The two rule catalogs, as given or as a release's code lists make them. */
export interface RuleCatalogs {
  readonly conditions: readonly ConditionRule[];
  readonly gaps: readonly GapRule[];
}

/**
 * The catalogs with each overridden code list replaced by the release's codes; every list no override names keeps
 * its built-in codes, and rule ids, versions, windows and thresholds are left as they are. Throws on an address
 * that names no list of these catalogs (a release compiled against other rules).
 */
export function rulesWithCodeLists(
  catalogs: RuleCatalogs,
  overrides: readonly CodeListOverride[],
): RuleCatalogs {
  if (overrides.length === 0) return catalogs;
  const known = new Set(codeListTargets(catalogs.conditions, catalogs.gaps).map((target) => target.address));
  const unknown = overrides
    .filter((override) => !known.has(override.address))
    .map((override) => override.address);
  if (unknown.length > 0) throw new Error(`code lists not in the rule catalogs: ${unknown.join(', ')}`);
  const codes = new Map(overrides.map((override) => [override.address, override.codes]));
  const list = (address: string, builtIn: readonly string[]): readonly string[] =>
    codes.get(address) ?? builtIn;
  const listIfAny = (
    address: string,
    builtIn: readonly string[] | undefined,
  ): readonly string[] | undefined => (builtIn === undefined ? undefined : list(address, builtIn));

  const conditions = catalogs.conditions.map((rule): ConditionRule => ({
    ...rule,
    diagnosisCodePrefixes: list(`conditions/${rule.id}/diagnosis`, rule.diagnosisCodePrefixes),
    exclusions: {
      ...rule.exclusions,
      diagnosisCodePrefixes: list(`conditions/${rule.id}/exclusions`, rule.exclusions.diagnosisCodePrefixes),
    },
  }));
  const gaps = catalogs.gaps.map((rule): GapRule => {
    const service = (closing: ClosingService): ClosingService => {
      const procedureCodes = listIfAny(
        `gaps/${rule.id}/closing/${closing.id}/procedures`,
        closing.codes.procedureCodes,
      );
      const loincCodes = listIfAny(`gaps/${rule.id}/closing/${closing.id}/loinc`, closing.codes.loincCodes);
      return {
        ...closing,
        codes: {
          ...closing.codes,
          ...(procedureCodes === undefined ? {} : { procedureCodes }),
          ...(loincCodes === undefined ? {} : { loincCodes }),
        },
      };
    };
    const anyTime = listIfAny(
      `gaps/${rule.id}/exclusions-any-time`,
      rule.exclusions.anyTimeDiagnosisCodePrefixes,
    );
    const exclusionProcedures = listIfAny(
      `gaps/${rule.id}/exclusions-procedures`,
      rule.exclusions.procedureCodes,
    );
    const windowed = rule.exclusions.windowedDiagnoses?.map((item, index) => ({
      ...item,
      diagnosisCodePrefixes: list(
        `gaps/${rule.id}/exclusions-windowed/${String(index + 1)}`,
        item.diagnosisCodePrefixes,
      ),
    }));
    return {
      ...rule,
      ...(rule.closing === undefined ? {} : { closing: rule.closing.map((group) => group.map(service)) }),
      ...(rule.control === undefined
        ? {}
        : {
            control: {
              ...rule.control,
              loincCodes: list(`gaps/${rule.id}/control/loinc`, rule.control.loincCodes),
            },
          }),
      exclusions: {
        ...rule.exclusions,
        diagnosisCodePrefixes: list(`gaps/${rule.id}/exclusions`, rule.exclusions.diagnosisCodePrefixes),
        ...(anyTime === undefined ? {} : { anyTimeDiagnosisCodePrefixes: anyTime }),
        ...(exclusionProcedures === undefined ? {} : { procedureCodes: exclusionProcedures }),
        ...(windowed === undefined ? {} : { windowedDiagnoses: windowed }),
      },
    };
  });
  return { conditions, gaps };
}

import type { ConditionRule } from '../conditions/condition-rule.types';
import type { GapRule } from '../gaps/gap-rule.types';
import type { CodeListTarget } from './code-list.types';

/** Every code list of the two catalogs a value set may be mapped onto, with its built-in codes. */
export function codeListTargets(
  conditionRules: readonly ConditionRule[],
  gapRules: readonly GapRule[],
): CodeListTarget[] {
  const targets: CodeListTarget[] = [];
  for (const rule of conditionRules) {
    targets.push({
      address: `conditions/${rule.id}/diagnosis`,
      kind: 'diagnosis',
      codes: rule.diagnosisCodePrefixes,
    });
    targets.push({
      address: `conditions/${rule.id}/exclusions`,
      kind: 'diagnosis',
      codes: rule.exclusions.diagnosisCodePrefixes,
    });
  }
  for (const rule of gapRules) {
    for (const service of (rule.closing ?? []).flat()) {
      if (service.codes.procedureCodes !== undefined) {
        targets.push({
          address: `gaps/${rule.id}/closing/${service.id}/procedures`,
          kind: 'procedure',
          codes: service.codes.procedureCodes,
        });
      }
      if (service.codes.loincCodes !== undefined) {
        targets.push({
          address: `gaps/${rule.id}/closing/${service.id}/loinc`,
          kind: 'loinc',
          codes: service.codes.loincCodes,
        });
      }
    }
    if (rule.control !== undefined) {
      targets.push({
        address: `gaps/${rule.id}/control/loinc`,
        kind: 'loinc',
        codes: rule.control.loincCodes,
      });
    }
    targets.push({
      address: `gaps/${rule.id}/exclusions`,
      kind: 'diagnosis',
      codes: rule.exclusions.diagnosisCodePrefixes,
    });
    if (rule.exclusions.procedureCodes !== undefined) {
      targets.push({
        address: `gaps/${rule.id}/exclusions-procedures`,
        kind: 'procedure',
        codes: rule.exclusions.procedureCodes,
      });
    }
    (rule.exclusions.windowedDiagnoses ?? []).forEach((windowed, index) => {
      targets.push({
        address: `gaps/${rule.id}/exclusions-windowed/${String(index + 1)}`,
        kind: 'diagnosis',
        codes: windowed.diagnosisCodePrefixes,
      });
    });
    if (rule.exclusions.anyTimeDiagnosisCodePrefixes !== undefined) {
      targets.push({
        address: `gaps/${rule.id}/exclusions-any-time`,
        kind: 'diagnosis',
        codes: rule.exclusions.anyTimeDiagnosisCodePrefixes,
      });
    }
  }
  return targets;
}

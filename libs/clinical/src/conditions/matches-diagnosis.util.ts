import type { ConditionRule } from './condition-rule.types';
import { normalizeDiagnosisCode } from './normalize-diagnosis-code.util';

/** True when a code in a counted position (see `maxDiagnosisPosition`) starts with one of the rule's prefixes. */
export function matchesDiagnosis(
  rule: Pick<ConditionRule, 'diagnosisCodePrefixes' | 'maxDiagnosisPosition'>,
  codes: readonly string[],
): boolean {
  const counted = rule.maxDiagnosisPosition === undefined ? codes : codes.slice(0, rule.maxDiagnosisPosition);
  return counted.some((code) => {
    const normalized = normalizeDiagnosisCode(code);
    return rule.diagnosisCodePrefixes.some((prefix) => normalized.startsWith(prefix));
  });
}

import { rulesConcerningSelfReport, type ConditionRule } from '@care/clinical';
import type { AssessmentCompletedPayload } from '@care/contracts';
import type { StoredSelfReport } from './stored-evidence.types';

/** The self-reported items of a health assessment, each with the rules it concerns. */
export function selfReportsOf(
  assessment: AssessmentCompletedPayload,
  rules: readonly ConditionRule[],
): StoredSelfReport[] {
  const common = {
    memberId: assessment.memberId,
    assessmentId: assessment.assessmentId,
    completedOn: assessment.completedOn,
    recordedAt: assessment.recordedAt,
  };
  const conditions = assessment.selfReportedConditions.map((code) => ({
    ...common,
    kind: 'condition' as const,
    code,
    value: null,
    ruleIds: rulesConcerningSelfReport(rules, { kind: 'condition', code }),
  }));
  // One item per biometric code: when an assessment repeats a measurement, the highest reading counts.
  const highest = new Map<string, number>();
  for (const biometric of assessment.biometrics) {
    highest.set(biometric.code, Math.max(highest.get(biometric.code) ?? -Infinity, biometric.value));
  }
  const biometrics = [...highest].map(([code, value]) => ({
    ...common,
    kind: 'biometric' as const,
    code,
    value,
    ruleIds: rulesConcerningSelfReport(rules, { kind: 'biometric', code }),
  }));
  return [...conditions, ...biometrics];
}

// Screening instruments: PHQ-9, PHQ-2, AUDIT-C (issue 6); see README.md and docs/clinical/instruments.md.
export * from './instrument.types';
export * from './phq9.instrument';
export * from './phq2.instrument';
export * from './audit-c.instrument';
export { validateAnswers } from './validate-answers.util';
export { scorePhq9, phq9Severity } from './score-phq9.util';
export type { Phq9Score, Phq9ScoreOptions } from './score-phq9.util';
export { scorePhq2 } from './score-phq2.util';
export type { Phq2Score, Phq2ScoreOptions } from './score-phq2.util';
export { scoreAuditC } from './score-audit-c.util';
export type { AuditCScore, AuditCScoreOptions, AuditCSex, AuditCCutoffBasis } from './score-audit-c.util';
export type * from './questionnaire-response.types';
export { answersFromQuestionnaireResponse, loincOfLinkId } from './answers-from-questionnaire-response.util';
export { phq9SafetySignal, phq9SafetySignalInResponse } from './phq9-safety-signal.util';
export type { Phq9SafetySignal } from './phq9-safety-signal.util';
export {
  screeningTrend,
  PHQ9_SIGNIFICANT_CHANGE,
  PHQ9_REMISSION_BELOW,
  PHQ9_RESPONSE_FRACTION,
} from './screening-trend.util';
export type { ScoredScreening, ScreeningTrend, TrendDirection, Phq9Monitoring } from './screening-trend.util';

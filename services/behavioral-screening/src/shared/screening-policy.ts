import type { BehavioralScreeningConfig } from '../behavioral-screening.config';
import type { ScoringCutoffs } from '../screenings/scoring/score-screening.util';

/** The configured clinical policy of this instance (intervals and cut-offs), injected as SCREENING_POLICY. */
export interface ScreeningPolicy {
  /** A screening completed (or a request still open) this recently suppresses a new request. */
  readonly rescreenIntervalMs: number;
  /** A request caused by a case or an enrollment is due this many days after it. */
  readonly screeningDueDays: number;
  /** A positive PHQ-9 schedules a follow-up PHQ-9 this long after it was completed. */
  readonly phq9FollowUpIntervalMs: number;
  readonly followUpPollMs: number;
  readonly cutoffs: ScoringCutoffs;
}

/** Injection token of the {@link ScreeningPolicy}. */
export const SCREENING_POLICY = Symbol('SCREENING_POLICY');

export function screeningPolicyOf(config: BehavioralScreeningConfig): ScreeningPolicy {
  return {
    rescreenIntervalMs: config.rescreenIntervalMs,
    screeningDueDays: config.screeningDueDays,
    phq9FollowUpIntervalMs: config.phq9FollowUpIntervalMs,
    followUpPollMs: config.followUpPollMs,
    cutoffs: {
      phq9: config.phq9PositiveCutoff,
      phq2: config.phq2PositiveCutoff,
      auditC: {
        male: config.auditCCutoffMale,
        female: config.auditCCutoffFemale,
        otherOrUnknown: config.auditCCutoffOther,
      },
    },
  };
}
